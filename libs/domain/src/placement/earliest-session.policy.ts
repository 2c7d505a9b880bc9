import { generateSessions } from '../sessions/session-calendar.policy';
import { CalendarState, EMPTY_CALENDAR, Instant, Session } from '../sessions/session.model';
import { TableDefinition } from '../tables/table-definition.model';
import { LocalDateString, MS_PER_DAY, parseLocalDate } from '../time/local-date.util';
import { ZoneOffsets } from '../time/zone-offsets.util';
import {
  DEFAULT_PLACEMENT_HORIZON_DAYS,
  placeSubmission,
  PlacementOptions,
  PlacementOutcome,
} from './placement.policy';

/**
 * The first open session of a table starting in [fromMs, untilMs), or undefined. Searched in
 * windows of a few sessions: the answer is nearly always the first or second session, and the
 * obligation plan asks for every dossier on every change, so generating a year each time would be
 * waste. The one definition of "the first session on or after a date" for both the due date of a
 * session-relative obligation and the session an agendapunt with a "not before" may go to.
 */
export function firstOpenSessionBetween(
  table: TableDefinition,
  fromMs: Instant,
  untilMs: Instant,
  calendar: CalendarState = EMPTY_CALENDAR,
): Session | undefined {
  const windowMs = Math.max(8, 2 * table.recurrence.everyWeeks) * 7 * MS_PER_DAY;
  for (let start = fromMs; start < untilMs; start += windowMs) {
    const found = generateSessions(
      table,
      { fromMs: start, toMs: Math.min(start + windowMs, untilMs) },
      calendar,
    ).find((s) => s.status === 'open');
    if (found) return found;
  }
  return undefined;
}

/** Local midnight of a date in the table's zone: a session "on or after" the date starts at or after it. */
export function startOfDateIn(table: TableDefinition, date: LocalDateString): Instant {
  const day = parseLocalDate(date);
  if (day === undefined) throw new RangeError(`not a yyyy-mm-dd date: ${String(date)}`);
  return ZoneOffsets.of(table.timeZone).instantOf(day, 0);
}

/**
 * A submission now would land on a session before the date it must not come before. `first` is
 * the first open session on or after that date (within a year of it), and `opensAtMs` the moment
 * from which a submission lands there: the deadline of the last open session before it. From
 * then on `first` is the next open session.
 */
export interface SessionTooEarly {
  readonly ok: false;
  readonly code: 'SESSION_TOO_EARLY';
  readonly notBeforeDate: LocalDateString;
  readonly session: Session;
  readonly first?: Session;
  readonly opensAtMs?: Instant;
}

/**
 * placeSubmission for an item that must be discussed on or after a date (an afsluiting: six
 * months after the afronding). It never moves the item to a later session on its own: where the
 * submission lands now is too early, it says so, with the session it can go to and from when.
 * Capacity is not considered, as in placeSubmission: a full session only sends the item later.
 */
export function placeOnOrAfter(
  table: TableDefinition,
  submittedAtMs: Instant,
  notBeforeDate: LocalDateString,
  options: PlacementOptions = {},
): PlacementOutcome | SessionTooEarly {
  const notBeforeMs = startOfDateIn(table, notBeforeDate);
  const placed = placeSubmission(table, submittedAtMs, options);
  if (!placed.ok || placed.session.startMs >= notBeforeMs) return placed;
  const calendar = options.calendar ?? EMPTY_CALENDAR;
  const first = firstOpenSessionBetween(
    table,
    notBeforeMs,
    notBeforeMs + (options.horizonDays ?? DEFAULT_PLACEMENT_HORIZON_DAYS) * MS_PER_DAY,
    calendar,
  );
  if (!first) return { ok: false, code: 'SESSION_TOO_EARLY', notBeforeDate, session: placed.session };
  const before = generateSessions(table, { fromMs: submittedAtMs, toMs: first.startMs }, calendar).filter(
    (s) => s.status === 'open',
  );
  const opensAtMs = Math.max(...before.map((s) => s.deadlineMs));
  return { ok: false, code: 'SESSION_TOO_EARLY', notBeforeDate, session: placed.session, first, opensAtMs };
}
