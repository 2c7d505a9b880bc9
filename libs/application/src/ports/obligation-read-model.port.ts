import type { ObligationRecord, ObligationStatus } from './obligation.repository.port';

/** An obligation for the pages: with its dossier's code and casusregisseur, ids and names only. */
export interface ObligationListRow extends Omit<ObligationRecord, 'fulfilledByAgendaItemId'> {
  dossierId: string;
  dossierCode: string;
  cancelledAt: Date | null;
  casusregisseurId: string | null;
  casusregisseurName: string | null;
  organisationId: string | null;
  organisationName: string | null;
}

/** Which obligations a page lists: by region, status, due window, owner or dossier. */
export interface ObligationListFilter {
  regionId: string;
  status?: ObligationStatus;
  dueBefore?: Date;
  dueFrom?: Date;
  /** Owned by the person, as coordinator of one of the tables, or (strategicCoordinator) by the region's strategic coordinators. */
  ownedBy?: { personId: string; coordinatorTables: readonly string[]; strategicCoordinator?: boolean };
  dossierId?: string;
  obligationId?: string;
  limit?: number;
}

/** Minutes of placed agenda items on one stored session. */
export interface PlacedMinutes {
  scheduledStart: Date;
  minutes: number;
}

/** What the follow-up pages read: lists of obligations and how full the sessions are. */
export abstract class ObligationReadModel {
  /** By due moment, then id; at most `limit` (1000 by default). */
  abstract list(filter: ObligationListFilter): Promise<ObligationListRow[]>;
  /** Per stored session of a table whose series slot lies in [from, until). */
  abstract placedMinutes(
    regionId: string,
    tableKey: string,
    from: Date,
    until: Date,
  ): Promise<PlacedMinutes[]>;
}
