import type { Transaction } from '@overlegtafels/persistence';

/** One entry of the audit log: who did what to which record, through which route, and whether it was allowed. */
export interface AuditEvent {
  readonly actorPersonId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly dossierId?: string | null;
  /** `METHOD /path/:param` of the route: a template, never the values in it. */
  readonly route?: string | null;
  readonly outcome: 'allowed' | 'denied';
  /** Ids, codes and counts only; never names or case content. */
  readonly details?: Record<string, string | number | boolean | null>;
}

/**
 * The append-only audit log (art. 458ter: every read or change of dossier data leaves a trace).
 * With `tx`, the event commits (or not) with the change it records.
 */
export abstract class AuditLog {
  abstract append(event: AuditEvent, at: Date, tx?: Transaction): Promise<void>;
}
