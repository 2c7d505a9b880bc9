import { hashToken } from '@overlegtafels/auth';
import type { AppConfig } from '@overlegtafels/config';
import { RenewCalendarFeedUseCase } from '@overlegtafels/application';
import { ControlledClock, FakeCalendarFeedTokens } from '@overlegtafels/testing';

const config = { publicUrl: 'https://overleg.example.be' } as AppConfig;
const URL_PATTERN = /^https:\/\/overleg\.example\.be\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;

describe('RenewCalendarFeedUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  let feeds: FakeCalendarFeedTokens;
  let renew: RenewCalendarFeedUseCase;

  beforeEach(() => {
    feeds = new FakeCalendarFeedTokens();
    renew = new RenewCalendarFeedUseCase(feeds, clock, config);
  });

  it('makes a secret URL and stores only the hash of its token', async () => {
    const { url } = await renew.execute({ personId: 'p1' });
    const token = URL_PATTERN.exec(url)?.[1];
    expect(token).toBeDefined();
    const [stored] = feeds.tokens.all();
    expect(stored).toMatchObject({ personId: 'p1', tokenHash: hashToken(token!), revokedAt: null });
    expect(JSON.stringify(feeds.tokens.all())).not.toContain(token);
    expect(await feeds.active('p1')).toEqual({ createdAt: clock.now(), lastUsedAt: null });
  });

  it('revokes the old URL when renewing: one active token, and a different one', async () => {
    const first = await renew.execute({ personId: 'p1' });
    clock.advance(60_000);
    const second = await renew.execute({ personId: 'p1' });
    expect(second.url).not.toBe(first.url);
    const firstHash = hashToken(URL_PATTERN.exec(first.url)![1]!);
    expect(await feeds.findActiveByHash(firstHash)).toBeUndefined();
    expect(feeds.tokens.where((t) => t.revokedAt === null)).toHaveLength(1);
    expect((await feeds.active('p1'))?.createdAt).toEqual(clock.now());
  });
});
