import { findRiskFactor, RiskInstrument } from '../risk/risk-instrument.model';

/**
 * The plan van aanpak (CO3 guide, annex E "handleiding plan van aanpak"): the IFG profiles that
 * apply (several may: they "sluiten elkaar niet uit") and rows per domain of the region's risk
 * instrument. A row takes over one factor of the kijkschema, names the family members it applies
 * to (bij wie), the needs behind it (noden), the way that works for this family (aanpak op maat),
 * the agreed action, the service that carries it (begeleiding — not "casusregisseur": the
 * casusregisseur keeps the overview) and where it stands.
 */

/** The service that carries a row's action: an organisation of the region, or an outside one by name. */
export type PlanBegeleiding = { readonly organisationId: string } | { readonly text: string } | null;

export interface PlanRow {
  /** Stable across versions: how a later version says which row changed. */
  readonly id: string;
  readonly domainKey: string;
  readonly factorKey: string;
  /** Ids of the dossier's family members (the aanmelding's clients). */
  readonly bijWie: readonly string[];
  readonly noden: string;
  readonly aanpakOpMaat: string;
  readonly actie: string;
  readonly begeleiding: PlanBegeleiding;
  readonly standVanZaken: string;
}

export interface PlanContent {
  /** Profile keys of the region's instrument. */
  readonly profiles: readonly string[];
  readonly rows: readonly PlanRow[];
}

/** The fields of a row a version compares; `id` is the row's identity, not a field. */
export const PLAN_ROW_FIELDS = [
  'domainKey',
  'factorKey',
  'bijWie',
  'noden',
  'aanpakOpMaat',
  'actie',
  'begeleiding',
  'standVanZaken',
] as const;
export type PlanRowField = (typeof PLAN_ROW_FIELDS)[number];

export const EMPTY_PLAN: PlanContent = { profiles: [], rows: [] };

/** A plan can be brought to a table once it has at least one row. */
export function isWrittenPlan(plan: PlanContent | undefined): boolean {
  return !!plan && plan.rows.length > 0;
}

/** One problem of a plan's content, named by its field (`rows.2.factorKey`, `profiles`). */
export interface PlanProblem {
  readonly field: string;
  readonly code: 'UNKNOWN' | 'MISMATCH' | 'NOT_ALLOWED';
  readonly message: string;
}

/** What the rows may refer to: the region's instrument, the dossier's family and the region's organisations. */
export interface PlanReferences {
  readonly instrument: RiskInstrument;
  readonly familyMemberIds: ReadonlySet<string>;
  readonly organisationIds: ReadonlySet<string>;
}

/** The profiles must be the instrument's, each once. */
export function planProfileProblems(profiles: readonly string[], instrument: RiskInstrument): PlanProblem[] {
  const known = new Set(instrument.profiles.map((p) => p.key));
  return profiles.some((p) => !known.has(p)) || new Set(profiles).size !== profiles.length
    ? [{ field: 'profiles', code: 'UNKNOWN', message: 'Kies IFG-profielen uit de lijst.' }]
    : [];
}

/**
 * A row refers only to what exists: a domain of the instrument and one of its factors, family
 * members of this dossier, an organisation of the region. "Casusregisseur" is not a begeleiding
 * (annex E, 8): the row names the service that carries the action.
 */
export function planRowProblems(row: Omit<PlanRow, 'id'>, refs: PlanReferences, prefix = ''): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const domain = refs.instrument.domains.find((d) => d.key === row.domainKey);
  if (!domain) {
    problems.push({ field: `${prefix}domainKey`, code: 'UNKNOWN', message: 'Kies een domein uit de lijst.' });
  }
  const found = findRiskFactor(refs.instrument, row.factorKey);
  if (!found) {
    problems.push({
      field: `${prefix}factorKey`,
      code: 'UNKNOWN',
      message: 'Kies een factor uit het kijkschema.',
    });
  } else if (domain && found.domain.key !== domain.key) {
    problems.push({
      field: `${prefix}factorKey`,
      code: 'MISMATCH',
      message: `Deze factor hoort bij het domein ${found.domain.label}, niet bij ${domain.label}.`,
    });
  }
  if (row.bijWie.some((id) => !refs.familyMemberIds.has(id))) {
    problems.push({
      field: `${prefix}bijWie`,
      code: 'UNKNOWN',
      message: 'Kies gezinsleden van dit dossier.',
    });
  }
  const b = row.begeleiding;
  if (b && 'organisationId' in b && !refs.organisationIds.has(b.organisationId)) {
    problems.push({
      field: `${prefix}begeleiding`,
      code: 'UNKNOWN',
      message: 'Kies een organisatie van de regio, of vul een andere dienst in.',
    });
  }
  if (b && 'text' in b && /^\s*casusregisseur\s*$/i.test(b.text)) {
    problems.push({
      field: `${prefix}begeleidingText`,
      code: 'NOT_ALLOWED',
      message: 'Vermeld de dienst die de actie begeleidt; de casusregisseur bewaakt het geheel.',
    });
  }
  return problems;
}

/** Every problem of a whole plan, rows numbered as they come. */
export function planProblems(plan: PlanContent, refs: PlanReferences): PlanProblem[] {
  return [
    ...planProfileProblems(plan.profiles, refs.instrument),
    ...plan.rows.flatMap((row, i) => planRowProblems(row, refs, `rows.${i}.`)),
  ];
}
