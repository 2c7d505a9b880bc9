import type { SessionStatus } from '@overlegtafels/domain';
import type { AgendaItemRecord } from './agenda-item.repository.port';
import type { AanmeldingAnswers, AanmeldingClient } from './dossier.repository.port';

/** A person as the dossier page names them. */
interface NamedPerson {
  readonly displayName: string;
}

/** A decision as it is stored (DATE columns as UTC midnight). */
export interface DossierPageDecision {
  readonly id: string;
  /** The item while the decision stands; null once withdrawn or replaced. */
  readonly agendaItemId: string | null;
  readonly decidedItemId: string;
  readonly dossierId: string;
  readonly tableKey: string;
  readonly kind: string;
  readonly adviceText: string | null;
  readonly safetyPlanAdvice: string | null;
  readonly parketmeldingAdvies: boolean;
  readonly missingInformation: string | null;
  readonly casusregisseurId: string | null;
  readonly startDate: Date | null;
  readonly terugkomdatum: Date | null;
  readonly vervolgoverlegDate: Date | null;
  readonly casusregisseurAbsent: boolean;
  readonly bijkomendCasusoverlegDate: Date | null;
  readonly notes: string | null;
  readonly decidedAt: Date;
  readonly decidedById: string;
  readonly withdrawnAt: Date | null;
  readonly withdrawalReason: string | null;
  /** The decision that replaced it, when the withdrawal was a change. */
  readonly replacedById: string | null;
}

/** One aanmelding with every answer of the guide and its clients, in their order. */
export interface DossierPageAanmelding extends AanmeldingAnswers {
  readonly id: string;
  readonly dossierId: string;
  readonly sequence: number;
  readonly aanmelderId: string;
  readonly organisationId: string;
  readonly contactPhone: string | null;
  readonly safetyPlanDescription: string | null;
  readonly confidentialityConfirmedAt: Date;
  readonly familyNotInformedReason: string | null;
  readonly submittedAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly clients: readonly {
    readonly id: string;
    readonly aanmeldingId: string;
    readonly position: number;
    readonly label: string;
    readonly role: AanmeldingClient['role'];
    readonly age: number | null;
    readonly over12: boolean;
    readonly relation: string | null;
    readonly wishesAndNeeds: string | null;
  }[];
  readonly organisation: { readonly name: string };
}

/** An agendapunt of the dossier with its session, document, guests and decision. */
export interface DossierPageAgendaItem extends AgendaItemRecord {
  readonly aanmeldingId: string | null;
  readonly question: string | null;
  readonly documentId: string | null;
  readonly overriddenById: string | null;
  readonly withdrawnAt: Date | null;
  readonly withdrawReason: string | null;
  readonly sharedWithSession: boolean;
  readonly arrival: bigint;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly session: {
    readonly id: string;
    readonly startsAt: Date;
    readonly endsAt: Date;
    readonly status: SessionStatus;
    readonly tableKey: string;
  };
  readonly document: {
    readonly id: string;
    readonly fileName: string;
    readonly sizeBytes: number;
    readonly mimeType: string;
    readonly sha256: string;
  } | null;
  readonly guests: readonly {
    readonly kind: 'aanmelder' | 'consulent' | 'expert';
    readonly email: string | null;
    readonly name: string | null;
  }[];
  readonly submittedBy: NamedPerson;
  readonly decision: DossierPageDecision | null;
}

/**
 * Everything the dossier page shows, for someone with full access (DATE columns as UTC
 * midnight): the dossier's facts, its people, every aanmelding, agendapunt and decision.
 */
export interface DossierPage {
  readonly id: string;
  readonly code: string;
  readonly regionId: string;
  readonly phase: string;
  readonly casusregisseurId: string | null;
  readonly aanmelderId: string;
  readonly aanmelderOrganisationId: string | null;
  readonly casusregiePlannedStartDate: Date | null;
  readonly casusregieStartDate: Date | null;
  readonly afrondingDate: Date | null;
  readonly afsluitingDate: Date | null;
  readonly consentVerifiedAt: Date | null;
  readonly consentVerifiedById: string | null;
  readonly consentGivenBy: string | null;
  readonly noConsentReturns: number;
  /** After the ICO no adult family member consented: since this day (DATE), by whom, what was tried. */
  readonly noConsentEstablishedOn: Date | null;
  readonly noConsentRecordedById: string | null;
  readonly noConsentNote: string | null;
  readonly ocjSdjConsulentInvolved: boolean;
  readonly consulentInvolvedSince: Date | null;
  readonly consulentId: string | null;
  readonly consulentEmail: string | null;
  readonly childrenOver12: number;
  readonly childrenOver12HeardAt: Date | null;
  readonly consulentConsultedOn: Date | null;
  readonly consulentConsultationNote: string | null;
  readonly consulentConsultedById: string | null;
  /** The traject a table chose (RegionConfig.dossierLife.traject), as its key; null when none. */
  readonly traject: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Set while the casusregisseur who left (deactivated) has not been replaced yet. */
  readonly casusregisseurLeftAt: Date | null;
  readonly casusregisseur: {
    readonly id: string;
    readonly displayName: string;
    readonly email: string;
    readonly organisation: { readonly name: string } | null;
    /** False once they were deactivated: the dossier needs a new casusregisseur. */
    readonly active: boolean;
  } | null;
  readonly aanmelder: { readonly id: string; readonly displayName: string; readonly email: string };
  readonly aanmelderOrganisation: { readonly name: string } | null;
  readonly consulent: NamedPerson | null;
  readonly consentVerifiedBy: NamedPerson | null;
  readonly noConsentRecordedBy: NamedPerson | null;
  readonly consulentConsultedBy: NamedPerson | null;
  /** The children over 12 heard (or why not), as recorded, oldest first. */
  readonly childHearings: readonly {
    readonly label: string;
    readonly heardOn: Date | null;
    readonly notHeardReason: string | null;
    readonly recordedAt: Date;
    readonly recordedBy: NamedPerson;
  }[];
  readonly aanmeldingen: readonly DossierPageAanmelding[];
  readonly agendaItems: readonly DossierPageAgendaItem[];
  readonly decisions: readonly (DossierPageDecision & {
    readonly decidedBy: NamedPerson;
    readonly casusregisseur: NamedPerson | null;
    /** Who withdrew or changed it (with withdrawnAt and withdrawalReason). */
    readonly withdrawnBy: NamedPerson | null;
  })[];
  /** The changes of casusregisseur, as recorded, oldest first. */
  readonly casusregisseurChanges: readonly {
    readonly id: string;
    readonly effectiveDate: Date;
    readonly reason: string;
    readonly note: string | null;
    readonly changedAt: Date;
    readonly from: { readonly id: string; readonly displayName: string };
    readonly to: { readonly id: string; readonly displayName: string };
  }[];
  /** The forms that fulfilled the dossier's obligations (six-month report, quality check), oldest first. */
  readonly obligationReports: readonly {
    readonly form: string;
    readonly answers: unknown;
    readonly submittedAt: Date;
    readonly submittedBy: { readonly displayName: string };
  }[];
  /** The heropeningen of the closed dossier, oldest first (its history before each stays as it was). */
  readonly reopenings: readonly {
    readonly reopenedAt: Date;
    readonly fromPhase: string;
    readonly reason: string;
    readonly reopenedBy: { readonly displayName: string };
  }[];
}

/** The read of a dossier's page (need-to-know is decided before, by OpenDossier). */
export abstract class DossierPages {
  abstract detail(dossierId: string): Promise<DossierPage | undefined>;
}
