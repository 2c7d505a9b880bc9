import type { ReminderMinutes } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** Each person's chosen reminder for their invitations and feed (minutes before; null is none). */
export abstract class CalendarReminders {
  /** In `tx` when given: a mail written in a change reads it there, never on another connection. */
  abstract of(personId: string, tx?: Transaction): Promise<ReminderMinutes>;
  /** The choices of several people at once (a fan-out); people with none are left out. In `tx` when given. */
  abstract ofPeople(
    personIds: readonly string[],
    tx?: Transaction,
  ): Promise<ReadonlyMap<string, ReminderMinutes>>;
  /** In `tx` when given. */
  abstract choose(personId: string, minutes: ReminderMinutes, tx?: Transaction): Promise<void>;
}
