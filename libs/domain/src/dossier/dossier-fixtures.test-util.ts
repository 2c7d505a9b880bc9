import { CO3_ANTWERPEN_DOSSIER_LIFE } from '@overlegtafels/regions';
import { AgenderingOptions, AgenderingOutcome, canAgenderen } from './agendering.policy';
import { DecisionInput } from './decision-input.model';
import type { DecisionRules } from './decision-rules';
import type { DecisionTransition, DossierLife } from './dossier-life.model';
import { applyDecision, DecisionContext, DecisionOutcome } from './dossier-lifecycle.policy';
import { DecisionKind, DossierState, type PhaseKind } from './dossier.model';

/** CO3 Antwerpen's dossier life (libs/regions), which these specs drive the domain with. */
export const CO3_LIFE: DossierLife = CO3_ANTWERPEN_DOSSIER_LIFE;
export const CO3_RULES: DecisionRules = CO3_LIFE.rules;
/** CO3 has a transition for every decision kind. */
export const CO3_TRANSITIONS = CO3_LIFE.transitions as Readonly<Record<DecisionKind, DecisionTransition>>;

/** A decision context on CO3's dossier life unless it names another. */
export type Co3Context = Omit<DecisionContext, 'life'> & { readonly life?: DossierLife };

export function applyCo3Decision(
  state: DossierState,
  input: DecisionInput,
  context: Co3Context,
): DecisionOutcome {
  return applyDecision(state, input, { life: CO3_LIFE, ...context });
}

export function canAgenderenCo3(
  dossier: DossierState,
  tableKey: string,
  itemType: string,
  options: Omit<AgenderingOptions, 'life'> & { readonly life?: DossierLife } = {},
): AgenderingOutcome {
  return canAgenderen(dossier, tableKey, itemType, { life: CO3_LIFE, ...options });
}

/**
 * Dossiers in every phase, on CO3 session days of 2026: the ICO on Friday 6 March, casusregie from
 * Monday 9 March, the afronding at the Weegploeg of Tuesday 16 June (so the afsluiting may come
 * from Wednesday 16 December), closed at the Ronde Tafel of Thursday 17 December.
 * People are ids, never names.
 */
export const REGISSEUR = 'casusregisseur-0001';
export const AANMELDER = 'aanmelder-0001';

export const ICO_DATE = '2026-03-06';
export const START_DATE = '2026-03-09';
export const AFRONDING_DATE = '2026-06-16';
export const AFSLUITING_DATE = '2026-12-17';

/** A dossier in CO3's phase `phase` (CO3's keys are the phase kinds). */
export function stateIn(phase: PhaseKind): DossierState {
  const inCasusregie: DossierState = {
    phase: 'casusregie',
    casusregisseurId: REGISSEUR,
    casusregieStartDate: START_DATE,
    consent: { verifiedById: AANMELDER, verifiedOn: '2026-03-02' },
    noConsentReturns: 0,
  };
  switch (phase) {
    case 'casusregie':
      return inCasusregie;
    case 'afgerond':
      return { ...inCasusregie, phase, afrondingDate: AFRONDING_DATE };
    case 'afgesloten':
      return { ...inCasusregie, phase, afrondingDate: AFRONDING_DATE, afsluitingDate: AFSLUITING_DATE };
    default:
      return { phase, noConsentReturns: 0 };
  }
}

/** An input for `kind` that passes every field check in the context contextFor gives it. */
export function validInput(kind: DecisionKind): DecisionInput {
  switch (kind) {
    case 'geen_ketenaanpak':
      return {
        kind,
        adviceText: 'Verder opvolgen binnen de eigen begeleiding; bij nieuwe feiten opnieuw aanmelden.',
        safetyPlanAdvice: 'Maak samen met het slachtoffer een veiligheidsplan op (sjabloon FJC).',
      };
    case 'met_casusregie':
      return {
        kind,
        casusregisseurId: REGISSEUR,
        startDate: START_DATE,
        consent: { verifiedById: AANMELDER, verifiedOn: '2026-03-02', adultFamilyMemberConsented: true },
      };
    case 'herbespreking':
      return { kind, missingInformation: 'Politie brengt de recente pv-historiek mee.' };
    case 'pva_besproken':
      return { kind, terugkomdatum: '2026-06-18' };
    default:
      return { kind };
  }
}

/** Where and when each kind of decision is typically taken, for a dossier in `phase`. */
export function contextFor(kind: DecisionKind, phase: PhaseKind): Co3Context {
  switch (kind) {
    case 'pva_besproken':
      return { tableKey: 'weegploeg', itemType: 'plan-van-aanpak', decisionDate: '2026-05-19' };
    case 'afronding_goedgekeurd':
    case 'afronding_niet_goedgekeurd':
      return { tableKey: 'weegploeg', itemType: 'afronding', decisionDate: AFRONDING_DATE };
    case 'opvolging_genoteerd':
      return phase === 'zonder_casusregisseur'
        ? { tableKey: 'ronde-tafel', itemType: 'vraag', decisionDate: '2026-04-02' }
        : { tableKey: 'ronde-tafel', itemType: 'opvolging', decisionDate: '2026-09-17' };
    case 'afsluiting_bevestigd':
    case 'afsluiting_niet_bevestigd':
      return { tableKey: 'ronde-tafel', itemType: 'afsluiting', decisionDate: AFSLUITING_DATE };
    default:
      return {
        tableKey: 'ico',
        itemType: phase === 'aangemeld' ? 'aanmelding' : 'herbespreking',
        decisionDate: ICO_DATE,
      };
  }
}

/** Frozen all the way down, so a rule that mutates its input fails loudly in a test. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
