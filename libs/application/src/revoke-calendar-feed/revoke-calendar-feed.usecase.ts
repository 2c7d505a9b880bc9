import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@overlegtafels/config';
import { CalendarFeedTokens } from '../ports/calendar-feed.repository.port';
import { RevokeCalendarFeedCommand } from './revoke-calendar-feed.command';

/** Revokes a person's calendar URL; false when they had no active one. */
@Injectable()
export class RevokeCalendarFeedUseCase {
  constructor(
    @Inject(CalendarFeedTokens) private readonly feeds: CalendarFeedTokens,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ personId }: RevokeCalendarFeedCommand): Promise<boolean> {
    return (await this.feeds.revoke(personId, this.clock.now())) > 0;
  }
}
