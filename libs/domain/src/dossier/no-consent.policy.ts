// Casusregie that waits for consent and never gets it (guide I.G): "Indien geen van de gezinsleden
// instemt met de ketenaanpak, is het opstarten van casusregie niet mogelijk", and the aanmelder
// may still come back to the verkennend casusoverleg "een beperkt aantal keer". The ICO can decide
// it when it already knows; after the ICO it is the casusregisseur who finds it out (III.B), and
// records it here, which ends the appointment.
import { formatLocalDate, parseLocalDate } from '../time/local-date.util';
import { requiredDate, requiredText } from './decision-fields.util';
import { refuse } from './dossier-outcome.model';
import { phaseLabel } from './dossier-text.util';
import {
  assertDossierState,
  awaitsConsent,
  DossierState,
  firstPhaseOfKind,
  isInCasusregie,
} from './dossier.model';
import { intakeTableName, type DossierLife } from './dossier-life.model';
import { InvalidDossierContextError } from './dossier.error';
import type { CheckContext, CheckOutcome } from './casusregie-checks.policy';

/** As the casusregisseur enters it; `recordedById` comes from the session, not from the form. */
export interface NoConsentInput {
  /** The day it became clear that no adult family member consents. */
  readonly establishedOn: unknown;
  /** What was tried and why nobody consents: for the ICO, behind login. */
  readonly note: unknown;
  readonly recordedById: string;
}

export interface NoConsentContext extends CheckContext {
  /** The region's dossier life: its phase of kind geen_instemming and the intake table's name. */
  readonly life: DossierLife;
  /** How often the aanmelder may come back to the ICO after "geen instemming" (region setting). */
  readonly returnLimit: number;
}

/**
 * No adult family member consents, so casusregie cannot start: the dossier goes to "geen
 * instemming" as if the ICO had decided it, the casusregisseur's appointment and its planned
 * start end (with them every obligation that hung on the appointment), and the aanmelder may
 * bring the dossier back to the ICO as often as the region allows. Only while casusregie awaits
 * the consent: once it is there, casusregie runs and this is no longer the question.
 */
export function recordNoConsent(
  state: DossierState,
  input: NoConsentInput,
  context: NoConsentContext,
): CheckOutcome {
  const life = context.life;
  assertDossierState(state, life);
  const todayDay = parseLocalDate(context.today);
  if (todayDay === undefined)
    throw new InvalidDossierContextError(`today is not a yyyy-mm-dd date: ${context.today}`);
  if (!awaitsConsent(life, state)) {
    return refuse(
      'ILLEGAL_TRANSITION',
      isInCasusregie(life, state.phase)
        ? 'De instemming is al geregistreerd en de casusregie loopt; "geen instemming" kan dan niet meer.'
        : `"Geen instemming" wordt geregistreerd zolang de casusregie op de instemming wacht; dit dossier is in de fase "${phaseLabel(life, state.phase)}".`,
    );
  }
  // dossierLifeProblems demands this phase of a region that appoints casusregisseurs.
  const noConsentPhase = firstPhaseOfKind(life, 'geen_instemming');
  if (noConsentPhase === undefined)
    throw new InvalidDossierContextError('the dossier life has no phase of kind geen_instemming');
  const established = requiredDate(input.establishedOn, 'establishedOn', 'De datum');
  if (!established.ok) return established;
  if (established.day > todayDay) {
    return refuse('FIELD_INVALID', 'De datum kan niet in de toekomst liggen.', 'establishedOn');
  }
  const noteProblem = requiredText(
    input.note,
    'note',
    'Wat er geprobeerd werd',
    `Noteer kort wie gevraagd werd en waarom niemand instemt; ${intakeTableName(life).label} leest het bij een terugkeer.`,
  );
  if (noteProblem) return noteProblem;
  const date = formatLocalDate(established.day);
  const returnsLeft = Math.max(0, context.returnLimit - state.noConsentReturns);
  // The appointment ends: no casusregisseur, no planned start (the history keeps who it was).
  const { casusregisseurId: _appointed, casusregiePlannedStartDate: _planned, ...rest } = state;
  const next: DossierState = { ...rest, phase: noConsentPhase };
  return {
    ok: true,
    next,
    effects: [{ type: 'geen-instemming', date, returnsUsed: state.noConsentReturns, returnsLeft }],
  };
}
