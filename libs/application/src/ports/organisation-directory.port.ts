/** The organisations an aanmelder can file for (the region's list). */
export abstract class OrganisationDirectory {
  /** The region's active organisations, by name. */
  abstract list(regionId: string): Promise<{ id: string; name: string; kind: string }[]>;
  abstract find(id: string): Promise<{ id: string; regionId: string; active: boolean } | undefined>;
}
