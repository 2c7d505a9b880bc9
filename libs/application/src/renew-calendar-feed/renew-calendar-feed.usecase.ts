import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hashToken } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { CalendarFeedTokens } from '../ports/calendar-feed.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { RenewCalendarFeedCommand } from './renew-calendar-feed.command';

/** The ledger's scope of a renewal's one-time key. */
export const CALENDAR_FEED_RENEW_SCOPE = 'calendar-feed-renew';

/**
 * The token of a renewal sent with a key: an HMAC of a random salt under the key itself. The
 * ledger keeps only the key's hash and the salt, so neither it nor the feed table holds the token,
 * and the same person sending the same key again gets the same URL back.
 */
export function keyedFeedToken(submissionKey: string, personId: string, salt: string): string {
  return createHmac('sha256', submissionKey).update(`calendar-feed|${personId}|${salt}`).digest('base64url');
}

/** What the ledger keeps of a renewal's key: its SHA-256, never the key the token comes from. */
export function ledgerKeyOf(submissionKey: string): string {
  return createHash('sha256').update(submissionKey).digest('hex');
}

/**
 * A new secret calendar URL for a person: 32 random bytes, of which only the hash is stored, so
 * the URL is shown on the answer to this request and never on a page again. Any earlier URL stops
 * working. With a form's one-time key (or the API's Idempotency-Key) a repeat — a double click, a
 * reload of the answer, a retried call — makes no new URL: it answers the one the first made
 * (`repeated: true`), so the URL on the screen is the one that works.
 */
@Injectable()
export class RenewCalendarFeedUseCase {
  constructor(
    @Inject(CalendarFeedTokens) private readonly feeds: CalendarFeedTokens,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute({
    personId,
    submissionKey,
  }: RenewCalendarFeedCommand): Promise<{ url: string; repeated: boolean }> {
    const now = this.clock.now();
    if (!submissionKey) {
      const token = randomBytes(32).toString('base64url');
      await this.feeds.renew(personId, hashToken(token), now);
      return { url: this.urlOf(token), repeated: false };
    }
    const { result, repeated } = await this.uow.run((tx) =>
      this.once.run(
        tx,
        {
          actorPersonId: personId,
          scope: CALENDAR_FEED_RENEW_SCOPE,
          key: ledgerKeyOf(submissionKey),
          content: {},
          at: now,
        },
        async () => {
          const salt = randomBytes(32).toString('base64url');
          await this.feeds.renew(personId, hashToken(keyedFeedToken(submissionKey, personId, salt)), now, tx);
          return { salt };
        },
      ),
    );
    return { url: this.urlOf(keyedFeedToken(submissionKey, personId, result.salt)), repeated };
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/calendar/${token}.ics`;
  }
}
