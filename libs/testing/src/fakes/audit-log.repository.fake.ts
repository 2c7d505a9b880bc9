import type { AuditEvent, AuditLog } from '@overlegtafels/application';
import type { Transaction } from '@overlegtafels/persistence';

/** The audit log in memory: what was appended, when, and whether inside a transaction. */
export class FakeAuditLog implements AuditLog {
  readonly events: (AuditEvent & { at: Date; tx: Transaction | undefined })[] = [];

  async append(event: AuditEvent, at: Date, tx?: Transaction): Promise<void> {
    this.events.push({ ...structuredClone(event), at: new Date(at), tx });
  }

  /** The events of one action, without the bookkeeping fields. */
  of(action: string): AuditEvent[] {
    return this.events.filter((e) => e.action === action).map(({ at: _at, tx: _tx, ...event }) => event);
  }
}
