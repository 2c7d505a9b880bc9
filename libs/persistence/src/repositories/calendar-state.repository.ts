import { Inject, Injectable } from '@nestjs/common';
import type { CalendarStateRepository, NewClosedPeriod } from '@overlegtafels/application';
import { DateTime } from 'luxon';
import { isCancelled, SESSION_STATUSES_ON_CALENDAR, type CalendarState } from '@overlegtafels/domain';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * What coordinators decided about a table's calendar (cancellations, moves, capacity changes,
 * closed periods), read from the database into the domain's CalendarState.
 */
@Injectable()
export class PrismaCalendarStateRepository implements CalendarStateRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async forTable(
    regionKey: string,
    tableKey: string,
    timeZone: string,
    db?: Transaction,
  ): Promise<CalendarState> {
    const region = await on(db, this.prisma).region.findUnique({
      where: { key: regionKey },
      select: { id: true },
    });
    if (!region) return {};
    // One after the other: inside a transaction both run on the same connection.
    const sessions = await on(db, this.prisma).session.findMany({
      where: {
        regionId: region.id,
        tableKey,
        OR: [
          { status: { notIn: [...SESSION_STATUSES_ON_CALENDAR] } },
          { movedFromStartsAt: { not: null } },
          { capacityMinutes: { not: null } },
        ],
      },
      select: {
        scheduledStart: true,
        startsAt: true,
        endsAt: true,
        status: true,
        cancelReason: true,
        moveReason: true,
        capacityMinutes: true,
      },
    });
    const closed = await on(db, this.prisma).closedPeriod.findMany({
      where: { regionId: region.id, OR: [{ tableKey: null }, { tableKey }] },
      select: { fromDate: true, toDate: true, reason: true },
    });
    const local = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone });
    const state: {
      cancellations: NonNullable<CalendarState['cancellations']>[number][];
      moves: NonNullable<CalendarState['moves']>[number][];
      capacityOverrides: NonNullable<CalendarState['capacityOverrides']>[number][];
    } = {
      cancellations: [],
      moves: [],
      capacityOverrides: [],
    };
    for (const s of sessions) {
      const scheduledDate = local(s.scheduledStart).toISODate()!;
      if (isCancelled(s)) {
        state.cancellations.push({
          scheduledDate,
          reason: s.cancelReason ?? 'geannuleerd door de coördinator',
        });
        continue;
      }
      if (s.startsAt.getTime() !== s.scheduledStart.getTime()) {
        state.moves.push({
          scheduledDate,
          date: local(s.startsAt).toISODate()!,
          startTime: local(s.startsAt).toFormat('HH:mm'),
          endTime: local(s.endsAt).toFormat('HH:mm'),
          reason: s.moveReason ?? 'verplaatst door de coördinator',
        });
      }
      if (s.capacityMinutes !== null) {
        state.capacityOverrides.push({
          scheduledDate,
          capacityMinutes: s.capacityMinutes,
          reason: 'capaciteit aangepast door de coördinator',
        });
      }
    }
    return {
      ...state,
      closedPeriods: closed.map((c) => ({ from: ymd(c.fromDate), to: ymd(c.toDate), reason: c.reason })),
    };
  }

  async createClosedPeriod(tx: Transaction, period: NewClosedPeriod): Promise<void> {
    await on(tx, this.prisma).closedPeriod.create({ data: period });
  }
}
