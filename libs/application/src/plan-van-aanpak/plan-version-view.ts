import {
  AGENDERING_BRIEF_LABELS,
  AgenderingBrief,
  CHILDREN_HEARD_LABELS,
  diffPlanVersions,
  findRiskFactor,
  isUnchanged,
  lastVersionSeenBy,
  PlanContent,
  PlanRow,
  PLAN_ROW_FIELDS,
  PlanRowField,
  RiskInstrument,
} from '@overlegtafels/domain';
import type { FamilyMember, PlanVersionRecord } from '../ports/plan-van-aanpak.repository.port';

/** Dutch names of a row's columns (annex E, parts 3–9). */
export const PLAN_ROW_FIELD_LABELS: Readonly<Record<PlanRowField, string>> = {
  domainKey: 'Domein',
  factorKey: 'Risico- of beschermende factor',
  bijWie: 'Bij wie',
  noden: 'Noden',
  aanpakOpMaat: 'Aanpak op maat',
  actie: 'Actie',
  begeleiding: 'Begeleiding',
  standVanZaken: 'Stand van zaken',
};

/** One row as people read it: labels, not keys. */
export interface PlanRowView {
  readonly id: string;
  readonly domainKey: string;
  readonly domain: string;
  readonly factorKey: string;
  readonly factor: string;
  readonly kind: 'risico' | 'beschermend' | null;
  readonly bijWieIds: readonly string[];
  readonly bijWie: readonly string[];
  readonly noden: string;
  readonly aanpakOpMaat: string;
  readonly actie: string;
  readonly begeleidingOrganisationId: string | null;
  readonly begeleidingText: string | null;
  readonly begeleiding: string;
  readonly standVanZaken: string;
}

export interface PlanView {
  readonly profiles: readonly { key: string; label: string }[];
  /** Rows grouped by the instrument's domains, in its order; empty domains left out. */
  readonly domains: readonly { key: string; label: string; rows: readonly PlanRowView[] }[];
  readonly rowCount: number;
}

/** What the plan's rows refer to, to show them with names. */
export interface PlanLabels {
  readonly instrument: RiskInstrument;
  readonly familyMembers: readonly FamilyMember[];
  readonly organisations: readonly { id: string; name: string }[];
}

export function rowView(row: PlanRow, labels: PlanLabels): PlanRowView {
  const found = findRiskFactor(labels.instrument, row.factorKey);
  const domain = labels.instrument.domains.find((d) => d.key === row.domainKey);
  const member = (id: string) => labels.familyMembers.find((m) => m.id === id)?.label ?? 'onbekend gezinslid';
  const b = row.begeleiding;
  const organisationId = b && 'organisationId' in b ? b.organisationId : null;
  const text = b && 'text' in b ? b.text : null;
  return {
    id: row.id,
    domainKey: row.domainKey,
    domain: domain?.label ?? row.domainKey,
    factorKey: row.factorKey,
    factor: found?.factor.label ?? row.factorKey,
    kind: found?.kind ?? null,
    bijWieIds: row.bijWie,
    bijWie: row.bijWie.map(member),
    noden: row.noden,
    aanpakOpMaat: row.aanpakOpMaat,
    actie: row.actie,
    begeleidingOrganisationId: organisationId,
    begeleidingText: text,
    begeleiding: organisationId
      ? (labels.organisations.find((o) => o.id === organisationId)?.name ?? 'onbekende organisatie')
      : (text ?? ''),
    standVanZaken: row.standVanZaken,
  };
}

export function planView(plan: PlanContent, labels: PlanLabels): PlanView {
  const rows = plan.rows.map((r) => rowView(r, labels));
  return {
    profiles: plan.profiles.map((key) => ({
      key,
      label: labels.instrument.profiles.find((p) => p.key === key)?.label ?? key,
    })),
    domains: labels.instrument.domains
      .map((d) => ({ key: d.key, label: d.label, rows: rows.filter((r) => r.domainKey === d.key) }))
      .filter((d) => d.rows.length > 0),
    rowCount: rows.length,
  };
}

