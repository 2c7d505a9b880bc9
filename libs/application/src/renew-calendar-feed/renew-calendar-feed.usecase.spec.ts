import { hashToken } from '@overlegtafels/auth';
import type { AppConfig } from '@overlegtafels/config';
import { RenewCalendarFeedUseCase, SubmittedOnce } from '@overlegtafels/application';
import {
  ControlledClock,
  FakeCalendarFeedTokens,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';

const config = { publicUrl: 'https://overleg.example.be' } as AppConfig;
const URL_PATTERN = /^https:\/\/overleg\.example\.be\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;

describe('RenewCalendarFeedUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  let feeds: FakeCalendarFeedTokens;
  let renew: RenewCalendarFeedUseCase;
  let ledger: FakeSubmissionLedger;

  beforeEach(() => {
    feeds = new FakeCalendarFeedTokens();
    ledger = new FakeSubmissionLedger();
    renew = new RenewCalendarFeedUseCase(
      feeds,
      clock,
      config,
      new FakeUnitOfWork(ledger),
      new SubmittedOnce(ledger),
    );
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

  it('with a key, a repeat answers the same URL and makes no second token; the ledger holds neither key nor token', async () => {
    const first = await renew.execute({ personId: 'p1', submissionKey: 'formulier-sleutel-0001' });
    clock.advance(1_000);
    const again = await renew.execute({ personId: 'p1', submissionKey: 'formulier-sleutel-0001' });
    expect(first.repeated).toBe(false);
    expect(again).toEqual({ url: first.url, repeated: true });
    const token = URL_PATTERN.exec(first.url)![1]!;
    expect(feeds.tokens.all()).toHaveLength(1);
    expect(await feeds.findActiveByHash(hashToken(token))).toBeDefined();
    const kept = JSON.stringify(ledger.rows);
    expect(kept).not.toContain(token);
    expect(kept).not.toContain('formulier-sleutel-0001');
  });

  it('with another key, or the same key of someone else, a new URL is made', async () => {
    const first = await renew.execute({ personId: 'p1', submissionKey: 'formulier-sleutel-0001' });
    const next = await renew.execute({ personId: 'p1', submissionKey: 'formulier-sleutel-0002' });
    const other = await renew.execute({ personId: 'p2', submissionKey: 'formulier-sleutel-0001' });
    expect(new Set([first.url, next.url, other.url]).size).toBe(3);
    expect(await feeds.findActiveByHash(hashToken(URL_PATTERN.exec(first.url)![1]!))).toBeUndefined();
    expect(
      feeds.tokens
        .where((t) => t.revokedAt === null)
        .map((t) => t.personId)
        .sort(),
    ).toEqual(['p1', 'p2']);
  });
});
