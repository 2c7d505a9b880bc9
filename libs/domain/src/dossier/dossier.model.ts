import { LocalDateString, parseLocalDate } from '../time/local-date.util';
import {
  InvalidDossierStateError,
  UnknownDecisionKindError,
  UnknownDossierPhaseError,
} from './dossier.error';

/**
 * The kinds of phase the domain interprets: what a phase means to the rules (the intake, a return
 * to the intake table, casusregie running, afgerond, afgesloten and the other end states). A
 * region's dossier life declares its own phases (DossierLife.phases), each of one kind; the rules
 * ask a phase's kind, never its key. The regions that existed before declared phases keep keys
 * equal to their kind, so their stored phases read on as they were.
 */
export const PHASE_KINDS = [
  'aangemeld',
  'herbespreking',
  'geen_ketenaanpak',
  'zonder_casusregisseur',
  'geen_instemming',
  'casusregie',
  'afgerond',
  'afgesloten',
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/**
 * One phase of a region's dossier life: its key (stored as text in `dossiers.phase`, so add
 * phases, never rename one), the label a user reads, and the kind that gives it its meaning.
 * Several phases may share a kind (Oost-Vlaanderen's exploratie and uitvoering are both
 * casusregie); where the domain itself moves a dossier to a kind, it takes the first declared.
 */
export interface PhaseSpec {
  readonly key: string;
  readonly label: string;
  readonly kind: PhaseKind;
}

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

/** Dutch names of the phase kinds, the label a region's phase of that kind usually has. */
export const PHASE_KIND_LABELS: Readonly<Record<PhaseKind, string>> = {
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
  /** The key of one of the region's phases (DossierLife.phases); its kind says what it means. */
  readonly phase: string;
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

/** What the rules need of a dossier life to read a dossier's phase: its declared phases. */
export interface PhaseBook {
  readonly phases: readonly PhaseSpec[];
}

export function isPhaseKind(value: unknown): value is PhaseKind {
  return typeof value === 'string' && (PHASE_KINDS as readonly string[]).includes(value);
}

/** The region's phase with this key; undefined for a key it does not declare. */
export function phaseSpecOf(book: PhaseBook, key: string): PhaseSpec | undefined {
  return book.phases.find((p) => p.key === key);
}

/** Whether the region declares a phase with this key (a filter, a stored value read back). */
export function isRegionPhase(book: PhaseBook, key: unknown): key is string {
  return typeof key === 'string' && phaseSpecOf(book, key) !== undefined;
}

/** A stored phase's kind; a key the region does not declare is a migration or mapping bug. */
export function phaseKindOf(book: PhaseBook, key: string): PhaseKind {
  const spec = phaseSpecOf(book, key);
  if (!spec) throw new UnknownDossierPhaseError(key);
  return spec.kind;
}

/** Whether the phase with this key is of one of these kinds; false for an unknown key. */
export function phaseIsOfKind(book: PhaseBook, key: string, ...kinds: readonly PhaseKind[]): boolean {
  const spec = phaseSpecOf(book, key);
  return spec !== undefined && kinds.includes(spec.kind);
}

/** The label a user reads for a phase; the key itself when the configuration no longer knows it. */
export function regionPhaseLabel(book: PhaseBook, key: string): string {
  return phaseSpecOf(book, key)?.label ?? key;
}

/** The keys of the region's phases of these kinds, in their declared order. */
export function phaseKeysOfKind(book: PhaseBook, ...kinds: readonly PhaseKind[]): string[] {
  return book.phases.filter((p) => kinds.includes(p.kind)).map((p) => p.key);
}

/** The phase the domain moves a dossier to when it means this kind: the first one declared. */
export function firstPhaseOfKind(book: PhaseBook, kind: PhaseKind): string | undefined {
  return book.phases.find((p) => p.kind === kind)?.key;
}

/** Casusregie runs or waits for its consent (a phase of kind casusregie). */
export function isInCasusregie(book: PhaseBook, key: string): boolean {
  return phaseIsOfKind(book, key, 'casusregie');
}

/** The keys of the region's phases of kind casusregie (a casusregisseur's running dossiers). */
export function casusregiePhaseKeys(book: PhaseBook): string[] {
  return phaseKeysOfKind(book, 'casusregie');
}

/** The table approved the afronding; the afsluiting is still to come. */
export function isAfgerond(book: PhaseBook, key: string): boolean {
  return phaseIsOfKind(book, key, 'afgerond');
}

/** The dossier is closed (a phase of kind afgesloten): it is not changed any more. */
export function isAfgesloten(book: PhaseBook, key: string): boolean {
  return phaseIsOfKind(book, key, 'afgesloten');
}

/** Casusregie started at some point: running, afgerond or afgesloten (its plan, its history). */
export function hadCasusregie(book: PhaseBook, key: string): boolean {
  return phaseIsOfKind(book, key, 'casusregie', 'afgerond', 'afgesloten');
}

/** A casusregisseur whose work can still pass to another: in casusregie or afgerond. */
export function hasActiveCasusregisseur(book: PhaseBook, key: string): boolean {
  return phaseIsOfKind(book, key, 'casusregie', 'afgerond');
}

/** The keys of the phases in which a dossier has a casusregisseur whose work can pass to another. */
export function activeCasusregisseurPhaseKeys(book: PhaseBook): string[] {
  return phaseKeysOfKind(book, 'casusregie', 'afgerond');
}

/**
 * "In afwachting van instemming": the intake table appointed a casusregisseur, but no adult
 * family member's consent is verified yet, so casusregie has not started (guide I.G: it starts
 * once one consents).
 */
export function awaitsConsent(
  book: PhaseBook,
  state: Pick<DossierState, 'phase' | 'casusregieStartDate'>,
): boolean {
  return isInCasusregie(book, state.phase) && state.casusregieStartDate === undefined;
}

/** What a page asks of a dossier's phase, read from its kind; all false for a key not declared. */
export function phaseFacts(book: PhaseBook, phase: string, casusregieStartDate?: string) {
  return {
    inCasusregie: isInCasusregie(book, phase),
    awaitingConsent: awaitsConsent(book, { phase, ...(casusregieStartDate && { casusregieStartDate }) }),
    hadCasusregie: hadCasusregie(book, phase),
    hasActiveCasusregisseur: hasActiveCasusregisseur(book, phase),
    afgesloten: isAfgesloten(book, phase),
  };
}

/** A dossier as it is right after the aanmelding, before any table has seen it: the intake phase. */
export function newDossierState(book: PhaseBook): DossierState {
  const phase = firstPhaseOfKind(book, 'aangemeld');
  if (phase === undefined) throw new UnknownDossierPhaseError('aangemeld (kind)');
  return { phase, noConsentReturns: 0 };
}

export function isDecisionKind(value: unknown): value is DecisionKind {
  return typeof value === 'string' && (DECISION_KINDS as readonly string[]).includes(value);
}

/** A stored decision kind read back; one the domain does not know is a migration or mapping bug. */
export function toDecisionKind(value: string): DecisionKind {
  if (!isDecisionKind(value)) throw new UnknownDecisionKindError(value);
  return value;
}

/**
 * The state a rule is evaluated on must be one the rules themselves could have produced; anything
 * else is a mapping or migration bug, and answering a coordinator on top of it would hide that.
 * The phase must be one the region declares; its kind says what it demands.
 * Only facts a rule depends on are demanded: the start of casusregie and its casusregisseur
 * (follow-up obligations hang on them) and the afronding date (the afsluiting waits 6 months for it).
 */
export function assertDossierState(state: DossierState, book: PhaseBook): void {
  const kind = phaseKindOf(book, state.phase);
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
  if (kind === 'casusregie' && !state.casusregisseurId) {
    throw new InvalidDossierStateError('a dossier in casusregie needs a casusregisseurId');
  }
  // Without a start date casusregie waits for the consent: once the consent is there, it started.
  if (
    kind === 'casusregie' &&
    !state.casusregieStartDate &&
    (state.consent || !state.casusregiePlannedStartDate)
  ) {
    throw new InvalidDossierStateError(
      'a dossier in casusregie needs a casusregieStartDate, or a planned start while it awaits the consent',
    );
  }
  if ((kind === 'afgerond' || kind === 'afgesloten') && !state.afrondingDate) {
    throw new InvalidDossierStateError(`a dossier in phase ${state.phase} needs an afrondingDate`);
  }
  if (kind === 'afgesloten' && !state.afsluitingDate) {
    throw new InvalidDossierStateError('an afgesloten dossier needs an afsluitingDate');
  }
}
