import { hashToken } from '@overlegtafels/auth';
import type { AppConfig } from '@overlegtafels/config';
import {
  RenewCalendarFeedUseCase,
  RevokeCalendarFeedUseCase,
  SubmittedOnce,
} from '@overlegtafels/application';
import {
  ControlledClock,
  FakeCalendarFeedTokens,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';

const config = { publicUrl: 'https://overleg.example.be' } as AppConfig;
const URL_PATTERN = /^https:\/\/overleg\.example\.be\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;

describe('RevokeCalendarFeedUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');

  it('revokes the active URL, and says when there was none', async () => {
    const feeds = new FakeCalendarFeedTokens();
    const { url } = await new RenewCalendarFeedUseCase(
      feeds,
      clock,
      config,
      new FakeUnitOfWork(),
      new SubmittedOnce(new FakeSubmissionLedger()),
    ).execute({ personId: 'p1' });
    const revoke = new RevokeCalendarFeedUseCase(
      feeds,
      clock,
      new FakeUnitOfWork(),
      new SubmittedOnce(new FakeSubmissionLedger()),
    );
    expect(await revoke.execute({ personId: 'p1' })).toBe(true);
    expect(await feeds.findActiveByHash(hashToken(URL_PATTERN.exec(url)![1]!))).toBeUndefined();
    expect(await feeds.active('p1')).toBeUndefined();
    expect(await revoke.execute({ personId: 'p1' })).toBe(false);
  });

  it('leaves other people’s subscriptions alone', async () => {
    const feeds = new FakeCalendarFeedTokens();
    await new RenewCalendarFeedUseCase(
      feeds,
      clock,
      config,
      new FakeUnitOfWork(),
      new SubmittedOnce(new FakeSubmissionLedger()),
    ).execute({ personId: 'p2' });
    expect(
      await new RevokeCalendarFeedUseCase(
        feeds,
        clock,
        new FakeUnitOfWork(),
        new SubmittedOnce(new FakeSubmissionLedger()),
      ).execute({ personId: 'p1' }),
    ).toBe(false);
    expect(await feeds.active('p2')).toBeDefined();
  });

  it('revokes once per key: a repeat answers revoked, not "there was none"', async () => {
    const feeds = new FakeCalendarFeedTokens();
    await new RenewCalendarFeedUseCase(
      feeds,
      clock,
      config,
      new FakeUnitOfWork(),
      new SubmittedOnce(new FakeSubmissionLedger()),
    ).execute({ personId: 'p1' });
    const revoke = new RevokeCalendarFeedUseCase(
      feeds,
      clock,
      new FakeUnitOfWork(),
      new SubmittedOnce(new FakeSubmissionLedger()),
    );
    expect(await revoke.execute({ personId: 'p1', submissionKey: 'intrekken-0001' })).toBe(true);
    expect(await revoke.execute({ personId: 'p1', submissionKey: 'intrekken-0001' })).toBe(true);
    // Without the key (an old form), the second press finds nothing left to revoke.
    expect(await revoke.execute({ personId: 'p1' })).toBe(false);
  });
});
