/** Re-plan every dossier of the installation's region that has or should have obligations. */
export interface ReconcileObligationsCommand {
  /** Dossier ids read per round trip. */
  readonly batchSize?: number;
}

export interface ReconcileObligationsResult {
  readonly dossiers: number;
  /** Dossiers whose stored obligations were not what the plan says. */
  readonly changed: number;
}
