import { CalendarState, Session } from '../sessions/session.model';
import { RegionConfig, TableDefinition } from '../tables/table-definition.model';
import { TableSchedule } from '../tables/table-schedule.policy';
import { parseIsoInstant } from '../time/iso-instant.util';
import { ZoneOffsets } from '../time/zone-offsets.util';
import { placeSubmission } from './placement.policy';

/**
 * The placement answer exactly as the CLI prints it and the API returns it. Key order is part of
 * the contract (operators diff these lines), so the object is always built in this order.
 */
export interface PlacementView {
  readonly region: string;
  readonly table: string;
  readonly session: { readonly start: string; readonly end: string };
  readonly deadline: string;
  readonly freezeAt: string;
  readonly agendaSendAt: string;
}

export type PlacementViewField = 'table' | 'submittedAt' | 'type';

export interface PlacementViewError {
  readonly code:
    'UNKNOWN_TABLE' | 'UNKNOWN_ITEM_TYPE' | 'INVALID_INSTANT' | 'MISSING_OFFSET' | 'NO_SESSION_IN_RANGE';
  /** Which input is wrong, so the API can name the parameter in its 400. */
  readonly field: PlacementViewField;
  /** One line, naming the problem; safe to show to the caller. */
  readonly message: string;
}

export type PlacementViewResult =
  | { readonly ok: true; readonly view: PlacementView }
  | { readonly ok: false; readonly error: PlacementViewError };

interface SessionIsoTimes {
  readonly start: string;
  readonly end: string;
  readonly deadline: string;
  readonly freezeAt: string;
  readonly agendaSendAt: string;
}

const tablesByRegion = new WeakMap<RegionConfig, ReadonlyMap<string, TableDefinition>>();
const isoTimes = new WeakMap<Session, SessionIsoTimes>();

export function findTable(region: RegionConfig, tableKey: string): TableDefinition | undefined {
  let tables = tablesByRegion.get(region);
  if (!tables) {
    tables = new Map(region.tables.map((t) => [t.key, t]));
    tablesByRegion.set(region, tables);
  }
  return tables.get(tableKey);
}

/**
 * Raw input in, the placement JSON (or an error naming the field) out. The CLI and the API both
 * call this, so they agree to the byte. Without calendar state it answers from configuration
 * alone (holidays only), on the precomputed fast path.
 */
export function placementView(
  region: RegionConfig,
  tableKey: string,
  submittedAt: string,
  type?: string,
  options: { readonly calendar?: CalendarState } = {},
): PlacementViewResult {
  const table = findTable(region, tableKey);
  if (!table) {
    const known = region.tables.map((t) => t.key).join(', ');
    return fail(
      'UNKNOWN_TABLE',
      'table',
      `unknown table "${tableKey}" in region ${region.key} (known: ${known})`,
    );
  }
  const parsed = parseIsoInstant(submittedAt);
  if (!parsed.ok) return fail(parsed.code, 'submittedAt', parsed.message);
  const outcome = placeSubmission(table, parsed.instant, { calendar: options.calendar, itemType: type });
  if (!outcome.ok) {
    if (outcome.code === 'UNKNOWN_ITEM_TYPE') {
      const known = outcome.knownItemTypes.join(', ');
      return fail(
        'UNKNOWN_ITEM_TYPE',
        'type',
        `unknown item type "${type}" for table ${table.key} (known: ${known})`,
      );
    }
    return fail(
      'NO_SESSION_IN_RANGE',
      'submittedAt',
      `no open session of table ${table.key} within a year after ${submittedAt}`,
    );
  }
  return { ok: true, view: toPlacementView(region.key, outcome.session, table) };
}

/** The placement JSON of a session already chosen (e.g. by the application from the database). */
export function toPlacementView(regionKey: string, session: Session, table: TableDefinition): PlacementView {
  const iso = sessionIsoTimes(session, TableSchedule.of(table).zone);
  return {
    region: regionKey,
    table: session.tableKey,
    session: { start: iso.start, end: iso.end },
    deadline: iso.deadline,
    freezeAt: iso.freezeAt,
    agendaSendAt: iso.agendaSendAt,
  };
}

function sessionIsoTimes(session: Session, zone: ZoneOffsets): SessionIsoTimes {
  let iso = isoTimes.get(session);
  if (!iso) {
    iso = {
      start: zone.formatIso(session.startMs),
      end: zone.formatIso(session.endMs),
      deadline: zone.formatIso(session.deadlineMs),
      freezeAt: zone.formatIso(session.freezeAtMs),
      agendaSendAt: zone.formatIso(session.agendaSendAtMs),
    };
    // Only the frozen sessions of the schedule's own cache are shared and worth remembering.
    if (Object.isFrozen(session)) isoTimes.set(session, iso);
  }
  return iso;
}

function fail(
  code: PlacementViewError['code'],
  field: PlacementViewField,
  message: string,
): PlacementViewResult {
  return { ok: false, error: { code, field, message } };
}
