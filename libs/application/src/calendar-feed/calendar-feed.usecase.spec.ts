import { hashToken } from '@overlegtafels/auth';
import type { AppConfig } from '@overlegtafels/config';
import { AgendaService, CalendarFeedUseCase, TableCalendarService } from '@overlegtafels/application';
import { mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  FakeAuditLog,
  FakeCalendarFeedTokens,
  FakeCalendarReminders,
} from '@overlegtafels/testing';

const identity = mailIdentity('overlegtafels@example.be', 'CO3 (demo)');
const config = { publicUrl: 'https://overleg.example.be', regions: ['co3-antwerpen'] } as AppConfig;
const TOKEN = 'a'.repeat(43);

/**
 * The refusals of the feed, before any table is read: the tables are reached only for a live
 * token (calendar-feed.int-spec.ts covers the feed's content against the database).
 */
describe('CalendarFeedUseCase (tokens)', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  const unreachable = new Proxy({} as TableCalendarService, {
    get: () => {
      throw new Error('the tables must not be read for this token');
    },
  });
  const noAgenda = new Proxy({} as AgendaService, {
    get: () => {
      throw new Error('the sessions must not be read for this token');
    },
  });
  let feeds: FakeCalendarFeedTokens;
  let useCase: CalendarFeedUseCase;

  beforeEach(async () => {
    feeds = new FakeCalendarFeedTokens();
    await feeds.renew('p1', hashToken(TOKEN), clock.now());
    useCase = new CalendarFeedUseCase(
      feeds,
      unreachable,
      noAgenda,
      identity,
      clock,
      config,
      new FakeAuditLog(),
      new FakeCalendarReminders(),
      null,
    );
  });

  it.each([
    ['a malformed token', 'kort'],
    ['an unknown token', 'b'.repeat(43)],
  ])('finds nothing for %s', async (_what, token) => {
    expect(await useCase.feed({ token })).toBeUndefined();
    expect(feeds.tokens.all()[0]!.lastUsedAt).toBeNull();
  });

  it('finds nothing for a revoked token', async () => {
    await feeds.revoke('p1', clock.now());
    expect(await useCase.feed({ token: TOKEN })).toBeUndefined();
  });

  it('finds nothing for the token of a person who was deactivated', async () => {
    feeds.inactive.add('p1');
    expect(await useCase.feed({ token: TOKEN })).toBeUndefined();
  });

  it('finds nothing for the token of a person of a region this installation does not serve', async () => {
    feeds.regionKey = 'vlaams-brabant';
    expect(await useCase.feed({ token: TOKEN })).toBeUndefined();
    expect(feeds.tokens.all()[0]!.lastUsedAt).toBeNull();
  });

  it('shows the person the status of their subscription', async () => {
    expect(await useCase.status('p1')).toEqual({ createdAt: clock.now(), lastUsedAt: null });
    expect(await useCase.status('p2')).toBeUndefined();
  });
});
