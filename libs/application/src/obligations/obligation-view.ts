import { DateTime } from 'luxon';
import { formOf, isActionPointRuleKey, ObligationForm } from '@overlegtafels/domain';
import { dutchDateTime } from '@overlegtafels/mail';
import type { ObligationListRow } from '../ports/obligation-read-model.port';
import type { ObligationRule } from '@overlegtafels/domain';
import { dossierFormFor } from './fulfilment-paths';
import type { ObligationRules } from './obligation-rules';

/** One obligation as pages and the API show it: codes, dates and rule texts, ids for links. */
export interface ObligationView {
  id: string;
  dossierId: string;
  dossierCode: string;
  ruleKey: string;
  sequence: number;
  /** The dossier's life it belongs to: 1, or 1 + the heropeningen before it. */
  life: number;
  /** Dutch, for an obligation of a later life ("tweede traject na heropening"); null for the first. */
  lifeLabel: string | null;
  /** Dutch, from the region's rules. */
  label: string;
  explanation: string | null;
  optional: boolean;
  status: 'open' | 'fulfilled' | 'cancelled';
  /** ISO instant at the Brussels offset. */
  dueAt: string;
  /** yyyy-mm-dd in Brussels. */
  dueDate: string;
  /** "maandag 13 april 2026 om 12:00" */
  dueText: string;
  overdue: boolean;
  /** The session the due date hangs on (`<table>:<date>`), for session-relative rules. */
  sessionKey: string | null;
  /** Done by hand with a note (the owner marks it), rather than by agendering, a decision or a registered fact. */
  manual: boolean;
  /** The pre-filled agendering form (relative URL), for obligations fulfilled by agendering. */
  agenderingUrl: string | null;
  /** The short form on the obligation's page that fulfils it (the six-month report, the quality check). */
  form: ObligationForm | null;
  /** The obligation's own page (relative URL). */
  pageUrl: string;
  /**
   * The form that records what fulfils it: on the dossier page (consent, children heard, …) or
   * on the obligation's own page (its `form`), if any.
   */
  fulfilForm: { url: string; label: string } | null;
  ownerRole: string;
  casusregisseurId: string | null;
  casusregisseurName: string | null;
  organisationName: string | null;
  fulfilledAt: string | null;
  fulfilmentKind: string | null;
  cancelledAt: string | null;
}

/** By due moment, then dossier code, then the order of the region's rules: the same list every time. */
export function orderObligations(
  rows: readonly ObligationListRow[],
  rules: ObligationRules,
): ObligationListRow[] {
  return [...rows].sort(
    (a, b) =>
      a.dueAt.getTime() - b.dueAt.getTime() ||
      a.dossierCode.localeCompare(b.dossierCode) ||
      rules.order(a.ruleKey) - rules.order(b.ruleKey) ||
      a.sequence - b.sequence,
  );
}

const ORDINALS = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende'];

/**
 * Which traject of a reopened dossier an obligation belongs to, for the lists and pages: null for
 * the first life (most dossiers), "tweede traject na heropening" for the one after the first
 * heropening, and so on.
 */
export function obligationLifeLabel(life: number): string | null {
  if (!Number.isInteger(life) || life <= 1) return null;
  const ordinal = ORDINALS[life - 1] ?? `${life}e`;
  return `${ordinal} traject na heropening`;
}

export function obligationView(r: ObligationListRow, rules: ObligationRules, nowMs: number): ObligationView {
  const zone = rules.timeZone;
  const rule = rules.rule(r.ruleKey);
  const due = DateTime.fromJSDate(r.dueAt, { zone });
  const agendering = rule?.agendering;
  const iso = (d: Date | null) => (d ? (DateTime.fromJSDate(d, { zone }).toISO() as string) : null);
  return {
    id: r.id,
    dossierId: r.dossierId,
    dossierCode: r.dossierCode,
    ruleKey: r.ruleKey,
    sequence: r.sequence,
    life: r.life,
    lifeLabel: obligationLifeLabel(r.life),
    label: rule?.label ?? r.ruleKey,
    explanation: rule?.explanation ?? null,
    optional: rule?.optional === true,
    status: r.status,
    dueAt: due.toISO() as string,
    dueDate: due.toISODate() as string,
    dueText: dutchDateTime(due),
    overdue: r.status === 'open' && r.dueAt.getTime() < nowMs,
    sessionKey: r.sessionKey,
    manual: rule?.fulfilledBy.some((f) => f.kind === 'manual') ?? false,
    agenderingUrl: agendering
      ? `/agendering/nieuw?${new URLSearchParams({ dossier: r.dossierCode, tafel: agendering.table, type: agendering.itemType }).toString()}`
      : null,
    form: rule ? (formOf(rule) ?? null) : null,
    pageUrl: `/opvolging/${r.id}`,
    // An action point of a verslag: what to do stands there.
    fulfilForm: isActionPointRuleKey(r.ruleKey)
      ? { url: `/verslag/actiepunt/${r.id}`, label: 'Actiepunt in het verslag' }
      : fulfilFormOf(rule, r.dossierCode, r.id),
    ownerRole: r.ownerRole,
    casusregisseurId: r.casusregisseurId,
    casusregisseurName: r.casusregisseurName,
    organisationName: r.organisationName,
    fulfilledAt: iso(r.fulfilledAt),
    fulfilmentKind: r.fulfilmentKind,
    cancelledAt: iso(r.cancelledAt),
  };
}

/** The tables a person coordinates, from their grants (a region-wide grant: every table). */
export function coordinatedTables(
  grants: readonly { role: string; tableKey?: string | null }[],
  rules: ObligationRules,
): string[] {
  return grants
    .filter((g) => g.role === 'coordinator')
    .flatMap((g) => (g.tableKey ? [g.tableKey] : rules.region.tables.map((t) => t.key)));
}

function fulfilFormOf(
  rule: ObligationRule | undefined,
  code: string,
  id: string,
): ObligationView['fulfilForm'] {
  if (rule && formOf(rule)) return { url: `/opvolging/${id}`, label: 'Formulier invullen' };
  const form = rule && dossierFormFor(rule);
  return form ? { url: `/dossiers/${encodeURIComponent(code)}#${form.anchor}`, label: form.label } : null;
}
