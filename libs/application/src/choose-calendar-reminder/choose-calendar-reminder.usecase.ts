import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@overlegtafels/config';
import {
  CALENDAR_REMINDER_CHOICES,
  CalendarReminder,
  isCalendarReminder,
  reminderMinutes,
  reminderOf,
} from '@overlegtafels/domain';
import { InputError } from '../errors/input-error';
import { CalendarReminders } from '../ports/calendar-reminders.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { ChooseCalendarReminderCommand } from './choose-calendar-reminder.command';

/** The ledger's scope of the reminder form's one-time key. */
export const REMINDER_SCOPE = 'calendar-reminder';

/** The form's field, as a refusal names it. */
export const REMINDER_FIELD = 'herinnering';

/**
 * A person chooses the reminder their invitations and their feed carry: none, 15 minutes, 1 hour
 * or 1 day before. It applies to what is sent or fetched from now on; an invitation already in
 * their calendar keeps its alarm until its next update. With the form's key a repeat answers as
 * the first and writes nothing; the same key with another choice is refused.
 */
@Injectable()
export class ChooseCalendarReminderUseCase {
  constructor(
    @Inject(CalendarReminders) private readonly reminders: CalendarReminders,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async current(personId: string): Promise<CalendarReminder> {
    return reminderOf(await this.reminders.of(personId));
  }

  async execute({
    personId,
    reminder,
    submissionKey,
  }: ChooseCalendarReminderCommand): Promise<CalendarReminder> {
    if (!isCalendarReminder(reminder)) {
      throw new InputError([
        {
          field: REMINDER_FIELD,
          code: 'INVALID_CHOICE',
          message: `Kies een herinnering uit de lijst (${CALENDAR_REMINDER_CHOICES.length} keuzes): geen, 15 minuten, 1 uur of 1 dag vooraf.`,
        },
      ]);
    }
    const chosen = reminder;
    return this.uow.run(async (tx) => {
      const { result } = await this.once.run(
        tx,
        {
          actorPersonId: personId,
          scope: REMINDER_SCOPE,
          ...(submissionKey && { key: submissionKey }),
          content: { reminder: chosen },
          at: this.clock.now(),
        },
        async () => {
          await this.reminders.choose(personId, reminderMinutes(chosen), tx);
          return chosen;
        },
      );
      return result;
    });
  }
}
