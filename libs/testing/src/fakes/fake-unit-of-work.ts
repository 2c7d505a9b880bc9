import type { UnitOfWork } from '@overlegtafels/application/testing';
import type { Transaction } from '@overlegtafels/application/testing';

/** An in-memory store that a fake unit of work can roll back. */
export interface Rollbackable {
  snapshot(): unknown;
  restore(snapshot: unknown): void;
}

/**
 * The unit of work of the use-case unit tests: runs the work, and when it throws puts every
 * enlisted fake back as it was, as a rolled-back transaction would. It counts what committed and
 * what rolled back, and nests like Prisma's (an inner run joins the outer one).
 */
export class FakeUnitOfWork implements UnitOfWork {
  commits = 0;
  rollbacks = 0;
  private depth = 0;
  private readonly stores: Rollbackable[] = [];
  /** The one handle the fakes see; it carries nothing. */
  readonly tx = Object.freeze({ fake: 'transaction' }) as unknown as Transaction;

  constructor(...stores: Rollbackable[]) {
    this.stores.push(...stores);
  }

  enlist(...stores: Rollbackable[]): this {
    this.stores.push(...stores);
    return this;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    if (this.depth > 0) return work(this.tx);
    const snapshots = this.stores.map((s) => s.snapshot());
    this.depth++;
    try {
      const result = await work(this.tx);
      this.commits++;
      return result;
    } catch (error) {
      this.stores.forEach((s, i) => s.restore(snapshots[i]));
      this.rollbacks++;
      throw error;
    } finally {
      this.depth--;
    }
  }
}

/** A map-backed table for fakes: rows by id, deep-copied in and out so tests see real copies. */
export class FakeTable<T extends { id: string }> implements Rollbackable {
  private rows = new Map<string, T>();

  constructor(rows: readonly T[] = []) {
    for (const row of rows) this.rows.set(row.id, structuredClone(row));
  }

  get(id: string): T | undefined {
    const row = this.rows.get(id);
    return row && structuredClone(row);
  }

  put(row: T): T {
    this.rows.set(row.id, structuredClone(row));
    return row;
  }

  update(id: string, change: Partial<T>): T {
    const row = this.rows.get(id);
    if (!row) throw new Error(`fake: no row ${id}`);
    const next = { ...row, ...structuredClone(change) };
    this.rows.set(id, next);
    return structuredClone(next);
  }

  all(): T[] {
    return [...this.rows.values()].map((r) => structuredClone(r));
  }

  where(match: (row: T) => boolean): T[] {
    return this.all().filter(match);
  }

  snapshot(): unknown {
    return new Map([...this.rows].map(([id, row]) => [id, structuredClone(row)]));
  }

  restore(snapshot: unknown): void {
    this.rows = snapshot as Map<string, T>;
  }
}
