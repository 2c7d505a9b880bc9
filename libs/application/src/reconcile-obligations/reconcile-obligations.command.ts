/** Re-plan the dossiers of the installation's region that changed, or all when the rules did. */
export interface ReconcileObligationsCommand {
  /** Dossier ids read per round trip. */
  readonly batchSize?: number;
}

export interface ReconcileObligationsResult {
  /** Dossiers re-planned. */
  readonly dossiers: number;
  /** Dossiers whose stored obligations were not what the plan says. */
  readonly changed: number;
  /** Every dossier (first run, or the region's follow-up rules changed) or only the changed ones. */
  readonly full: boolean;
}
