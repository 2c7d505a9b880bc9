/**
 * The reminder a person chooses for their calendar entries (invitations and feed): none, or a
 * display alarm a fixed time before the start. The choices are few on purpose; each maps to the
 * minutes before the start that the VALARM's TRIGGER states (and the database keeps).
 */
export const CALENDAR_REMINDERS = {
  geen: null,
  '15m': 15,
  '1u': 60,
  '1d': 24 * 60,
} as const;

export type CalendarReminder = keyof typeof CALENDAR_REMINDERS;
/** Minutes before the start; null is no reminder. */
export type ReminderMinutes = (typeof CALENDAR_REMINDERS)[CalendarReminder];

export const CALENDAR_REMINDER_CHOICES = Object.keys(CALENDAR_REMINDERS) as CalendarReminder[];

export function isCalendarReminder(value: unknown): value is CalendarReminder {
  return typeof value === 'string' && Object.hasOwn(CALENDAR_REMINDERS, value);
}

export function reminderMinutes(choice: CalendarReminder): ReminderMinutes {
  return CALENDAR_REMINDERS[choice];
}

/** The choice a stored number stands for; anything not one of the choices reads as none. */
export function reminderOf(minutes: number | null | undefined): CalendarReminder {
  return CALENDAR_REMINDER_CHOICES.find((c) => CALENDAR_REMINDERS[c] === minutes) ?? 'geen';
}
