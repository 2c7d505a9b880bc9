import {
  aanmeldingQuestionProblems,
  DEFAULT_RETENTION,
  organisationKindProblems,
  dossierLifeProblems,
  isPhaseKind,
  PHASE_KINDS,
  HolidayCalendar,
  RegionConfig,
  RetentionPolicy,
  RiskInstrument,
  riskInstrumentProblems,
  TableDefinition,
  validateObligationRules,
  validateTableDefinition,
} from '@overlegtafels/domain';
import { BELGIAN_FEDERAL_HOLIDAYS, FLEMISH_HOLIDAYS } from './shared/belgian-holidays.config';
import { KIJKSCHEMA_IFG } from './shared/kijkschema-ifg.config';

/**
 * A region as a configuration file (JSON): the same fields as a built-in region's RegionConfig,
 * where a table's `holidays`, the `riskInstrument` and the `retention` may name a shared one by
 * its key ("be-vlaams", "kijkschema-ifg", "default") instead of spelling it out. A file is checked
 * as a whole before the region is used; the first problem is reported with the file and the field.
 */
export class RegionFileError extends Error {
  readonly code = 'INVALID_REGION_FILE';

  constructor(
    readonly source: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${source}: ${field} ${reason}`);
  }
}

const SHARED_HOLIDAYS: ReadonlyMap<string, HolidayCalendar> = new Map(
  [FLEMISH_HOLIDAYS, BELGIAN_FEDERAL_HOLIDAYS].map((c) => [c.key, c]),
);
const SHARED_INSTRUMENTS: ReadonlyMap<string, RiskInstrument> = new Map([
  [KIJKSCHEMA_IFG.key, KIJKSCHEMA_IFG],
]);
const SHARED_RETENTION: ReadonlyMap<string, RetentionPolicy> = new Map([['default', DEFAULT_RETENTION]]);

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A phase key: lowercase words joined by - or _ (the built-in regions' keys have underscores). */
const PHASE_KEY = /^[a-z0-9]+([_-][a-z0-9]+)*$/;
const PREFIX = /^[A-Z][A-Z0-9]{1,7}$/;
const TABLE_FIELDS = [
  'recurrence',
  'hours',
  'submissionDeadline',
  'preparationStart',
  'freeze',
  'agendaSend',
] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A shared part named by key, or the part itself when it is spelled out (an object). */
function shared<T>(
  value: unknown,
  known: ReadonlyMap<string, T>,
  fail: (reason: string) => never,
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const found = known.get(value);
    if (!found) fail(`names "${value}", which is not one of ${[...known.keys()].join(', ')}`);
    return found;
  }
  if (!isObject(value)) fail('must be a key or an object');
  return value as T;
}

function text(json: Json, field: string, fail: (field: string, reason: string) => never, pattern?: RegExp) {
  const value = json[field];
  if (typeof value !== 'string' || value.trim() === '') return fail(field, 'is required (a text)');
  if (pattern && !pattern.test(value)) fail(field, `"${value}" does not have the form ${pattern.source}`);
  return value;
}

function table(raw: unknown, at: string, fail: (field: string, reason: string) => never): TableDefinition {
  if (!isObject(raw)) return fail(at, 'must be an object');
  text(raw, 'key', (f, r) => fail(`${at}.${f}`, r), KEY);
  text(raw, 'name', (f, r) => fail(`${at}.${f}`, r));
  text(raw, 'timeZone', (f, r) => fail(`${at}.${f}`, r));
  for (const field of TABLE_FIELDS) {
    if (!isObject(raw[field])) fail(`${at}.${field}`, 'is required (an object)');
  }
  if (typeof raw.capacityMinutes !== 'number' || !(raw.capacityMinutes > 0))
    fail(`${at}.capacityMinutes`, 'must be a number of minutes above 0');
  if (!Array.isArray(raw.itemTypes) || raw.itemTypes.length === 0)
    fail(`${at}.itemTypes`, 'must list at least one item type');
  raw.itemTypes.forEach((item: unknown, i: number) => {
    const where = `${at}.itemTypes[${i}]`;
    if (!isObject(item)) return fail(where, 'must be an object');
    text(item, 'key', (f, r) => fail(`${where}.${f}`, r), KEY);
    text(item, 'label', (f, r) => fail(`${where}.${f}`, r));
    if (typeof item.durationMinutes !== 'number' || !(item.durationMinutes > 0))
      fail(`${where}.durationMinutes`, 'must be a number of minutes above 0');
  });
  if (!Array.isArray(raw.participants)) fail(`${at}.participants`, 'must be a list');
  const holidays = shared(raw.holidays ?? 'be-vlaams', SHARED_HOLIDAYS, (r) => fail(`${at}.holidays`, r));
  const definition = { ...raw, holidays } as unknown as TableDefinition;
  try {
    validateTableDefinition(definition);
  } catch (error) {
    fail(at, `is not a valid table: ${error instanceof Error ? error.message : String(error)}`);
  }
  return definition;
}

/** The dossier life's phases, each `{ key, label, kind }` with a kind the domain knows. */
function phases(raw: unknown, fail: (field: string, reason: string) => never): void {
  const at = 'dossierLife.phases';
  if (!Array.isArray(raw) || raw.length === 0)
    fail(at, 'must list the phases of the dossier life, each { key, label, kind }');
  (raw as unknown[]).forEach((p, i) => {
    const where = `${at}[${i}]`;
    if (!isObject(p)) fail(where, 'must be an object { key, label, kind }');
    const phase = p as Record<string, unknown>;
    text(phase, 'key', (f, r) => fail(`${where}.${f}`, r), PHASE_KEY);
    text(phase, 'label', (f, r) => fail(`${where}.${f}`, r));
    if (!isPhaseKind(phase.kind))
      fail(`${where}.kind`, `must be one of the domain's phase kinds: ${PHASE_KINDS.join(', ')}`);
  });
}

