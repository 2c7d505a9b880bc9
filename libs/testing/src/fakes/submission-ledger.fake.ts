import type {
  EarlierSubmission,
  SubmissionLedger,
  SubmissionRef,
  Transaction,
} from '@overlegtafels/application/testing';
import type { Rollbackable } from './fake-unit-of-work';

interface Row {
  readonly ref: SubmissionRef;
  readonly fingerprint: string;
  readonly resultId?: string;
  readonly result: unknown;
}

/** The submission ledger of the unit tests: rows by actor, scope and key, rolled back with the work. */
export class FakeSubmissionLedger implements SubmissionLedger, Rollbackable {
  rows: Row[] = [];

  snapshot(): unknown {
    return structuredClone(this.rows);
  }

  restore(snapshot: unknown): void {
    this.rows = snapshot as Row[];
  }

  async claim(_tx: Transaction, ref: SubmissionRef): Promise<EarlierSubmission | undefined> {
    const row = this.find(ref);
    return row ? { fingerprint: row.fingerprint, result: structuredClone(row.result) } : undefined;
  }

  async record(
    _tx: Transaction,
    ref: SubmissionRef,
    made: { readonly fingerprint: string; readonly resultId?: string; readonly result: unknown },
  ): Promise<void> {
    if (this.find(ref)) throw new Error('unique violation: form_submissions (actor, scope, key)');
    // Stored as JSON, as the database does.
    this.rows.push({
      ref,
      fingerprint: made.fingerprint,
      ...(made.resultId !== undefined && { resultId: made.resultId }),
      result: JSON.parse(JSON.stringify(made.result ?? null)),
    });
  }

  async resultOf(actorPersonId: string, scope: string, resultId: string): Promise<unknown> {
    return this.rows.find(
      (r) => r.ref.actorPersonId === actorPersonId && r.ref.scope === scope && r.resultId === resultId,
    )?.result;
  }

  private find(ref: SubmissionRef): Row | undefined {
    return this.rows.find(
      (r) => r.ref.actorPersonId === ref.actorPersonId && r.ref.scope === ref.scope && r.ref.key === ref.key,
    );
  }
}
