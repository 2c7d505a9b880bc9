import { isEmptyCalendar, generateSessions } from '../sessions/session-calendar.policy';
import { CalendarState, Instant, Session } from '../sessions/session.model';
import { InvalidInstantError } from '../errors/domain.error';
import { ItemTypeDefinition, TableDefinition } from '../tables/table-definition.model';
import { TableSchedule } from '../tables/table-schedule.policy';
import { MS_PER_DAY } from '../time/local-date.util';

/** How far ahead placement looks for an open session before it answers NO_SESSION_IN_RANGE. */
export const DEFAULT_PLACEMENT_HORIZON_DAYS = 366;

export interface PlacementOptions {
  readonly calendar?: CalendarState;
  /** When given, it must be an item type of the table (else UNKNOWN_ITEM_TYPE). */
  readonly itemType?: string;
  readonly horizonDays?: number;
}

export type PlacementOutcome =
  | { readonly ok: true; readonly session: Session; readonly itemType?: ItemTypeDefinition }
  | {
      readonly ok: false;
      readonly code: 'UNKNOWN_ITEM_TYPE';
      readonly itemType: string;
      readonly knownItemTypes: readonly string[];
    }
  | { readonly ok: false; readonly code: 'NO_SESSION_IN_RANGE'; readonly searchedUntilMs: Instant };

/**
 * The session a submission lands on: the first open session (by start) whose deadline lies
 * strictly after the submission. Cancelled sessions are skipped; deadlines do not move for them.
 * Capacity is not considered here: whether the session still has room depends on the other items,
 * which is what allocateItems decides.
 */
export function placeSubmission(
  table: TableDefinition,
  submittedAtMs: Instant,
  options: PlacementOptions = {},
): PlacementOutcome {
  if (typeof submittedAtMs !== 'number' || !Number.isFinite(submittedAtMs)) {
    throw new InvalidInstantError('submittedAtMs', submittedAtMs);
  }
  const schedule = TableSchedule.of(table);
  let itemType: ItemTypeDefinition | undefined;
  if (options.itemType !== undefined) {
    itemType = schedule.itemType(options.itemType);
    if (!itemType) {
      return {
        ok: false,
        code: 'UNKNOWN_ITEM_TYPE',
        itemType: options.itemType,
        knownItemTypes: schedule.itemTypeKeys,
      };
    }
  }
  const horizonEndMs = submittedAtMs + (options.horizonDays ?? DEFAULT_PLACEMENT_HORIZON_DAYS) * MS_PER_DAY;
  const session = isEmptyCalendar(schedule, options.calendar)
    ? schedule.firstOpenRegularSession(submittedAtMs, horizonEndMs)
    : generateSessions(table, { fromMs: submittedAtMs, toMs: horizonEndMs + 1 }, options.calendar).find(
        (s) => s.status === 'open' && s.deadlineMs > submittedAtMs,
      );
  if (!session) return { ok: false, code: 'NO_SESSION_IN_RANGE', searchedUntilMs: horizonEndMs };
  return itemType ? { ok: true, session, itemType } : { ok: true, session };
}

export type SubmissionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'CUTOFF_PASSED'; readonly deadlineMs: Instant }
  | { readonly ok: false; readonly code: 'SESSION_CANCELLED'; readonly reason: string };

/**
 * Whether a submission may go onto this particular session without a coordinator's override:
 * the session takes place and the submission came strictly before its deadline.
 */
export function checkSubmissionFor(session: Session, submittedAtMs: Instant): SubmissionCheck {
  if (session.status === 'cancelled') {
    return { ok: false, code: 'SESSION_CANCELLED', reason: session.cancellation?.reason ?? '' };
  }
  if (submittedAtMs >= session.deadlineMs)
    return { ok: false, code: 'CUTOFF_PASSED', deadlineMs: session.deadlineMs };
  return { ok: true };
}