/**
 * What is wrong with a region configuration as a whole, one sentence each; empty when it holds
 * together: its tables' schedules and places, its dossier life against its tables, its obligation
 * rules and its risk instrument. For the built-in regions (in their tests) and for region files.
 */
export function regionProblems(region: RegionConfig): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const t of region.tables) {
    if (keys.has(t.key)) problems.push(`table ${t.key} appears twice`);
    keys.add(t.key);
    try {
      validateTableDefinition(t);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  problems.push(...dossierLifeProblems(region.dossierLife, region.tables));
  problems.push(...organisationKindProblems(region));
  try {
    validateObligationRules(region);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (region.riskInstrument) problems.push(...riskInstrumentProblems(region.riskInstrument));
  problems.push(...aanmeldingQuestionProblems(region.aanmeldingQuestions ?? []));
  return problems;
}

/**
 * Reads one region file's text (`source` is its name, for the messages). Throws RegionFileError
 * naming the field and the reason; `taken` are the keys and prefixes already in use.
 */
export function parseRegionFile(
  contents: string,
  source: string,
  taken: { keys: readonly string[]; prefixes: readonly string[] } = { keys: [], prefixes: [] },
): RegionConfig {
  const fail = (field: string, reason: string): never => {
    throw new RegionFileError(source, field, reason);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(contents);
  } catch (error) {
    return fail('(the file)', `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(raw)) return fail('(the file)', 'must hold one object, the region');
  const key = text(raw, 'key', fail, KEY);
  if (taken.keys.includes(key)) fail('key', `"${key}" is the key of a region that exists already`);
  text(raw, 'name', fail);
  text(raw, 'timeZone', fail);
  if (raw.dossierCodePrefix !== undefined) {
    const prefix = text(raw, 'dossierCodePrefix', fail, PREFIX);
    if (taken.prefixes.includes(prefix)) fail('dossierCodePrefix', `"${prefix}" is another region's prefix`);
  }
  if (!Array.isArray(raw.tables) || raw.tables.length === 0) fail('tables', 'must list at least one table');
  const tables = (raw.tables as unknown[]).map((t, i) => table(t, `tables[${i}]`, fail));
  if (!isObject(raw.dossierLife)) fail('dossierLife', 'is required (an object)');
  phases((raw.dossierLife as Record<string, unknown>).phases, fail);
  if (!isObject(raw.organisationKinds))
    fail('organisationKinds', 'is required (an object: each kind key with its Dutch name)');
  if (raw.obligations !== undefined && !Array.isArray(raw.obligations)) fail('obligations', 'must be a list');
  if (raw.aanmeldingQuestions !== undefined && !Array.isArray(raw.aanmeldingQuestions))
    fail('aanmeldingQuestions', 'must be a list');
  const region = {
    ...raw,
    tables,
    riskInstrument: shared(raw.riskInstrument, SHARED_INSTRUMENTS, (r) => fail('riskInstrument', r)),
    retention: shared(raw.retention, SHARED_RETENTION, (r) => fail('retention', r)),
  } as unknown as RegionConfig;
  const problems = regionProblems(region);
  if (problems.length) fail('(the region)', `does not hold together: ${problems[0]}`);
  return region;
}
