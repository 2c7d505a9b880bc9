import type { RegionAnswers } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';
import type {
  CasusregisseurChangeReason,
  DecisionKind,
  DossierSnapshot,
  DossierState,
  LocalDateString,
  OrganisationKind,
} from '@overlegtafels/domain';

/** A dossier's facts as the rules and the need-to-know check read them. Dates are Brussels days. */
export interface DossierRecord {
  readonly id: string;
  readonly code: string;
  readonly regionId: string;
  /** The key of one of the region's phases (DossierLife.phases). */
  readonly phase: string;
  readonly casusregisseurId: string | null;
  /** For the dossier's own pages and API; never for logs. */
  readonly casusregisseurName: string | null;
  readonly aanmelderId: string | null;
  /** The start the ICO set; casusregie awaits the consent while casusregieStartDate is empty. */
  readonly casusregiePlannedStartDate: LocalDateString | null;
  /** The kind of the aanmelder's organisation (guide I.I limits "zonder casusregisseur" by it). */
  readonly aanmelderOrganisationKind: OrganisationKind | null;
  readonly casusregieStartDate: LocalDateString | null;
  readonly afrondingDate: LocalDateString | null;
  readonly afsluitingDate: LocalDateString | null;
  readonly consentVerifiedAt: Date | null;
  readonly consentVerifiedById: string | null;
  /** Which family member consented (a role or description); for the dossier's own page only. */
  readonly consentGivenBy: string | null;
  readonly noConsentReturns: number;
  readonly consulentInvolved: boolean;
  /** The day the consulent was consulted about the afronding (annex B). */
  readonly consulentConsultedOn: LocalDateString | null;
  /** The children over 12 the dossier counts (the aanmelding's, or more once listed). */
  readonly childrenOver12: number;
  /** The traject a table chose (RegionConfig.dossierLife.traject); null when none was. */
  readonly traject: string | null;
}

/** A child over 12 as recorded: heard on a day, or the reason why not. */
export interface ChildHearingRecord {
  readonly label: string;
  readonly heardOn: LocalDateString | null;
  readonly notHeardReason: string | null;
}

export interface NewChildHearing extends ChildHearingRecord {
  /** The label compared without case and extra spaces (childLabelKey). */
  readonly labelKey: string;
  readonly recordedById: string;
  readonly recordedAt: Date;
}

export interface DecisionRecord {
  readonly id: string;
  readonly kind: string;
  readonly decidedAt: Date;
}

/** The involvement of an OCJ/SDJ consulent, from a day on, or none. */
export type ConsulentInvolvement =
  | { readonly involved: true; readonly since: LocalDateString; readonly email: string | null }
  | { readonly involved: false };

/** What a table decided about one agendapunt, as it is kept. */
export interface NewDecision {
  readonly agendaItemId: string;
  readonly tableKey: string;
  readonly kind: DecisionKind;
  readonly adviceText: string | null;
  readonly safetyPlanAdvice: string | null;
  readonly parketmeldingAdvies: boolean;
  readonly missingInformation: string | null;
  readonly casusregisseurId: string | null;
  readonly startDate: LocalDateString | null;
  readonly terugkomdatum: LocalDateString | null;
  /** met_casusregie: the first vervolgoverleg; null: the first Weegploeg. */
  readonly vervolgoverlegDate: LocalDateString | null;
  readonly casusregisseurAbsent: boolean;
  readonly bijkomendCasusoverlegDate: LocalDateString | null;
  readonly decidedAt: Date;
  readonly decidedById: string;
  /** The dossier's facts before and after the decision, for a withdrawal (DecisionHistory). */
  readonly priorState: DossierSnapshot;
  readonly resultState: DossierSnapshot;
  /** herbespreking: the ICO item the decision made. */
  readonly followUpItemId: string | null;
}

export interface AanmeldingClient {
  readonly label: string;
  readonly role: 'pleger' | 'slachtoffer' | 'kind' | 'andere';
  readonly age?: number;
  readonly over12: boolean;
  readonly relation?: string;
  readonly wishesAndNeeds?: string;
}

/** The answers of the guide that every aanmelding gives (the optional ones differ per use). */
export interface AanmeldingAnswers {
  readonly contactEmail: string;
  readonly whyNow: string;
  readonly violenceDescription: string;
  readonly situationAtStart: string;
  readonly situationNow: string;
  readonly mainRisks: string;
  readonly clientRelations: string;
  readonly servicesInvolved: string;
  readonly safetyPlanExists: boolean;
  readonly questionsAndExpectations: string;
  readonly familyInformed: boolean;
  /** The answers to the region's own questions (RegionConfig.aanmeldingQuestions), by key. */
  readonly regionAnswers: RegionAnswers;
}

