/** A casusregisseur of the region and how many dossiers in casusregie they carry. */
export interface CasusregisseurLoad {
  readonly personId: string;
  readonly displayName: string;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly organisationKind: string | null;
  /** Dossiers in casusregie that this person directs. */
  readonly activeDossiers: number;
}

/** The organisations an aanmelder can file for (the region's list), and the casusregie capacity. */
export abstract class OrganisationDirectory {
  /** The region's active organisations, by name. */
  abstract list(regionId: string): Promise<{ id: string; name: string; kind: string }[]>;
  abstract find(id: string): Promise<{ id: string; regionId: string; active: boolean } | undefined>;
  /**
   * Every active casusregisseur of the region with their load, by organisation, load and name:
   * what the ICO looks at when it appoints one ("instroom volgens capaciteit").
   */
  /** `casusregiePhases`: the region's phases of kind casusregie (casusregiePhaseKeys), which the load counts. */
  abstract casusregieCapacity(
    regionId: string,
    casusregiePhases: readonly string[],
  ): Promise<CasusregisseurLoad[]>;
}
