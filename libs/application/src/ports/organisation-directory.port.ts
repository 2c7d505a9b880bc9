/** The organisations an aanmelder can file for (the region's list). */
export abstract class OrganisationDirectory {
  abstract find(id: string): Promise<{ id: string; regionId: string; active: boolean } | undefined>;
}
