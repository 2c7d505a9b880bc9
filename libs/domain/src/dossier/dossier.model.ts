import { LocalDateString, parseLocalDate } from '../time/local-date.util';
import {
  InvalidDossierStateError,
  UnknownDecisionKindError,
  UnknownDossierPhaseError,
} from './dossier.error';

/**
 * The phases of a dossier the domain interprets. They are stored as text (`dossiers.phase`), so
 * they are stored as they are: add phases, never rename one. A region's dossier life names the
 * ones it uses (dossierLifePhases).
 */
export const DOSSIER_PHASES = [
  'aangemeld',
  'herbespreking',
  'geen_ketenaanpak',
  'zonder_casusregisseur',
  'geen_instemming',
  'casusregie',
  'afgerond',
  'afgesloten',
] as const;
export type DossierPhase = (typeof DOSSIER_PHASES)[number];

/** The decisions a table records per agendapunt; stored as text (`decisions.kind`). */
export const DECISION_KINDS = [
  'geen_ketenaanpak',
  'zonder_casusregisseur',
  'met_casusregie',
  'herbespreking',
  'geen_instemming',
  'pva_besproken',
  'afronding_goedgekeurd',
  'afronding_niet_goedgekeurd',
  'opvolging_genoteerd',
  'afsluiting_bevestigd',
  'afsluiting_niet_bevestigd',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Dutch names as a coordinator says them, for messages and screens. */
export const DOSSIER_PHASE_LABELS: Readonly<Record<DossierPhase, string>> = {
  aangemeld: 'aangemeld',
  herbespreking: 'herbespreking',
  geen_ketenaanpak: 'geen ketenaanpak',
  zonder_casusregisseur: 'ketenaanpak zonder casusregisseur',
  geen_instemming: 'geen instemming',
  casusregie: 'casusregie',
  afgerond: 'afgerond',
  afgesloten: 'afgesloten',
};

export const DECISION_KIND_LABELS: Readonly<Record<DecisionKind, string>> = {
  geen_ketenaanpak: 'geen ketenaanpak',
  zonder_casusregisseur: 'ketenaanpak zonder casusregisseur',
  met_casusregie: 'ketenaanpak met casusregie',
  herbespreking: 'herbespreking',
  geen_instemming: 'geen instemming van een gezinslid',
  pva_besproken: 'plan van aanpak besproken',
  afronding_goedgekeurd: 'afronding goedgekeurd',
  afronding_niet_goedgekeurd: 'afronding niet goedgekeurd',
  opvolging_genoteerd: 'opvolging genoteerd',
  afsluiting_bevestigd: 'afsluiting bevestigd',
  afsluiting_niet_bevestigd: 'afsluiting niet bevestigd',
};

/** Who verified the informed consent of an adult family member, and on which day. */
export interface ConsentRecord {
  readonly verifiedById: string;
  readonly verifiedOn: LocalDateString;
  /** Which family member consented, as a role or description ("moeder"), never needed as a name. */
  readonly givenBy?: string;
}

/**
 * What the lifecycle rules need to know about a dossier; the persistence layer maps the `Dossier`
 * row onto it. Dates are local dates (Europe/Brussels) because every rule about them counts in
 * calendar days and months, never in hours.
 */
export interface DossierState {
  readonly phase: DossierPhase;
  readonly casusregisseurId?: string;
  /**
   * The start the ICO set with "ketenaanpak met casusregie". Without consent casusregie waits for
   * it (awaitsConsent); it then starts on this day or on the day of the consent, whichever is later.
   */
  readonly casusregiePlannedStartDate?: LocalDateString;
  readonly casusregieStartDate?: LocalDateString;
  readonly afrondingDate?: LocalDateString;
  readonly afsluitingDate?: LocalDateString;
  readonly consent?: ConsentRecord;
  /** How often the dossier came back to the ICO after "geen instemming" (the guide limits it). */
  readonly noConsentReturns: number;
  /** An OCJ/SDJ consulent co-runs the case: the afronding waits for their consultation (annex B). */
  readonly consulentInvolved?: boolean;
  /** The day the casusregisseur consulted the consulent about the afronding. */
  readonly consulentConsultedOn?: LocalDateString;
  /** The traject a table chose (DossierLife.traject), e.g. `spoor-2`; unset in regions without. */
  readonly traject?: string;
}

/**
 * "In afwachting van instemming": the ICO appointed a casusregisseur, but no adult family member's
 * consent is verified yet, so casusregie has not started (guide I.G: it starts once one consents).
 */
export function awaitsConsent(state: Pick<DossierState, 'phase' | 'casusregieStartDate'>): boolean {
  return state.phase === 'casusregie' && state.casusregieStartDate === undefined;
}

/** A dossier as it is right after the aanmelding, before any table has seen it. */
export function newDossierState(): DossierState {
  return { phase: 'aangemeld', noConsentReturns: 0 };
}

export function isDossierPhase(value: unknown): value is DossierPhase {
  return typeof value === 'string' && (DOSSIER_PHASES as readonly string[]).includes(value);
}

export function isDecisionKind(value: unknown): value is DecisionKind {
  return typeof value === 'string' && (DECISION_KINDS as readonly string[]).includes(value);
}

/** A stored phase read back; one the domain does not know is a migration or mapping bug. */
export function toDossierPhase(value: string): DossierPhase {
  if (!isDossierPhase(value)) throw new UnknownDossierPhaseError(value);
  return value;
}

/** A stored decision kind read back; one the domain does not know is a migration or mapping bug. */
export function toDecisionKind(value: string): DecisionKind {
  if (!isDecisionKind(value)) throw new UnknownDecisionKindError(value);
  return value;
}

/**
 * The state a rule is evaluated on must be one the rules themselves could have produced; anything
 * else is a mapping or migration bug, and answering a coordinator on top of it would hide that.
 * Only facts a rule depends on are demanded: the start of casusregie and its casusregisseur
 * (follow-up obligations hang on them) and the afronding date (the afsluiting waits 6 months for it).
 */
export function assertDossierState(state: DossierState): void {
  if (!isDossierPhase(state.phase)) throw new UnknownDossierPhaseError(state.phase);
  if (!Number.isInteger(state.noConsentReturns) || state.noConsentReturns < 0) {
    throw new InvalidDossierStateError(
      `noConsentReturns must be a non-negative integer, got ${String(state.noConsentReturns)}`,
    );
  }
  for (const field of [
    'casusregiePlannedStartDate',
    'casusregieStartDate',
    'afrondingDate',
    'afsluitingDate',
    'consulentConsultedOn',
  ] as const) {
    const value = state[field];
    if (value !== undefined && parseLocalDate(value) === undefined) {
      throw new InvalidDossierStateError(`${field} is not a yyyy-mm-dd date: ${value}`);
    }
  }
  if (state.consent && parseLocalDate(state.consent.verifiedOn) === undefined) {
    throw new InvalidDossierStateError(
      `consent.verifiedOn is not a yyyy-mm-dd date: ${state.consent.verifiedOn}`,
    );
  }
  if (state.phase === 'casusregie' && !state.casusregisseurId) {
    throw new InvalidDossierStateError('a dossier in casusregie needs a casusregisseurId');
  }
  // Without a start date casusregie waits for the consent: once the consent is there, it started.
  if (
    state.phase === 'casusregie' &&
    !state.casusregieStartDate &&
    (state.consent || !state.casusregiePlannedStartDate)
  ) {
    throw new InvalidDossierStateError(
      'a dossier in casusregie needs a casusregieStartDate, or a planned start while it awaits the consent',
    );
  }
  if ((state.phase === 'afgerond' || state.phase === 'afgesloten') && !state.afrondingDate) {
    throw new InvalidDossierStateError(`a dossier in phase ${state.phase} needs an afrondingDate`);
  }
  if (state.phase === 'afgesloten' && !state.afsluitingDate) {
    throw new InvalidDossierStateError('an afgesloten dossier needs an afsluitingDate');
  }
}
