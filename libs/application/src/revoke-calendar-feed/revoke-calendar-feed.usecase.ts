import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@overlegtafels/config';
import { CalendarFeedTokens } from '../ports/calendar-feed.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { RevokeCalendarFeedCommand } from './revoke-calendar-feed.command';

/** The ledger's scope of the revoke form's one-time key. */
export const REVOKE_FEED_SCOPE = 'calendar-feed-revoke';

/**
 * Revokes a person's calendar URL; false when they had no active one. With the form's key a
 * repeat (a double click, a reload) answers as the first did: revoked, not "there was none".
 */
@Injectable()
export class RevokeCalendarFeedUseCase {
  constructor(
    @Inject(CalendarFeedTokens) private readonly feeds: CalendarFeedTokens,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
  ) {}

  async execute({ personId, submissionKey }: RevokeCalendarFeedCommand): Promise<boolean> {
    const now = this.clock.now();
    return this.uow.run(async (tx) => {
      const { result } = await this.once.run(
        tx,
        {
          actorPersonId: personId,
          scope: REVOKE_FEED_SCOPE,
          ...(submissionKey && { key: submissionKey }),
          content: { revoke: true },
          at: now,
        },
        async () => (await this.feeds.revoke(personId, now, tx)) > 0,
      );
      return result;
    });
  }
}
