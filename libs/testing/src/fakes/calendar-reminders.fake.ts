import type { CalendarReminders } from '@overlegtafels/application/testing';
import type { ReminderMinutes } from '@overlegtafels/domain';

/** Each person's reminder in memory; none unless chosen. */
export class FakeCalendarReminders implements CalendarReminders {
  readonly chosen = new Map<string, ReminderMinutes>();

  async of(personId: string): Promise<ReminderMinutes> {
    return this.chosen.get(personId) ?? null;
  }

  async ofPeople(personIds: readonly string[]): Promise<ReadonlyMap<string, ReminderMinutes>> {
    return new Map(
      personIds.filter((id) => this.chosen.get(id) != null).map((id) => [id, this.chosen.get(id)!] as const),
    );
  }

  async choose(personId: string, minutes: ReminderMinutes, _tx?: unknown): Promise<void> {
    this.chosen.set(personId, minutes);
  }
}
