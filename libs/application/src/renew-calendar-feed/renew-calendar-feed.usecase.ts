import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hashToken } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { CalendarFeedTokens } from '../ports/calendar-feed.repository.port';
import { RenewCalendarFeedCommand } from './renew-calendar-feed.command';

/**
 * A new secret calendar URL for a person: 32 random bytes, of which only the hash is stored, so
 * the URL is shown this once and never again. Any earlier URL stops working.
 */
@Injectable()
export class RenewCalendarFeedUseCase {
  constructor(
    @Inject(CalendarFeedTokens) private readonly feeds: CalendarFeedTokens,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ personId }: RenewCalendarFeedCommand): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.feeds.renew(personId, hashToken(token), this.clock.now());
    return { url: `${this.config.publicUrl}/calendar/${token}.ics` };
  }
}
