import type { Transaction } from './unit-of-work.port';

/** Which one-time key one person sent for one kind of write. */
export interface SubmissionRef {
  readonly actorPersonId: string;
  /** The kind of write: `agendering`, `decision`, `action-point`, ... */
  readonly scope: string;
  readonly key: string;
}

/** What an earlier submission with the same key sent (its fingerprint) and made (its result). */
export interface EarlierSubmission {
  readonly fingerprint: string;
  readonly result: unknown;
}

/**
 * The record of submissions made once (issue #15). `claim` locks the key for the rest of the
 * transaction (racing submissions with the same key queue up behind it) and answers the earlier
 * submission, if any; `record` keeps what this one made, in the same transaction as the write.
 */
export abstract class SubmissionLedger {
  abstract claim(tx: Transaction, ref: SubmissionRef): Promise<EarlierSubmission | undefined>;
  abstract record(
    tx: Transaction,
    ref: SubmissionRef,
    made: {
      readonly fingerprint: string;
      readonly resultId?: string;
      readonly result: unknown;
      readonly at: Date;
    },
  ): Promise<void>;
  /** What this person's submission that made `resultId` answered, for the page it redirects to. */
  abstract resultOf(actorPersonId: string, scope: string, resultId: string): Promise<unknown>;
}
