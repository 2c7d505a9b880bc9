import type { Transaction } from './unit-of-work.port';

/** What a region's row holds besides its key: written from the region's configuration at start. */
export interface RegionRow {
  readonly key: string;
  readonly name: string;
  readonly timeZone: string;
  readonly mailFromName: string;
  readonly mailFromAddress: string;
}

/** The region's row id by its key, and back (regions never change while the application runs). */
export abstract class RegionRepository {
  /**
   * Throws when the region is not in the database (a setup error, not a user's). Asked inside a
   * transaction, pass it: the first look-up then reads on the transaction's connection, not on a
   * second one that racing requests (each holding one while they wait for a lock) may have taken.
   */
  abstract idOf(regionKey: string, tx?: Transaction): Promise<string>;
  /** The key of the region with this row id; undefined for an id that names no region. */
  abstract keyOf(regionId: string): Promise<string | undefined>;
  /**
   * Makes sure every region of the installation has its row (an installation that adds a region to
   * REGIONS gets it at the next start); a row already there keeps what it holds.
   */
  abstract ensure(rows: readonly RegionRow[]): Promise<void>;
}
