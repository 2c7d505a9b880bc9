/** Which dossiers a list may show: those of the region, narrowed to the reader's own when set. */
export interface DossierListScope {
  readonly regionId: string;
  readonly anyOf?: readonly {
    readonly casusregisseurId?: string;
    readonly aanmelderId?: string;
    readonly phase?: 'afgesloten';
  }[];
}

/** A dossier as an overview lists it: code, phase, who directs it, and the dates that matter. */
export interface DossierListEntry {
  readonly id: string;
  readonly code: string;
  readonly phase: string;
  readonly casusregisseurName: string | null;
  /** Who holds the casusregie, and who referred the family: whose dossier it is to agenderen. */
  readonly casusregisseurId: string | null;
  readonly aanmelderId: string | null;
  readonly casusregieStartDate: Date | null;
  readonly afrondingDate: Date | null;
  /** When the dossier was made (its first aanmelding). */
  readonly createdAt: Date;
}

/**
 * Where a page of the list starts: after this dossier. The list runs through the dossiers still
 * running first, then the ended ones, each part newest code first.
 */
export interface DossierListCursor {
  readonly ended: boolean;
  readonly code: string;
}

/** What narrows the list; every field optional, all of them together (AND). */
export interface DossierListFilter {
  /** Part of the dossier code, any case ("2026-00" finds every 2026 code from 0001 to 0099). */
  readonly code?: string;
  readonly phase?: string;
  readonly casusregisseurId?: string;
  /** Dossiers with an agenda item on this table. */
  readonly tableKey?: string;
  /** Made on or after this instant / before this instant (the reader's dates, converted). */
  readonly createdFrom?: Date;
  readonly createdBefore?: Date;
  /** Only the dossiers still running (no ended phase). */
  readonly runningOnly?: boolean;
  /**
   * The region's ended phases (endedPhaseKeys): the list shows them after the running ones, and
   * `runningOnly` leaves them out.
   */
  readonly endedPhases: readonly string[];
}

export interface DossierListQuery extends DossierListFilter {
  readonly after?: DossierListCursor;
  readonly limit: number;
}

/** One page of the list, with how many match in all and where the next page starts. */
export interface DossierListPage {
  readonly rows: readonly DossierListEntry[];
  readonly total: number;
  readonly next?: DossierListCursor;
}

/** The dossiers within a scope, running first and newest first, a page at a time. */
export abstract class DossierList {
  abstract page(scope: DossierListScope, query: DossierListQuery): Promise<DossierListPage>;
  /** Which of these codes name a dossier within the scope (a link to it opens for the reader). */
  abstract within(scope: DossierListScope, codes: readonly string[]): Promise<ReadonlySet<string>>;
}
