import { Inject, Injectable } from '@nestjs/common';
import {
  CALENDAR_REMINDER_CHOICES,
  CalendarReminder,
  isCalendarReminder,
  reminderMinutes,
  reminderOf,
} from '@overlegtafels/domain';
import { InputError } from '../errors/input-error';
import { CalendarReminders } from '../ports/calendar-reminders.port';
import { ChooseCalendarReminderCommand } from './choose-calendar-reminder.command';

/** The form's field, as a refusal names it. */
export const REMINDER_FIELD = 'herinnering';

/**
 * A person chooses the reminder their invitations and their feed carry: none, 15 minutes, 1 hour
 * or 1 day before. It applies to what is sent or fetched from now on; an invitation already in
 * their calendar keeps its alarm until its next update.
 */
@Injectable()
export class ChooseCalendarReminderUseCase {
  constructor(@Inject(CalendarReminders) private readonly reminders: CalendarReminders) {}

  async current(personId: string): Promise<CalendarReminder> {
    return reminderOf(await this.reminders.of(personId));
  }

  async execute({ personId, reminder }: ChooseCalendarReminderCommand): Promise<CalendarReminder> {
    if (!isCalendarReminder(reminder)) {
      throw new InputError([
        {
          field: REMINDER_FIELD,
          code: 'INVALID_CHOICE',
          message: `Kies een herinnering uit de lijst (${CALENDAR_REMINDER_CHOICES.length} keuzes): geen, 15 minuten, 1 uur of 1 dag vooraf.`,
        },
      ]);
    }
    await this.reminders.choose(personId, reminderMinutes(reminder));
    return reminder;
  }
}
