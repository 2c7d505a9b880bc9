import { InvalidCalendarStateError, InvalidInstantError } from '../errors/domain.error';
import { TableDefinition } from '../tables/table-definition.model';
import { SlotDecision, TableSchedule } from '../tables/table-schedule.policy';
import { LocalDateString, parseLocalDate, parseLocalTime } from '../time/local-date.util';
import { CalendarState, EMPTY_CALENDAR, Instant, Session } from './session.model';

interface IndexedCalendar {
  readonly cancellations: ReadonlyMap<number, string>;
  readonly moves: ReadonlyMap<number, NonNullable<SlotDecision['move']>>;
  readonly closedPeriods: readonly { readonly from: number; readonly to: number; readonly reason: string }[];
  readonly capacities: ReadonlyMap<number, { readonly capacityMinutes: number; readonly reason: string }>;
  readonly empty: boolean;
}

const indexed = new WeakMap<CalendarState, WeakMap<TableSchedule, IndexedCalendar>>();

/** Calendar state checked against the table's series; throws InvalidCalendarStateError when it cannot be right. */
export function indexCalendar(schedule: TableSchedule, calendar: CalendarState): IndexedCalendar {
  let perTable = indexed.get(calendar);
  if (!perTable) {
    perTable = new WeakMap();
    indexed.set(calendar, perTable);
  }
  let result = perTable.get(schedule);
  if (!result) {
    result = buildIndex(schedule, calendar);
    perTable.set(schedule, result);
  }
  return result;
}

function buildIndex(schedule: TableSchedule, calendar: CalendarState): IndexedCalendar {
  const fail = (problem: string): never => {
    throw new InvalidCalendarStateError(schedule.key, problem);
  };
  const reasonOf = (what: string, reason: string): string =>
    typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : fail(`${what} needs a reason`);
  const seriesDay = (what: string, date: LocalDateString): number => {
    const day = parseLocalDate(date) ?? fail(`${what}: "${date}" is not a yyyy-mm-dd date`);
    if (!schedule.isSeriesDay(day)) fail(`${what}: ${date} is not a session date of the series`);
    return day;
  };

  const cancellations = new Map<number, string>();
  for (const c of calendar.cancellations ?? []) {
    const day = seriesDay('cancellation', c.scheduledDate);
    if (cancellations.has(day)) fail(`session ${c.scheduledDate} is cancelled twice`);
    cancellations.set(day, reasonOf(`cancellation of ${c.scheduledDate}`, c.reason));
  }

  const moves = new Map<number, NonNullable<SlotDecision['move']>>();
  for (const m of calendar.moves ?? []) {
    const from = seriesDay('move', m.scheduledDate);
    if (moves.has(from)) fail(`session ${m.scheduledDate} is moved twice`);
    const day =
      parseLocalDate(m.date) ?? fail(`move of ${m.scheduledDate}: "${m.date}" is not a yyyy-mm-dd date`);
    const startMinute =
      m.startTime === undefined
        ? schedule.startMinute
        : (parseLocalTime(m.startTime) ?? fail(`move of ${m.scheduledDate}: startTime is not HH:mm`));
    const endMinute =
      m.endTime === undefined
        ? schedule.endMinute
        : (parseLocalTime(m.endTime) ?? fail(`move of ${m.scheduledDate}: endTime is not HH:mm`));
    if (endMinute <= startMinute) fail(`move of ${m.scheduledDate}: the session must end after it starts`);
    moves.set(from, {
      day,
      startMinute,
      endMinute,
      reason: reasonOf(`move of ${m.scheduledDate}`, m.reason),
    });
  }

  const closedPeriods = (calendar.closedPeriods ?? []).map((p) => {
    const from = parseLocalDate(p.from) ?? fail(`closed period: "${p.from}" is not a yyyy-mm-dd date`);
    const to = parseLocalDate(p.to) ?? fail(`closed period: "${p.to}" is not a yyyy-mm-dd date`);
    if (to < from) fail(`closed period ${p.from}–${p.to} ends before it starts`);
    return { from, to, reason: reasonOf(`closed period ${p.from}–${p.to}`, p.reason) };
  });

  const capacities = new Map<number, { capacityMinutes: number; reason: string }>();
  for (const o of calendar.capacityOverrides ?? []) {
    const day = seriesDay('capacity override', o.scheduledDate);
    if (capacities.has(day)) fail(`session ${o.scheduledDate} has two capacity overrides`);
    const move = moves.get(day);
    const length = (
      move ? move.endMinute - move.startMinute : schedule.endMinute - schedule.startMinute
    ) as number;
    if (!Number.isInteger(o.capacityMinutes) || o.capacityMinutes < 0 || o.capacityMinutes > length) {
      fail(`capacity override of ${o.scheduledDate} must be a whole number from 0 to ${length}`);
    }
    capacities.set(day, {
      capacityMinutes: o.capacityMinutes,
      reason: reasonOf(`capacity override of ${o.scheduledDate}`, o.reason),
    });
  }

  return {
    cancellations,
    moves,
    closedPeriods,
    capacities,
    empty: cancellations.size + moves.size + closedPeriods.length + capacities.size === 0,
  };
}

