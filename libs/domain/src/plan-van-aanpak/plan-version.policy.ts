import { PLAN_ROW_FIELDS, PlanContent, PlanRow, PlanRowField } from './plan-van-aanpak.model';

/** A frozen version as the tables saw it: its number and the table of the agenda item it went with. */
export interface PlanVersionSeen {
  readonly number: number;
  readonly tableKey: string;
  /** A withdrawn item was never discussed: its table did not see the version. */
  readonly withdrawn: boolean;
}

/** The version a table saw last before `number`, or undefined when this is the first it sees. */
export function lastVersionSeenBy<V extends PlanVersionSeen>(
  versions: readonly V[],
  tableKey: string,
  number: number,
): V | undefined {
  return versions
    .filter((v) => v.tableKey === tableKey && !v.withdrawn && v.number < number)
    .reduce<V | undefined>((last, v) => (!last || v.number > last.number ? v : last), undefined);
}

/** The number the next frozen version gets. */
export function nextVersionNumber(versions: readonly { number: number }[]): number {
  return versions.reduce((max, v) => Math.max(max, v.number), 0) + 1;
}

export interface PlanRowChange {
  readonly before: PlanRow;
  readonly after: PlanRow;
  readonly fields: readonly PlanRowField[];
}

/** What changed from one version to the next, rows matched by their id. */
export interface PlanDiff {
  /** No earlier version to compare with: everything is new to the table. */
  readonly first: boolean;
  readonly profilesAdded: readonly string[];
  readonly profilesRemoved: readonly string[];
  readonly rowsAdded: readonly PlanRow[];
  readonly rowsRemoved: readonly PlanRow[];
  readonly rowsChanged: readonly PlanRowChange[];
  readonly rowsUnchanged: number;
}

/** Nothing changed: the table sees the same plan again. */
export function isUnchanged(diff: PlanDiff): boolean {
  return (
    !diff.first &&
    diff.profilesAdded.length + diff.profilesRemoved.length === 0 &&
    diff.rowsAdded.length + diff.rowsRemoved.length + diff.rowsChanged.length === 0
  );
}

function sameField(field: PlanRowField, a: PlanRow, b: PlanRow): boolean {
  if (field === 'bijWie') {
    const left = new Set(a.bijWie);
    return left.size === new Set(b.bijWie).size && b.bijWie.every((id) => left.has(id));
  }
  if (field === 'begeleiding') return JSON.stringify(a.begeleiding) === JSON.stringify(b.begeleiding);
  return a[field] === b[field];
}

/**
 * What changed between the version a table saw last and the one it sees now (annex E: the plan
 * is a working document, updated between tables). Rows are matched by id; the order of rows or of
 * the members in "bij wie" is no change.
 */
export function diffPlanVersions(previous: PlanContent | undefined, current: PlanContent): PlanDiff {
  if (!previous) {
    return {
      first: true,
      profilesAdded: [...current.profiles],
      profilesRemoved: [],
      rowsAdded: [...current.rows],
      rowsRemoved: [],
      rowsChanged: [],
      rowsUnchanged: 0,
    };
  }
  const before = new Map(previous.rows.map((r) => [r.id, r]));
  const afterIds = new Set(current.rows.map((r) => r.id));
  const rowsChanged: PlanRowChange[] = [];
  const rowsAdded: PlanRow[] = [];
  let rowsUnchanged = 0;
  for (const row of current.rows) {
    const old = before.get(row.id);
    if (!old) {
      rowsAdded.push(row);
      continue;
    }
    const fields = PLAN_ROW_FIELDS.filter((f) => !sameField(f, old, row));
    if (fields.length > 0) rowsChanged.push({ before: old, after: row, fields });
    else rowsUnchanged++;
  }
  return {
    first: false,
    profilesAdded: current.profiles.filter((p) => !previous.profiles.includes(p)),
    profilesRemoved: previous.profiles.filter((p) => !current.profiles.includes(p)),
    rowsAdded,
    rowsRemoved: previous.rows.filter((r) => !afterIds.has(r.id)),
    rowsChanged,
    rowsUnchanged,
  };
}
