import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { getSession, isCancelled, TableDefinition } from '@overlegtafels/domain';
import { CalendarStateRepository } from '../ports/calendar-state.port';
import type { SessionRecord } from '../ports/agenda-session.repository.port';
import { TableCalendarService } from '../table-calendar/table-calendar.service';

export interface SessionInstants {
  readonly freezeAtMs: number;
  readonly agendaSendAtMs: number;
}

/**
 * When a stored session freezes and when its agenda goes out, as the table's rules say today:
 * the series with the coordinators' cancellations and moves laid over it (a moved session keeps
 * its lead times). Undefined for a session the rules no longer know (unknown table, not a series
 * date) or one they cancel.
 */
@Injectable()
export class SessionTimingService {
  constructor(
    @Inject(TableCalendarService) private readonly tables: TableCalendarService,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
  ) {}

  get region() {
    return this.tables.region;
  }

  findTable(key: string): TableDefinition | undefined {
    return this.tables.region.tables.find((t) => t.key === key);
  }

  async instants(
    row: Pick<SessionRecord, 'tableKey' | 'scheduledStart'>,
  ): Promise<SessionInstants | undefined> {
    const table = this.findTable(row.tableKey);
    if (!table) return undefined;
    const calendar = await this.calendars.forTable(this.region.key, table.key, table.timeZone);
    const scheduledDate = DateTime.fromJSDate(row.scheduledStart, { zone: table.timeZone }).toISODate()!;
    try {
      const session = getSession(table, scheduledDate, calendar);
      if (isCancelled(session)) return undefined;
      return { freezeAtMs: session.freezeAtMs, agendaSendAtMs: session.agendaSendAtMs };
    } catch {
      return undefined;
    }
  }
}
