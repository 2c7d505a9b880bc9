import { LocalDateString, parseLocalDate } from '../time/local-date.util';
import { DecisionInput } from './decision-input.model';
import { lookupItemType } from './decision-rules';
import {
  afsluitingWaitMonthsOf,
  chooseTraject,
  intakeTableName,
  type DossierLife,
  type IntakeTableName,
} from './dossier-life.model';
import { formatDutchDate } from './dossier-date.util';
import { DossierEvent } from './dossier-event.model';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import { decisionLabel, decisionList, phaseLabel, phaseList } from './dossier-text.util';
import {
  assertDossierState,
  awaitsConsent,
  DecisionKind,
  DossierState,
  isDecisionKind,
  type PhaseBook,
  phaseKeysOfKind,
  phaseKindOf,
  type PhaseKind,
} from './dossier.model';
import { InvalidDossierContextError, UnknownDecisionKindError } from './dossier.error';
import { applyKind } from './decision-effects.policy';
import type { OrganisationKind, OrganisationKinds } from '../organisation/organisation-kind';

/** The guide speaks of "een beperkt aantal keer"; CO3 Antwerpen allows two returns unless configured. */
export const DEFAULT_NO_CONSENT_RETURN_LIMIT = 2;

/**
 * The kinds of phase a dossier never leaves in any region's dossier life (RegionConfig.dossierLife)
 * but by a heropening: a list shows them after the dossiers still running, retention counts from them.
 */
export const ENDED_PHASE_KINDS: readonly PhaseKind[] = ['geen_ketenaanpak', 'afgesloten'];

/** The keys of the region's ended phases (ENDED_PHASE_KINDS), for a list or a retention query. */
export function endedPhaseKeys(book: PhaseBook): string[] {
  return phaseKeysOfKind(book, ...ENDED_PHASE_KINDS);
}

/** Decisions about casusregie itself, which cannot come before it started. */
export const NEEDS_STARTED_CASUSREGIE: readonly DecisionKind[] = [
  'pva_besproken',
  'afronding_goedgekeurd',
  'afronding_niet_goedgekeurd',
];

export const AWAITS_CONSENT_MESSAGE =
  'Casusregie is in afwachting van instemming: ze start pas als de casusregisseur de instemming ' +
  'van minstens één volwassen gezinslid registreert op de dossierpagina.';

export interface DecisionContext {
  /** The date of the zitting at which the table took the decision (not the day it is recorded). */
  readonly decisionDate: LocalDateString;
  readonly tableKey: string;
  readonly itemType: string;
  /** Returns to the ICO allowed after "geen instemming"; see noConsentReturnLimitOf(region). */
  readonly noConsentReturnLimit?: number;
  /** The region's dossier life (RegionConfig.dossierLife): its tables' decisions and transitions. */
  readonly life: DossierLife;
  /** Who may go on "zonder casusregisseur" (RegionConfig.zonderCasusregisseurAanmelders); unset: anyone. */
  readonly zonderCasusregisseurAanmelders?: readonly OrganisationKind[];
  /** The kind of the aanmelder's organisation; null when the dossier does not know it. */
  readonly aanmelderOrganisation?: OrganisationKind | null;
  /** The region's organisation kinds (RegionConfig.organisationKinds), for their names in messages. */
  readonly organisationKinds?: OrganisationKinds;
  /** The traject the table chose with the decision, for a region whose decision records one. */
  readonly traject?: string;
}

export type DecisionOutcome =
  | { readonly ok: true; readonly next: DossierState; readonly effects: readonly DossierEvent[] }
  | DossierRefusal;

/**
 * Records one decision of a table on one agendapunt. Either the decision is accepted and the
 * answer holds the dossier's next state and what the decision sets in motion, or it is refused with
 * a stable code, the field at fault and a Dutch message; a refusal leaves the state as it was.
 * Checks go from the coarse to the fine: the item, the phase and its start, the return limit, then the fields,
 * so a coordinator is not asked to fix fields of a decision that cannot be taken anyway.
 */
