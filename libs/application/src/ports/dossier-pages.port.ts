import type { SessionStatus } from '@overlegtafels/domain';
import type { AgendaItemRecord } from './agenda-item.repository.port';
import type { AanmeldingAnswers, AanmeldingClient } from './dossier.repository.port';
import type { KeysetPage, MomentCursor, PageRequest } from './keyset-page.port';

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
}

/** An agendapunt as the timeline tells it: table, type, when and how it stands. */
export interface DossierTimelineItem {
  readonly tableKey: string;
  readonly itemType: string;
  readonly slotStart: Date | null;
  readonly status: string;
  readonly session: { readonly startsAt: Date; readonly status: SessionStatus };
}

/** A decision as the timeline tells it, withdrawn or changed ones too. */
export interface DossierTimelineDecision {
  readonly kind: string;
  readonly decidedAt: Date;
  readonly startDate: Date | null;
  readonly terugkomdatum: Date | null;
  readonly withdrawnAt: Date | null;
  readonly withdrawalReason: string | null;
  readonly replacedById: string | null;
  readonly casusregisseur: NamedPerson | null;
}

/** A decision with who took it, who it appointed and who withdrew or changed it. */
export type DossierPageDecisionShown = DossierPageDecision & {
  readonly decidedBy: NamedPerson;
  readonly casusregisseur: NamedPerson | null;
  /** Who withdrew or changed it (with withdrawnAt and withdrawalReason). */
  readonly withdrawnBy: NamedPerson | null;
};

/** A person, an id and a name, as the timeline names them. */
interface Named extends NamedPerson {
  readonly id: string;
}

/**
 * One fact of a dossier's timeline, as its page of the timeline reads it (DATE columns as UTC
 * midnight): each makes one entry.
 */
export type DossierTimelineFact =
  | {
      readonly type: 'aanmelding';
      readonly aanmelding: { readonly submittedAt: Date; readonly organisation: { readonly name: string } };
    }
  | { readonly type: 'agendapunt'; readonly item: DossierTimelineItem }
  /** The decision, and (`intrekking`) its withdrawal or change. */
  | { readonly type: 'beslissing' | 'intrekking'; readonly decision: DossierTimelineDecision }
  | {
      readonly type: 'overdracht';
      readonly change: {
        readonly effectiveDate: Date;
        readonly changedAt: Date;
        readonly reason: string;
        readonly note: string | null;
        readonly from: Named;
        readonly to: Named;
      };
    }
  | {
      readonly type: 'heropening';
      readonly reopening: {
        readonly reopenedAt: Date;
        readonly fromPhase: string;
        readonly reason: string;
        readonly reopenedBy: NamedPerson;
      };
    }
  | {
      readonly type: 'rapport';
      readonly report: {
        readonly form: string;
        readonly submittedAt: Date;
        readonly submittedBy: NamedPerson;
      };
    }
  | {
      readonly type: 'instemming';
      readonly consent: {
        readonly consentVerifiedAt: Date;
        readonly consentGivenBy: string | null;
        readonly consentVerifiedBy: NamedPerson | null;
        readonly casusregieStartDate: Date | null;
      };
    }
  | {
      readonly type: 'geen-instemming';
      readonly noConsent: {
        readonly noConsentEstablishedOn: Date;
        readonly noConsentNote: string | null;
        readonly noConsentRecordedBy: NamedPerson | null;
      };
    }
  | {
      readonly type: 'kind';
      readonly child: {
        readonly label: string;
        readonly heardOn: Date | null;
        readonly notHeardReason: string | null;
        readonly recordedAt: Date;
        readonly recordedBy: NamedPerson;
      };
    }
  | {
      readonly type: 'consultatie';
      readonly consultation: {
        readonly consulentConsultedOn: Date;
        readonly consulentConsultationNote: string | null;
        readonly consulentConsultedBy: NamedPerson | null;
      };
    };

/** A fact and its key on the timeline: its moment, and its kind and row (`p-<id>`) for ties. */
export interface KeyedTimelineFact {
  readonly key: MomentCursor;
  readonly fact: DossierTimelineFact;
}

/** The read of a dossier's page (need-to-know is decided before, by OpenDossier). */
export abstract class DossierPages {
  abstract detail(dossierId: string): Promise<DossierPage | undefined>;
  /**
   * A page of the dossier's timeline without the obligations, newest first, and how many facts
   * it tells in all: by keyset on (moment, key), in SQL, whatever the history's length (issue
   * #18). `timeZone`: where a recorded day (a DATE) starts.
   */
  abstract timelinePage(
    dossierId: string,
    request: PageRequest,
    timeZone: string,
  ): Promise<KeysetPage<KeyedTimelineFact>>;
  /** A page of the dossier's agendapunten, the last submitted first (issue #18). */
  abstract agendaItemsPage(
    dossierId: string,
    request: PageRequest,
  ): Promise<KeysetPage<DossierPageAgendaItem>>;
  /** A page of the dossier's decisions, the last taken first, withdrawn and changed ones too. */
  abstract decisionsPage(
    dossierId: string,
    request: PageRequest,
  ): Promise<KeysetPage<DossierPageDecisionShown>>;
}
