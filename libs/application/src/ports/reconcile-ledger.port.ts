/** The last completed re-plan of a region: the rules version it ran under, and from when. */
export interface LastReconcile {
  readonly rulesVersion: string;
  /** The start of that run by the database's clock: what changed from then on is the next run's. */
  readonly reconciledFrom: Date;
}

/**
 * What the nightly re-plan remembers between runs, so that a run re-plans only the dossiers that
 * changed since the last one (or every dossier when the region's rules changed).
 */
export abstract class ReconcileLedger {
  /** The region's last completed run, and the database's clock now (this run's start). */
  abstract begin(regionId: string): Promise<{ last?: LastReconcile; startedAt: Date }>;
  /**
   * Dossiers that have (or should have) obligations and changed since `since`: the dossier row,
   * its agenda items or decisions, or a calendar change (cancelled or moved session,
   * capacity, closed period) of the region while it has an obligation hanging on a session. By id,
   * `limit` after `afterId`.
   */
  abstract changedDossiers(
    regionId: string,
    since: Date,
    afterId: string | null,
    limit: number,
  ): Promise<string[]>;
  /** Records a completed run. */
  abstract finish(regionId: string, run: LastReconcile & { dossiers: number }): Promise<void>;
}
