import { RegionConfig } from '../tables/table-definition.model';
import { LocalDateString } from '../time/local-date.util';
import { ZoneOffsets } from '../time/zone-offsets.util';
import { DossierFacts } from './dossier-facts.model';
import { PlannedObligation } from './obligation-plan.model';
import { planObligations } from './obligation-plan.policy';
import { isLocalDate } from './obligation-time.util';

/** One obligation as the operator view prints it; key order is part of the contract. */
export interface ObligationPlanViewEntry {
  readonly key: string;
  /** ISO-8601 with the region's offset. */
  readonly due: string;
  /** The start of the session the obligation aims at, when it aims at one. */
  readonly session?: string;
}

export interface ObligationPlanView {
  readonly obligations: readonly ObligationPlanViewEntry[];
}

/** The dates the view plans from, as read (strings, null or absent). */
export interface ObligationPlanInput {
  readonly casusregieStart?: unknown;
  readonly afronding?: unknown;
  readonly consulentSince?: unknown;
}

export type ObligationPlanViewResult =
  | { readonly ok: true; readonly view: ObligationPlanView }
  | {
      readonly ok: false;
      readonly error: { readonly field: keyof ObligationPlanInput; readonly message: string };
    };

/**
 * A dossier's obligations as its region's rules plan them from its dates alone (holidays, no
 * coordinators' cancellations), before anything is fulfilled: one entry per rule, its first
 * occurrence, in rule order. The plan of casusregie and the plan after the afronding are both shown (the first
 * plan van aanpak is listed although an afronding ends it), so the view is every due date the
 * dates give. Rules whose trigger or condition the dates do not give (a Weegploeg review,
 * children over 12, a track) are left out, as are those of an absent afronding or consulent.
 */
export function obligationPlanView(
  region: RegionConfig,
  input: ObligationPlanInput,
): ObligationPlanViewResult {
  const start = readDate(input.casusregieStart, true);
  if (start === 'missing') return fail('casusregieStart', 'casusregieStart is required (yyyy-mm-dd)');
  if (start === 'invalid') return fail('casusregieStart', notADate('casusregieStart', input.casusregieStart));
  const afronding = readDate(input.afronding, false);
  if (afronding === 'invalid') return fail('afronding', notADate('afronding', input.afronding));
  const since = readDate(input.consulentSince, false);
  if (since === 'invalid') return fail('consulentSince', notADate('consulentSince', input.consulentSince));
  if (afronding !== undefined && afronding < (start as LocalDateString)) {
    return fail('afronding', `afronding ${afronding} lies before casusregieStart ${start as string}`);
  }

  const base: DossierFacts = {
    casusregieStartDate: start as LocalDateString,
    consulentInvolved: since !== undefined,
    ...(since !== undefined && { consulentInvolvedSince: since }),
    childrenOver12: 0,
    decisions: [],
    agendaItems: [],
    manualFulfilments: [],
  };
  // Casusregie's plan first; the afronding's adds what follows from it (and would end the rest).
  const during = openByRule(planObligations(region, base));
  const after =
    afronding === undefined
      ? new Map<string, PlannedObligation>()
      : openByRule(planObligations(region, { ...base, afrondingDate: afronding }));
  const zone = ZoneOffsets.of(region.timeZone);
  const obligations: ObligationPlanViewEntry[] = [];
  for (const rule of region.obligations ?? []) {
    const o = during.get(rule.key) ?? after.get(rule.key);
    if (!o) continue;
    obligations.push({
      key: rule.key,
      due: zone.formatIso(o.dueAtMs),
      ...(o.session && { session: zone.formatIso(o.session.startMs) }),
    });
  }
  return { ok: true, view: { obligations } };
}

/**
 * The first occurrence of each rule, open: before anything is fulfilled. (The planner keeps a
 * fulfilled obligation whose condition no longer holds, e.g. one the afronding itself closes for
 * a track the dates do not give; that one is no part of the plan.)
 */
function openByRule(planned: readonly PlannedObligation[]): Map<string, PlannedObligation> {
  return new Map(planned.filter((o) => o.sequence === 0 && o.status === 'open').map((o) => [o.ruleKey, o]));
}

function readDate(value: unknown, required: boolean): LocalDateString | undefined | 'missing' | 'invalid' {
  if (value === undefined || value === null) return required ? 'missing' : undefined;
  return isLocalDate(value) ? value : 'invalid';
}

function notADate(field: string, value: unknown): string {
  return `${field}: ${JSON.stringify(value)} is not a date (expected yyyy-mm-dd, e.g. 2026-02-06)`;
}

function fail(field: keyof ObligationPlanInput, message: string): ObligationPlanViewResult {
  return { ok: false, error: { field, message } };
}