export interface PlanDiffView {
  readonly first: boolean;
  readonly unchanged: boolean;
  readonly previous: { readonly number: number; readonly sessionStartsAt: Date } | null;
  readonly profilesAdded: readonly string[];
  readonly profilesRemoved: readonly string[];
  readonly rowsAdded: readonly PlanRowView[];
  readonly rowsRemoved: readonly PlanRowView[];
  readonly rowsChanged: readonly {
    readonly before: PlanRowView;
    readonly after: PlanRowView;
    readonly fields: readonly PlanRowField[];
    readonly fieldLabels: readonly string[];
  }[];
}

export interface BriefLine {
  readonly label: string;
  readonly value: string;
}

/** The version a table discusses with what changed since the version it saw last: the plan's read model. */
export interface PlanVersionView {
  readonly dossierCode: string;
  readonly agendaItemId: string;
  readonly tableKey: string;
  readonly version: {
    readonly number: number;
    readonly frozenAt: Date;
    readonly plan: PlanView;
  } | null;
  readonly changes: PlanDiffView | null;
  readonly question: string | null;
  readonly brief: readonly BriefLine[];
}

/** The answers of the leidraad bij agendering as lines, in the form's order; unanswered ones left out. */
export function briefLines(
  brief: AgenderingBrief | null,
  instrument: RiskInstrument | undefined,
): BriefLine[] {
  if (!brief) return [];
  const lines: BriefLine[] = [];
  for (const [field, label] of Object.entries(AGENDERING_BRIEF_LABELS) as [
    keyof typeof AGENDERING_BRIEF_LABELS,
    string,
  ][]) {
    const value = brief[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
    const text =
      field === 'domains'
        ? (value as string[]).map((k) => instrument?.domains.find((d) => d.key === k)?.label ?? k).join(', ')
        : field === 'childrenOver12Heard'
          ? CHILDREN_HEARD_LABELS[value as keyof typeof CHILDREN_HEARD_LABELS]
          : String(value);
    lines.push({ label, value: text });
  }
  return lines;
}

/**
 * The plain read function of a frozen version (also for the print and PDF views): the version of
 * this agenda item, and the differences with the last version the same table saw before it.
 */
export function planVersionView(input: {
  readonly dossierCode: string;
  readonly agendaItemId: string;
  readonly tableKey: string;
  readonly question: string | null;
  readonly brief: AgenderingBrief | null;
  readonly versions: readonly PlanVersionRecord[];
  readonly labels: PlanLabels;
}): PlanVersionView {
  const { labels } = input;
  const current = input.versions.find((v) => v.agendaItemId === input.agendaItemId);
  const base = {
    dossierCode: input.dossierCode,
    agendaItemId: input.agendaItemId,
    tableKey: input.tableKey,
    question: input.question,
    brief: briefLines(input.brief, labels.instrument),
  };
  if (!current) return { ...base, version: null, changes: null };
  const previous = lastVersionSeenBy(input.versions, input.tableKey, current.number);
  const diff = diffPlanVersions(previous, current);
  const profileLabel = (k: string) => labels.instrument.profiles.find((p) => p.key === k)?.label ?? k;
  return {
    ...base,
    version: { number: current.number, frozenAt: current.frozenAt, plan: planView(current, labels) },
    changes: {
      first: diff.first,
      unchanged: isUnchanged(diff),
      previous: previous ? { number: previous.number, sessionStartsAt: previous.sessionStartsAt } : null,
      profilesAdded: diff.profilesAdded.map(profileLabel),
      profilesRemoved: diff.profilesRemoved.map(profileLabel),
      rowsAdded: diff.rowsAdded.map((r) => rowView(r, labels)),
      rowsRemoved: diff.rowsRemoved.map((r) => rowView(r, labels)),
      rowsChanged: diff.rowsChanged.map((c) => ({
        before: rowView(c.before, labels),
        after: rowView(c.after, labels),
        fields: c.fields,
        fieldLabels: PLAN_ROW_FIELDS.filter((f) => c.fields.includes(f)).map((f) => PLAN_ROW_FIELD_LABELS[f]),
      })),
    },
  };
}
