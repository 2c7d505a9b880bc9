import { Inject, Injectable } from '@nestjs/common';
import type { CalendarReminders, Transaction } from '@overlegtafels/application';
import { ReminderMinutes, reminderMinutes, reminderOf } from '@overlegtafels/domain';
import { PrismaService } from '../prisma.service';
import { on } from '../transaction';

/** persons.calendar_reminder_minutes: the column holds only the choices (a CHECK constraint). */
@Injectable()
export class PrismaCalendarReminders implements CalendarReminders {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async of(personId: string, tx?: Transaction): Promise<ReminderMinutes> {
    const row = await on(tx, this.prisma).person.findUnique({
      where: { id: personId },
      select: { calendarReminderMinutes: true },
    });
    return reminderMinutes(reminderOf(row?.calendarReminderMinutes));
  }

  async ofPeople(
    personIds: readonly string[],
    tx?: Transaction,
  ): Promise<ReadonlyMap<string, ReminderMinutes>> {
    if (personIds.length === 0) return new Map();
    const rows = await on(tx, this.prisma).person.findMany({
      where: { id: { in: [...new Set(personIds)] }, calendarReminderMinutes: { not: null } },
      select: { id: true, calendarReminderMinutes: true },
    });
    return new Map(rows.map((r) => [r.id, reminderMinutes(reminderOf(r.calendarReminderMinutes))]));
  }

  async choose(personId: string, minutes: ReminderMinutes, tx?: Transaction): Promise<void> {
    await on(tx, this.prisma).person.update({
      where: { id: personId },
      data: { calendarReminderMinutes: minutes },
    });
  }
}
