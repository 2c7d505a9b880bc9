/** One row of the audit log as the audit page shows it: who, when, what, on which dossier. */
export interface AuditTrailRow {
  readonly id: string;
  readonly at: Date;
  readonly actorPersonId: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly dossierCode: string | null;
  readonly route: string | null;
  readonly outcome: 'allowed' | 'denied';
  readonly details: Record<string, unknown>;
}

/** What narrows the audit page; all optional, together (AND). Rows of the region only, always. */
export interface AuditTrailFilter {
  readonly regionId: string;
  /** The rows about this dossier: by its id, or naming its code (refusals, destroyed dossiers). */
  readonly dossier?: { readonly code: string; readonly id: string | null };
  readonly actorPersonId?: string;
  /** An action, or the start of one (`dossier.` for every dossier action). */
  readonly action?: string;
  readonly outcome?: 'allowed' | 'denied';
  readonly from?: Date;
  readonly before?: Date;
}

/** The read side of the audit log, for the people who watch over it. */
export abstract class AuditTrail {
  /** Newest first, after `afterId` when given, at most `limit`. */
  abstract page(filter: AuditTrailFilter, limit: number, afterId?: string): Promise<AuditTrailRow[]>;
  /** How many rows match, counted up to `cap` (a log of millions is not counted to the end). */
  abstract count(filter: AuditTrailFilter, cap: number): Promise<number>;
  /** The dossier of the region with this code, also when it is gone: its id or null. */
  abstract dossierIdOf(regionId: string, code: string): Promise<string | null>;
}
