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
}

/**
 * Which open obligations a paged list shows: the region's, narrowed by owner (Mijn opvolging), by
 * a part of the dossier code, the dossier's casusregisseur or their organisation, the kind of
 * obligation and the due period.
 */
export interface ObligationPageFilter {
  regionId: string;
  ownedBy?: ObligationListFilter['ownedBy'];
  /** A part of the dossier code. */
  dossierCode?: string;
  casusregisseurId?: string;
  organisationId?: string;
  /** One rule, or every action point (`actiepunt:`: a prefix). */
  ruleKey?: string;
  ruleKeyPrefix?: string;
  /** Rules left out (the optional ones, where only what must happen counts). */
  excludeRuleKeys?: readonly string[];
  dueFrom?: Date;
  dueBefore?: Date;
}

/**
 * Where a page of obligations continues: the last row's sort key. The order is the due moment,
 * then the dossier code, the rule's place in the region's list, the sequence and the id.
 */
export interface ObligationCursor {
  dueAt: Date;
  dossierCode: string;
  ruleRank: number;
  sequence: number;
  id: string;
}

/** One page of open obligations, the number that match in all, and where the next page starts. */
export interface ObligationListPage {
  rows: ObligationListRow[];
  total: number;
  next?: ObligationCursor;
}

/** Overdue obligations counted per casusregisseur (null: owned by the coordinators or nobody). */
export interface OverdueCount {
  casusregisseurId: string | null;
  casusregisseurName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** Owned by the table's coordinators rather than the casusregisseur. */
  coordinators: boolean;
  count: number;
}

/** Minutes of placed agenda items on one stored session. */
export interface PlacedMinutes {
  scheduledStart: Date;
  minutes: number;
}

/** What the follow-up pages read: lists of obligations and how full the sessions are. */
export abstract class ObligationReadModel {
  /** Every match, by due moment, then id: for lists bounded by their filter (a dossier, an owner's feed). */
  abstract list(filter: ObligationListFilter): Promise<ObligationListRow[]>;
  /**
   * A page of the open obligations, `limit` rows after `after` in the cursor's order, with the
   * total of the filter; `ruleOrder` is the region's list of rule keys (a rule's rank). One query.
   */
  abstract page(
    filter: ObligationPageFilter,
    ruleOrder: readonly string[],
    after: ObligationCursor | undefined,
    limit: number,
  ): Promise<ObligationListPage>;
  /** The open obligations due before `filter.dueBefore`, counted per casusregisseur. One query. */
  abstract overdueCounts(filter: ObligationPageFilter): Promise<OverdueCount[]>;
  /** Per stored session of a table whose series slot lies in [from, until). */
  abstract placedMinutes(
    regionId: string,
    tableKey: string,
    from: Date,
    until: Date,
  ): Promise<PlacedMinutes[]>;
}
