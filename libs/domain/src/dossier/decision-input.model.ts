import { LocalDateString } from '../time/local-date.util';

/**
 * Consent as the coordinator records it with a met_casusregie decision, or the casusregisseur later. The flag is explicit
 * because the guide lets casusregie start only on the consent of an adult family member: the
 * consent of a child alone, however welcome, does not count.
 */
export interface ConsentFacts {
  readonly verifiedById: string;
  readonly verifiedOn: LocalDateString;
  readonly adultFamilyMemberConsented: boolean;
  /** Which family member consented: a role or description ("moeder"), optional at the ICO. */
  readonly givenBy?: string;
}

/**
 * The advice for a safety plan is its own field, not a phrase to look for in the advice: the guide
 * says the aanmelder always receives it, and a separate field makes that checkable and lets the
 * advice letter give it its own heading.
 */
export interface GeenKetenaanpakInput {
  readonly kind: 'geen_ketenaanpak';
  readonly adviceText: string;
  readonly safetyPlanAdvice: string;
  /** The advice includes reporting to the parket (e.g. in an acute danger situation). */
  readonly parketmeldingAdvies?: boolean;
}

export interface ZonderCasusregisseurInput {
  readonly kind: 'zonder_casusregisseur';
}

export interface MetCasusregieInput {
  readonly kind: 'met_casusregie';
  readonly casusregisseurId: string;
  readonly startDate: LocalDateString;
  /**
   * Without it (and none on the dossier) the casusregisseur is appointed and casusregie waits for
   * the consent, which the casusregisseur records later (RecordConsent).
   */
  readonly consent?: ConsentFacts;
  /**
   * The first vervolgoverleg, set at once at the ICO (guide II.E); unset, it is the first
   * Weegploeg, where the first plan van aanpak is discussed.
   */
  readonly vervolgoverlegDate?: LocalDateString;
  /** The casusregisseur was not at the ICO: a bijkomend casusoverleg is planned with them (II.E). */
  readonly casusregisseurAbsent?: boolean;
  /** Required when the casusregisseur was absent, and only then. */
  readonly bijkomendCasusoverlegDate?: LocalDateString;
}

export interface HerbesprekingInput {
  readonly kind: 'herbespreking';
  /** What is missing and who brings it to the next ICO. */
  readonly missingInformation: string;
}

export interface GeenInstemmingInput {
  readonly kind: 'geen_instemming';
  /** Advice on raising safety meanwhile; when given it is sent to the aanmelder. */
  readonly adviceText?: string;
}

export interface PvaBesprokenInput {
  readonly kind: 'pva_besproken';
  /** When the dossier is due on the Ronde Tafel; after the Weegploeg, so after the decision date. */
  readonly terugkomdatum: LocalDateString;
}

export interface AfrondingGoedgekeurdInput {
  readonly kind: 'afronding_goedgekeurd';
}

export interface AfrondingNietGoedgekeurdInput {
  readonly kind: 'afronding_niet_goedgekeurd';
}

export interface OpvolgingGenoteerdInput {
  readonly kind: 'opvolging_genoteerd';
}

/** No new facts at the last check: the dossier is closed. */
export interface AfsluitingBevestigdInput {
  readonly kind: 'afsluiting_bevestigd';
}

/** New facts: the dossier stays open. */
export interface AfsluitingNietBevestigdInput {
  readonly kind: 'afsluiting_niet_bevestigd';
}

/** One decision as the coordinator records it after the zitting, with the fields its kind needs. */
export type DecisionInput =
  | GeenKetenaanpakInput
  | ZonderCasusregisseurInput
  | MetCasusregieInput
  | HerbesprekingInput
  | GeenInstemmingInput
  | PvaBesprokenInput
  | AfrondingGoedgekeurdInput
  | AfrondingNietGoedgekeurdInput
  | OpvolgingGenoteerdInput
  | AfsluitingBevestigdInput
  | AfsluitingNietBevestigdInput;
