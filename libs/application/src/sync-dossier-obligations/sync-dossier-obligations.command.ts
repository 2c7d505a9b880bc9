/** Re-plan the follow-up obligations of one dossier, inside the transaction that changed it. */
export interface SyncDossierObligationsCommand {
  readonly dossierId: string;
  /** What the obligations this re-plan cancels say; unset: CANCEL_REASON. */
  readonly cancelReason?: string;
}

/** Re-plan every dossier whose open obligations hang on a session of the table (its calendar changed). */
export interface SyncTableObligationsCommand {
  readonly tableKey: string;
}

/** What one re-plan changed, per kind of change; all zero when the stored obligations were up to date. */
export interface ObligationSyncResult {
  created: number;
  updatedDue: number;
  fulfilled: number;
  reopened: number;
  cancelled: number;
  /** The obligations it cancelled, by id (e.g. the earlier life's open ones at a heropening). */
  cancelledIds: string[];
}

/** A re-plan that changed nothing (the start of every re-plan's count). */
export function nothingSynced(): ObligationSyncResult {
  return { created: 0, updatedDue: 0, fulfilled: 0, reopened: 0, cancelled: 0, cancelledIds: [] };
}

export function changedAnything(r: ObligationSyncResult): boolean {
  return r.created + r.updatedDue + r.fulfilled + r.reopened + r.cancelled > 0;
}
