import type { Transaction } from './unit-of-work.port';

/** The region's row id by its key (regions never change while the application runs). */
export abstract class RegionRepository {
  /**
   * Throws when the region is not in the database (a setup error, not a user's). Asked inside a
   * transaction, pass it: the first look-up then reads on the transaction's connection, not on a
   * second one that racing requests (each holding one while they wait for a lock) may have taken.
   */
  abstract idOf(regionKey: string, tx?: Transaction): Promise<string>;
}
