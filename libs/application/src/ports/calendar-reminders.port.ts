import type { ReminderMinutes } from '@overlegtafels/domain';

/** Each person's chosen reminder for their invitations and feed (minutes before; null is none). */
export abstract class CalendarReminders {
  abstract of(personId: string): Promise<ReminderMinutes>;
  /** The choices of several people at once (a fan-out); people with none are left out. */
  abstract ofPeople(personIds: readonly string[]): Promise<ReadonlyMap<string, ReminderMinutes>>;
  abstract choose(personId: string, minutes: ReminderMinutes): Promise<void>;
}
