/** The region's row id by its key (regions never change while the application runs). */
export abstract class RegionRepository {
  /** Throws when the region is not in the database (a setup error, not a user's). */
  abstract idOf(regionKey: string): Promise<string>;
}
