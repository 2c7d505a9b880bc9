import type { CalendarState, ObligationFormAnswers } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

export type ObligationStatus = 'open' | 'fulfilled' | 'cancelled';
export type ObligationOwnerRole = 'casusregisseur' | 'coordinator' | 'strategisch-coordinator';

/** The dossier as far as its obligations care. Dates are the stored calendar dates (UTC midnight). */
export interface ObligationDossier {
  id: string;
  code: string;
  regionId: string;
  casusregisseurId: string | null;
  /**
   * False when the casusregisseur was deactivated (they left): their tasks are the coordinators' of
   * the follow-up table until a new one is appointed. Unset: active.
   */
  casusregisseurActive?: boolean;
  casusregiePlannedStartDate: Date | null;
  casusregieStartDate: Date | null;
  afrondingDate: Date | null;
  afsluitingDate: Date | null;
  consentVerifiedAt: Date | null;
  ocjSdjConsulentInvolved: boolean;
  consulentInvolvedSince: Date | null;
  consulentConsultedOn: Date | null;
  childrenOver12: number;
  childrenOver12HeardAt: Date | null;
  /** The traject a table chose (rules `onlyIf` traject); null when none was. */
  traject: string | null;
}

export interface ObligationDecision {
  id: string;
  kind: string;
  decidedAt: Date;
  tableKey: string;
  terugkomdatum: Date | null;
  /** met_casusregie: what the ICO planned at once (DATE columns, UTC midnight). */
  vervolgoverlegDate: Date | null;
  bijkomendCasusoverlegDate: Date | null;
}

/** An agenda item of the dossier (never a withdrawn one), with its session's series slot. */
export interface ObligationAgendaItem {
  id: string;
  tableKey: string;
  itemType: string;
  submittedAt: Date;
  status: string;
  sessionScheduledStart: Date;
}

/** An obligation as stored, the way the re-plan compares it with the plan. */
export interface ObligationRecord {
  id: string;
  /** The dossier's life it was planned in (1, or 1 + the heropeningen before it). */
  life: number;
  ruleKey: string;
  sequence: number;
  ownerId: string | null;
  ownerRole: string;
  tableKey: string | null;
  itemType: string | null;
  dueAt: Date;
  status: ObligationStatus;
  fulfilledAt: Date | null;
  fulfilmentKind: string | null;
  fulfilmentNote: string | null;
  fulfilledByAgendaItemId: string | null;
  sessionKey: string | null;
}

/** Everything the re-plan of one dossier reads, under the dossier's lock. */
export interface DossierToPlan {
  dossier: ObligationDossier;
  /** The dossier's current life: 1 + the number of its heropeningen. */
  life: number;
  /** When the current life began (the latest heropening); null for the first life. */
  lifeStartedAt: Date | null;
  decisions: ObligationDecision[];
  agendaItems: ObligationAgendaItem[];
  obligations: ObligationRecord[];
}

/** Who owns an obligation and what it hangs on. */
export interface ObligationPlacement {
  ownerId: string | null;
  ownerRole: ObligationOwnerRole;
  tableKey: string | null;
  itemType: string | null;
  sessionKey: string | null;
}

/** How an obligation was done, as the plan found it (not by hand: that is fulfilManually). */
export interface ObligationFulfilmentRecord {
  at: Date;
  kind: string;
  agendaItemId: string | null;
}

/** A reminder step to wait for: its key within the obligation and when it is to go out. */
export interface ReminderStepPlan {
  stepKey: string;
  sendAt: Date;
}

export interface NewObligation {
  dossierId: string;
  /**
   * The dossier's life it is planned in (DossierToPlan.life); unset: the dossier's current life
   * (an action point of a verslag belongs to the life the verslag is of).
   */
  life?: number;
  ruleKey: string;
  sequence: number;
  placement: ObligationPlacement;
  dueAt: Date;
  status: 'open' | 'fulfilled';
  fulfilment: ObligationFulfilmentRecord | null;
}

/** What the manual "done" needs to decide who may and whether it still can. */
export interface ObligationToFulfil {
  id: string;
  dossierId: string;
  regionId: string;
  casusregisseurId: string | null;
  ruleKey: string;
  status: ObligationStatus;
  tableKey: string | null;
  /** The person who owns it (an action point's owner); optional where only the rule's role counts. */
  ownerId?: string | null;
}

/** The answers of an obligation's form, as they fulfil it and are kept with it. */
export type ObligationReport = ObligationFormAnswers & {
  readonly submittedById: string;
  readonly submittedAt: Date;
};

/**
 * Follow-up obligations with their reminder steps, as the re-plan and the manual "done" change
 * them. Every change of due date, fulfilment or cancellation drops the steps not sent yet; the
 * steps already mailed stay as the record of what was sent.
 */
export abstract class ObligationRepository {
  /**
   * Locks the dossier against a concurrent re-plan of the same dossier (agenda items and decisions
   * can still be added to it) and reads what the plan needs; undefined for an unknown dossier.
   */
  abstract lockDossierToPlan(tx: Transaction, dossierId: string): Promise<DossierToPlan | undefined>;
  /** The coordinators' decisions about a table's calendar, as the plan reads them. */
  abstract calendarOf(
    tx: Transaction,
    regionKey: string,
    tableKey: string,
    timeZone: string,
  ): Promise<CalendarState>;
  /** Stores a new obligation with its first reminder steps; returns its id. */
  abstract addObligation(
    tx: Transaction,
    obligation: NewObligation,
    steps: readonly ReminderStepPlan[],
  ): Promise<string>;
  /** A new due date (and placement); `reopen` makes a cancelled one open again. Unsent steps are replaced. */
  abstract reschedule(
    tx: Transaction,
    obligationId: string,
    change: { placement: ObligationPlacement; dueAt: Date; reopen: boolean },
    steps: readonly ReminderStepPlan[],
  ): Promise<void>;
  abstract markFulfilled(
    tx: Transaction,
    obligationId: string,
    fulfilment: ObligationFulfilmentRecord | null,
  ): Promise<void>;
  abstract cancel(tx: Transaction, obligationId: string, at: Date, reason: string): Promise<void>;
  /** An open obligation changing hands, table or session; its steps stay. */
  abstract reassign(
    tx: Transaction,
    obligationId: string,
    change: Partial<Pick<ObligationPlacement, 'ownerId' | 'ownerRole' | 'tableKey' | 'sessionKey'>>,
  ): Promise<void>;
  /** Dossiers with open obligations whose due date hangs on a session of the table. */
  abstract dossiersHangingOnTable(tx: Transaction, tableKey: string): Promise<string[]>;
  /** Dossiers that have (or should have) obligations, by id, `limit` after `afterId`. */
  abstract dossiersToReconcile(regionId: string, afterId: string | null, limit: number): Promise<string[]>;
  abstract findToFulfil(obligationId: string): Promise<ObligationToFulfil | undefined>;
  /** Marks an open obligation done by hand; false when it was no longer open (a second click). */
  abstract fulfilManually(
    tx: Transaction,
    obligationId: string,
    byPersonId: string,
    note: string,
    at: Date,
  ): Promise<boolean>;
  /** Marks an open obligation done by its form, keeping the answers; false when it was no longer open. */
  abstract fulfilWithForm(tx: Transaction, obligationId: string, report: ObligationReport): Promise<boolean>;
  /** The answers that fulfilled the obligation, if it was fulfilled by its form. */
  abstract reportOf(obligationId: string): Promise<ObligationReport | undefined>;
}
