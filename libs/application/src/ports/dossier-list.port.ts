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
}

/** The dossiers within a scope, by code. */
export abstract class DossierList {
  abstract list(scope: DossierListScope, limit?: number): Promise<DossierListEntry[]>;
}
