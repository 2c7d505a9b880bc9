import { AuditLog } from '@overlegtafels/application/testing';
import type { AuditEntry } from '@overlegtafels/application/testing';
import type { Transaction } from '@overlegtafels/application/testing';
import type { Rollbackable } from './fake-unit-of-work';

export interface FakeAuditRecord extends AuditEntry {
  readonly at: Date;
  readonly tx: Transaction | undefined;
}

/**
 * The in-memory audit log: an entry written with a transaction rolls back with it, one written
 * without stays (as a refusal's event does in the database).
 */
export class FakeAuditLog extends AuditLog implements Rollbackable {
  private entries: FakeAuditRecord[] = [];

  async append(entry: AuditEntry, at: Date, tx?: Transaction): Promise<void> {
    this.entries.push({ ...structuredClone(entry), at, tx });
  }

  all(): FakeAuditRecord[] {
    return [...this.entries];
  }

  /** The entries of one action, without the time and the handle (for toEqual). */
  of(action: string): AuditEntry[] {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- compared separately
    return this.entries.filter((e) => e.action === action).map(({ at, tx, ...entry }) => entry);
  }

  snapshot(): unknown {
    return this.entries.length;
  }

  restore(snapshot: unknown): void {
    const before = this.entries.slice(0, snapshot as number);
    this.entries = [...before, ...this.entries.slice(snapshot as number).filter((e) => e.tx === undefined)];
  }
}
