import { DateTime } from 'luxon';
import { CalendarState, getSession, isProvisional, Session, TableDefinition } from '@overlegtafels/domain';
import { dutchDate, dutchTimeRange, dutchWeekdayTime } from '@overlegtafels/mail';
import type { AgendaItemRecord } from '../ports/agenda-item.repository.port';
import type { SessionRecord } from '../ports/agenda-session.repository.port';

/** Who acts, as the application needs it (the auth layer maps its Principal onto this). */
export interface Actor {
  readonly personId: string;
  readonly regionId: string;
  /** `METHOD /path` of the route, for the audit log. */
  readonly route?: string;
}

export interface SlotInfo {
  readonly sessionId: string;
  readonly tableKey: string;
  readonly tableName: string;
  readonly sessionStart: string;
  readonly slotStart: string;
  readonly slotEnd: string;
  readonly freezeAtMs: number;
  readonly freezeAt: string;
  /** Definitive once the session is frozen; provisional before. */
  readonly provisional: boolean;
  /** "vrijdag 4 december 2026, 10:00–10:30, onder voorbehoud tot donderdag 13:00" */
  readonly text: string;
}

/** The domain's view of a stored session row (freeze and deadline instants follow its date). */
export function domainSession(table: TableDefinition, row: SessionRecord, calendar: CalendarState): Session {
  const scheduledDate = DateTime.fromJSDate(row.scheduledStart, { zone: table.timeZone }).toISODate()!;
  return getSession(table, scheduledDate, calendar);
}

export function slotInfo(
  table: TableDefinition,
  row: SessionRecord,
  item: Pick<AgendaItemRecord, 'slotStart' | 'slotEnd'>,
  calendar: CalendarState,
): SlotInfo {
  const zone = table.timeZone;
  const session = domainSession(table, row, calendar);
  const start = DateTime.fromJSDate(item.slotStart!, { zone });
  const end = DateTime.fromJSDate(item.slotEnd!, { zone });
  const freeze = DateTime.fromMillis(session.freezeAtMs, { zone });
  const provisional = isProvisional(row);
  return {
    sessionId: row.id,
    tableKey: table.key,
    tableName: table.name,
    sessionStart: row.startsAt.toISOString(),
    slotStart: start.toUTC().toISO()!,
    slotEnd: end.toUTC().toISO()!,
    freezeAtMs: session.freezeAtMs,
    freezeAt: freeze.toUTC().toISO()!,
    provisional,
    text: `${dutchDate(start)}, ${dutchTimeRange(start, end)}${provisional ? `, onder voorbehoud tot ${dutchWeekdayTime(freeze)}` : ''}`,
  };
}