export function applyDecision(
  state: DossierState,
  input: DecisionInput,
  context: DecisionContext,
): DecisionOutcome {
  const life = context.life;
  assertDossierState(state, life);
  const kind = phaseKindOf(life, state.phase);
  if (!isDecisionKind(input.kind)) throw new UnknownDecisionKindError(input.kind);
  const decisionDay = parseLocalDate(context.decisionDate);
  if (decisionDay === undefined) {
    throw new InvalidDossierContextError(
      `decisionDate is not a yyyy-mm-dd date: ${String(context.decisionDate)}`,
    );
  }
  const limit = resolveReturnLimit(context.noConsentReturnLimit);

  const found = lookupItemType(context.life.rules, context.tableKey, context.itemType);
  if (!found.ok) {
    return found.code === 'UNKNOWN_TABLE'
      ? refuse('UNKNOWN_TABLE', `Onbekende overlegtafel "${context.tableKey}".`)
      : refuse(
          'UNKNOWN_ITEM_TYPE',
          `Onbekend soort agendapunt "${context.itemType}" op tafel "${context.tableKey}".`,
        );
  }
  const { table, itemType } = found;
  if (!itemType.decisions.includes(input.kind)) {
    return refuse(
      'DECISION_NOT_FOR_ITEM',
      `De beslissing "${decisionLabel(input.kind)}" hoort niet bij een agendapunt ${itemType.label} op ` +
        `${table.label}. Mogelijk zijn: ${decisionList(itemType.decisions)}.`,
      'kind',
    );
  }

  const transition = context.life.transitions[input.kind];
  if (!transition) {
    throw new InvalidDossierContextError(
      `the dossier life has no transition for ${input.kind} (a configuration bug)`,
    );
  }
  if (!transition.from.includes(state.phase)) {
    return refuse(
      'ILLEGAL_TRANSITION',
      `De beslissing "${decisionLabel(input.kind)}" kan niet voor een dossier in de fase ` +
        `"${phaseLabel(life, state.phase)}"; dat kan enkel in de fase ${phaseList(life, transition.from)}.`,
    );
  }

  // A plan is reviewed and casusregie rounded off only once it started, that is with the consent.
  if (awaitsConsent(life, state) && NEEDS_STARTED_CASUSREGIE.includes(input.kind)) {
    return refuse('CASUSREGIE_AWAITS_CONSENT', AWAITS_CONSENT_MESSAGE);
  }

  const phaseStart = phaseStartDate(kind, state);
  if (phaseStart !== undefined && decisionDay < parseLocalDate(phaseStart)!) {
    return refuse(
      'DECISION_BEFORE_PHASE_START',
      `Deze beslissing valt op ${formatDutchDate(context.decisionDate)}, vóór ` +
        `${kind === 'casusregie' ? 'de start van de casusregie' : 'de afronding'} op ` +
        `${formatDutchDate(phaseStart)}. Kijk de datums na.`,
    );
  }

  // Every ICO discussion of a dossier in "geen instemming" is a return of the aanmelder; the
  // counter never resets, so a herbespreking in between does not buy extra returns.
  const isNoConsentReturn = kind === 'geen_instemming';
  if (isNoConsentReturn && state.noConsentReturns >= limit) {
    return refuse(
      'RETURN_LIMIT_REACHED',
      returnLimitMessage(state.noConsentReturns, limit, intakeTableName(life)),
    );
  }
  const noConsentReturns = state.noConsentReturns + (isNoConsentReturn ? 1 : 0);

  const applied = applyKind(state, input, context.decisionDate, decisionDay, noConsentReturns, limit, {
    zonderCasusregisseurAanmelders: context.zonderCasusregisseurAanmelders,
    aanmelderOrganisation: context.aanmelderOrganisation,
    organisationKinds: context.organisationKinds,
    afsluitingWaitMonths: afsluitingWaitMonthsOf(life),
    intake: intakeTableName(life),
    tableLabel: table.label,
    followUpLabel: life.roles.followUp ? life.rules[life.roles.followUp]?.label : undefined,
  });
  if (!applied.ok) return applied;
  const traject = chooseTraject(context.life, input.kind, context.traject);
  if (!traject.ok) return traject;
  const next: DossierState = {
    ...state,
    ...applied.patch,
    ...(traject.traject !== undefined && { traject: traject.traject }),
    phase: transition.to === 'unchanged' ? state.phase : transition.to,
    noConsentReturns,
  };
  return { ok: true, next, effects: applied.effects };
}

/**
 * The day the current phase began, for the phases whose decisions are dated against it: a table
 * cannot review casusregie before it started, nor follow up an afronding before it was decided.
 * A start date typed a year off is caught here, at the first decision after it.
 */
function phaseStartDate(kind: PhaseKind, state: DossierState): LocalDateString | undefined {
  if (kind === 'casusregie') return state.casusregieStartDate;
  if (kind === 'afgerond') return state.afrondingDate;
  return undefined;
}

/** The configured limit for a region, or the CO3 default; a broken configuration is a bug. */
export function noConsentReturnLimitOf(region: { readonly noConsentReturnLimit?: number }): number {
  return resolveReturnLimit(region.noConsentReturnLimit);
}

export function resolveReturnLimit(configured: number | undefined): number {
  const limit = configured ?? DEFAULT_NO_CONSENT_RETURN_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InvalidDossierContextError(
      `noConsentReturnLimit must be a non-negative integer, got ${String(limit)}`,
    );
  }
  return limit;
}

export function returnLimitMessage(returnsUsed: number, limit: number, intake: IntakeTableName): string {
  return (
    `De aanmelder kwam na "geen instemming" al ${returnsUsed} keer terug naar ${intake.label}; ` +
    `meer dan ${limit} keer kan niet.`
  );
}
