/**
 * The rows the obligation repositories hand out and take in: plain values, no Prisma type. The
 * application's ports declare the same shapes; runtime's bindPort checks that they match.
 */
export type ObligationStatusValue = 'open' | 'fulfilled' | 'cancelled';
export type ObligationOwnerRoleValue = 'casusregisseur' | 'coordinator' | 'strategisch-coordinator';

export interface ObligationDossierRow {
  id: string;
  code: string;
  regionId: string;
  casusregisseurId: string | null;
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
}

export interface ObligationDecisionRow {
  id: string;
  kind: string;
  decidedAt: Date;
  tableKey: string;
  terugkomdatum: Date | null;
  /** met_casusregie: what the ICO planned at once (DATE columns, UTC midnight). */
  vervolgoverlegDate: Date | null;
  bijkomendCasusoverlegDate: Date | null;
}

export interface ObligationAgendaItemRow {
  id: string;
  tableKey: string;
  itemType: string;
  submittedAt: Date;
  status: string;
  sessionScheduledStart: Date;
}

export interface StoredObligationRow {
  id: string;
  ruleKey: string;
  sequence: number;
  ownerId: string | null;
  ownerRole: string;
  tableKey: string | null;
  itemType: string | null;
  dueAt: Date;
  status: ObligationStatusValue;
  fulfilledAt: Date | null;
  fulfilmentKind: string | null;
  fulfilmentNote: string | null;
  fulfilledByAgendaItemId: string | null;
  sessionKey: string | null;
}

export interface PlacementRow {
  ownerId: string | null;
  ownerRole: ObligationOwnerRoleValue;
  tableKey: string | null;
  itemType: string | null;
  sessionKey: string | null;
}

export interface FulfilmentRow {
  at: Date;
  kind: string;
  agendaItemId: string | null;
}

export interface NewStepRow {
  stepKey: string;
  sendAt: Date;
}

export interface NewObligationRow {
  dossierId: string;
  ruleKey: string;
  sequence: number;
  placement: PlacementRow;
  dueAt: Date;
  status: 'open' | 'fulfilled';
  fulfilment: FulfilmentRow | null;
}

export interface ObligationToFulfilRow {
  id: string;
  dossierId: string;
  regionId: string;
  casusregisseurId: string | null;
  ruleKey: string;
  status: ObligationStatusValue;
  tableKey: string | null;
}

export interface DueStepRow {
  obligationId: string;
  stepKey: string;
  ruleKey: string;
  dueAt: Date;
}

export interface LockedObligationRow {
  id: string;
  dossierId: string;
  dossierCode: string;
  regionId: string;
  ruleKey: string;
  sequence: number;
  dueAt: Date;
  ownerId: string | null;
  tableKey: string | null;
  itemType: string | null;
}

export interface StepRow {
  stepKey: string;
  sendAt: Date;
  enqueuedAt: Date | null;
  superseded: boolean;
}

export interface MailRecipientRow {
  personId: string;
  email: string;
  displayName: string;
}

export interface ObligationListRow {
  id: string;
  dossierId: string;
  dossierCode: string;
  ruleKey: string;
  sequence: number;
  ownerId: string | null;
  ownerRole: string;
  tableKey: string | null;
  itemType: string | null;
  dueAt: Date;
  status: ObligationStatusValue;
  sessionKey: string | null;
  fulfilledAt: Date | null;
  fulfilmentKind: string | null;
  fulfilmentNote: string | null;
  cancelledAt: Date | null;
  casusregisseurId: string | null;
  casusregisseurName: string | null;
  organisationId: string | null;
  organisationName: string | null;
}

export interface ObligationListFilterRow {
  regionId: string;
  status?: ObligationStatusValue;
  dueBefore?: Date;
  dueFrom?: Date;
  /** Owned by the person, as coordinator of one of the tables, or (strategicCoordinator) by the region's strategic coordinators. */
  ownedBy?: { personId: string; coordinatorTables: readonly string[]; strategicCoordinator?: boolean };
  dossierId?: string;
  obligationId?: string;
  limit?: number;
}
