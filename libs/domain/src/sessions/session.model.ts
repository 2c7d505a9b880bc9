import { LocalDateString, LocalTimeString } from '../time/local-date.util';

/** Epoch milliseconds (UTC). The domain computes on these; views turn them into ISO strings. */
export type Instant = number;

export type CancellationSource = 'holiday' | 'closed-period' | 'coordinator';

/** One zitting of a table. */
export interface Session {
  /** Stable identity of the slot in the series: `<table>:<scheduled date>`; survives a move. */
  readonly key: string;
  readonly tableKey: string;
  /** The date the series puts it on. */
  readonly scheduledDate: LocalDateString;
  /** The date it takes place (differs from scheduledDate only after a move). */
  readonly date: LocalDateString;
  readonly startMs: Instant;
  readonly endMs: Instant;
  /** On time iff submitted strictly before. */
  readonly deadlineMs: Instant;
  readonly preparationStartMs: Instant;
  readonly freezeAtMs: Instant;
  readonly agendaSendAtMs: Instant;
  readonly capacityMinutes: number;
  readonly status: 'open' | 'cancelled';
  readonly cancellation?: { readonly source: CancellationSource; readonly reason: string };
  readonly move?: { readonly fromStartMs: Instant; readonly fromEndMs: Instant; readonly reason: string };
  readonly capacityOverride?: { readonly capacityMinutes: number; readonly reason: string };
}

/**
 * What coordinators decided about a table's calendar; comes from the database. Sessions are named
 * by their scheduled date, so a decision keeps pointing at the same session after a move.
 * Precedence: a cancellation wins over everything; a move is an explicit choice of date and is
 * not cancelled again by a holiday or a closed period; otherwise closed periods, then holidays.
 */
export interface CalendarState {
  readonly cancellations?: readonly SessionCancellation[];
  readonly moves?: readonly SessionMove[];
  readonly closedPeriods?: readonly ClosedPeriod[];
  readonly capacityOverrides?: readonly CapacityOverride[];
}

export interface SessionCancellation {
  readonly scheduledDate: LocalDateString;
  readonly reason: string;
}

export interface SessionMove {
  readonly scheduledDate: LocalDateString;
  readonly date: LocalDateString;
  /** Defaults to the table's hours. */
  readonly startTime?: LocalTimeString;
  readonly endTime?: LocalTimeString;
  readonly reason: string;
}

/** Both ends inclusive, local dates (e.g. the Christmas weeks). */
export interface ClosedPeriod {
  readonly from: LocalDateString;
  readonly to: LocalDateString;
  readonly reason: string;
}

export interface CapacityOverride {
  readonly scheduledDate: LocalDateString;
  readonly capacityMinutes: number;
  readonly reason: string;
}

export const EMPTY_CALENDAR: CalendarState = Object.freeze({});
