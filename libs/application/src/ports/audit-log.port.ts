import type { Transaction } from './unit-of-work.port';

export interface AuditEntry {
  readonly actorPersonId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly dossierId?: string | null;
  readonly route?: string | null;
  readonly outcome: 'allowed' | 'denied';
  /** Ids and codes only; never names or case content. */
  readonly details?: Record<string, string | number | boolean | null>;
}

/**
 * The append-only audit log. With `tx` the entry commits (or not) with the change it records;
 * without, it stays even when the work that follows fails (a refusal is kept).
 */
export abstract class AuditLog {
  abstract append(entry: AuditEntry, at: Date, tx?: Transaction): Promise<void>;
  /**
   * Several entries at once, in this order: a page showing many items. An adapter writes them in
   * one statement; this default writes them one by one.
   */
  async appendMany(entries: readonly AuditEntry[], at: Date, tx?: Transaction): Promise<void> {
    for (const entry of entries) await this.append(entry, at, tx);
  }
}

/**
 * Which dossiers a list showed, for its audit row (issue #17): their codes, once each, in the order
 * shown, comma-separated. Codes only, never names.
 */
export function dossierCodesShown(codes: readonly string[]): string {
  return [...new Set(codes)].join(',');
}
