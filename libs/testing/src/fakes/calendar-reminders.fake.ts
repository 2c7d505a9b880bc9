import type { CalendarReminders } from '@overlegtafels/application/testing';
import type { ReminderMinutes } from '@overlegtafels/domain';

/** Each person's reminder in memory; none unless chosen. */
export class FakeCalendarReminders implements CalendarReminders {
  readonly chosen = new Map<string, ReminderMinutes>();
  /** Whether each read was in a transaction, in order: a mail of a change reads in its own. */
  readonly reads: { tx: unknown }[] = [];

  async of(personId: string, tx?: unknown): Promise<ReminderMinutes> {
    this.reads.push({ tx });
    return this.chosen.get(personId) ?? null;
  }

  async ofPeople(personIds: readonly string[], tx?: unknown): Promise<ReadonlyMap<string, ReminderMinutes>> {
    this.reads.push({ tx });
    return new Map(
      personIds.filter((id) => this.chosen.get(id) != null).map((id) => [id, this.chosen.get(id)!] as const),
    );
  }

  async choose(personId: string, minutes: ReminderMinutes, _tx?: unknown): Promise<void> {
    this.chosen.set(personId, minutes);
  }
}