function decisionFor(index: IndexedCalendar, day: number): SlotDecision {
  if (index.empty) return {};
  const closed = index.closedPeriods.find((p) => day >= p.from && day <= p.to);
  return {
    cancellationReason: index.cancellations.get(day),
    move: index.moves.get(day),
    closedReason: closed?.reason,
    capacity: index.capacities.get(day),
  };
}

export function isEmptyCalendar(schedule: TableSchedule, calendar: CalendarState | undefined): boolean {
  return calendar === undefined || calendar === EMPTY_CALENDAR || indexCalendar(schedule, calendar).empty;
}

function assertInstant(what: string, value: Instant): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidInstantError(what, value);
}

export interface SessionRange {
  /** Inclusive. */
  readonly fromMs: Instant;
  /** Exclusive. */
  readonly toMs: Instant;
}

/**
 * The sessions of a table that start in [fromMs, toMs), cancelled ones included (with their
 * reason), ordered by start. Sessions moved into the range are in it; moved out of it, they are not.
 */
export function generateSessions(
  table: TableDefinition,
  range: SessionRange,
  calendar: CalendarState = EMPTY_CALENDAR,
): Session[] {
  assertInstant('range.fromMs', range.fromMs);
  assertInstant('range.toMs', range.toMs);
  const schedule = TableSchedule.of(table);
  const index = indexCalendar(schedule, calendar);
  if (range.toMs <= range.fromMs) return [];
  // One day of slack either side: a session's local date and the UTC date of the bound can differ.
  const fromDay = schedule.zone.localDayOf(range.fromMs) - 1;
  const toDay = schedule.zone.localDayOf(range.toMs) + 1;
  const days = schedule.seriesDaysBetween(fromDay, toDay).filter((day) => !index.moves.has(day));
  for (const [day, move] of index.moves) {
    if (move.day >= fromDay && move.day <= toDay) days.push(day);
  }
  const sessions: Session[] = [];
  for (const day of days) {
    const session = schedule.session(day, decisionFor(index, day));
    if (session.startMs >= range.fromMs && session.startMs < range.toMs) sessions.push(session);
  }
  return sessions.sort(compareSessions);
}

/** The session of one scheduled date (throws when the date is not in the series). */
export function getSession(
  table: TableDefinition,
  scheduledDate: LocalDateString,
  calendar: CalendarState = EMPTY_CALENDAR,
): Session {
  const schedule = TableSchedule.of(table);
  const index = indexCalendar(schedule, calendar);
  const day = parseLocalDate(scheduledDate);
  if (day === undefined || !schedule.isSeriesDay(day)) {
    throw new InvalidCalendarStateError(schedule.key, `${scheduledDate} is not a session date of the series`);
  }
  return schedule.session(day, decisionFor(index, day));
}

export function compareSessions(a: Session, b: Session): number {
  return (
    a.startMs - b.startMs ||
    (a.scheduledDate < b.scheduledDate ? -1 : a.scheduledDate > b.scheduledDate ? 1 : 0)
  );
}