/** A new dossier (phase aangemeld) with its first aanmelding and every answer of the guide. */
export interface NewAanmelding extends AanmeldingAnswers {
  readonly code: string;
  readonly regionId: string;
  /** The phase a new dossier starts in: the region's intake phase (newDossierState). */
  readonly phase: string;
  readonly aanmelderId: string;
  readonly organisationId: string;
  readonly contactPhone?: string;
  readonly safetyPlanDescription?: string;
  readonly familyNotInformedReason?: string;
  readonly submittedAt: Date;
  readonly clients: readonly AanmeldingClient[];
}

/** An uploaded document of the dossier, its bytes already stored and checked. */
export interface NewDossierDocument {
  readonly storageKey: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedById: string;
  readonly uploadedAt: Date;
}

/** The casusregie passing from one casusregisseur to another, as it is kept. */
export interface NewCasusregisseurChange {
  readonly fromPersonId: string;
  readonly toPersonId: string;
  readonly effectiveDate: LocalDateString;
  readonly reason: CasusregisseurChangeReason;
  readonly note: string | null;
  readonly changedById: string;
  readonly changedAt: Date;
}

export interface CasusregisseurChangeRecord extends NewCasusregisseurChange {
  readonly id: string;
}

/**
 * The dossier aggregate as the use cases load and change it: reads of its facts, and one intent
 * method per change the guide knows. Without `tx` a read sees what is committed.
 */
export abstract class DossierRepository {
  abstract byId(tx: Transaction | undefined, id: string): Promise<DossierRecord | undefined>;
  abstract byCode(tx: Transaction | undefined, code: string): Promise<DossierRecord | undefined>;
  /** Its decisions, oldest first. */
  abstract decisionsOf(tx: Transaction, id: string): Promise<DecisionRecord[]>;
  /** The next dossier number of the region's year, under the counter's lock. */
  abstract takeNextNumber(tx: Transaction, regionId: string, year: number): Promise<number>;
  abstract openWithAanmelding(
    tx: Transaction,
    aanmelding: NewAanmelding,
  ): Promise<{ dossierId: string; aanmeldingId: string }>;
  /** The document's id. */
  abstract attachDocument(tx: Transaction, id: string, document: NewDossierDocument): Promise<string>;
  /** Ending the involvement also forgets the consulent. */
  abstract recordConsulent(tx: Transaction, id: string, involvement: ConsulentInvolvement): Promise<void>;
  /** On the dossier, and on the ICO decision that set the start when there is one. */
  abstract correctCasusregieStart(
    tx: Transaction,
    id: string,
    startDecisionId: string | undefined,
    startDate: LocalDateString,
  ): Promise<void>;
  /** The consent of an adult family member, and the start of casusregie it allows. */
  abstract recordConsent(
    tx: Transaction,
    id: string,
    consent: { verifiedAt: Date; verifiedById: string; givenBy: string },
    startDate: LocalDateString,
  ): Promise<void>;
  /**
   * No adult family member consents (after the ICO): the dossier as `recordNoConsent` left it
   * (phase, no casusregisseur, no planned start) and who found it, when, with what was tried.
   */
  abstract recordNoConsent(
    tx: Transaction,
    id: string,
    next: DossierState,
    noConsent: { establishedOn: LocalDateString; recordedById: string; note: string },
  ): Promise<void>;
  /** The children over 12 recorded so far, oldest first. */
  abstract childHearingsOf(tx: Transaction | undefined, id: string): Promise<ChildHearingRecord[]>;
  /**
   * One child's entry (its label key replaces an earlier one), the dossier's count of children
   * over 12 and, the first time every one is accounted for, that moment (`heardAt`).
   */
  abstract recordChildHearing(
    tx: Transaction,
    id: string,
    hearing: NewChildHearing,
    count: { childrenOver12: number; heardAt: Date | null },
  ): Promise<void>;
  /** The consultation of the consulent about the afronding; a later one replaces it. */
  abstract recordConsulentConsultation(
    tx: Transaction,
    id: string,
    consultation: { consultedOn: LocalDateString; note: string; consultedById: string },
  ): Promise<void>;
  /**
   * The dossier's casusregisseur becomes `toPersonId`, and the change is kept with it; undefined
   * (nothing written) when `fromPersonId` no longer directs it (a change made meanwhile).
   */
  abstract changeCasusregisseur(
    tx: Transaction,
    id: string,
    change: NewCasusregisseurChange,
  ): Promise<{ id: string } | undefined>;
  /** The changes of the casusregisseur, in the order they were recorded. */
  abstract casusregisseurChangesOf(
    tx: Transaction | undefined,
    id: string,
  ): Promise<CasusregisseurChangeRecord[]>;
  /**
   * The decision, and the dossier as the lifecycle made it (`consentVerifiedAt` only when the
   * decision is the one that verified the consent).
   */
  abstract recordDecision(
    tx: Transaction,
    id: string,
    next: DossierState,
    consentVerifiedAt: Date | undefined,
    decision: NewDecision,
  ): Promise<{ id: string }>;
}
