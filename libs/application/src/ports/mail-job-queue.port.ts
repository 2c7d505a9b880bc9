/** One job per outbox row to send; the queue carries the row's id, nothing of the mail itself. */
export interface MailJob {
  readonly outboxId: string;
  /** The row's idempotency key: enqueuing the same row twice adds one job. */
  readonly idempotencyKey: string;
}

/** The mail queue the worker sends from. */
export abstract class MailJobQueue {
  abstract enqueueSend(outboxId: string, idempotencyKey: string, delayMs?: number): Promise<void>;
  abstract enqueueMany(jobs: readonly MailJob[], delayMs?: number): Promise<void>;
  /**
   * Enqueues each row again whose job is gone or finished (completed or failed, e.g. while the
   * database was down and the row could not be marked); a job still waiting, delayed or running is
   * left alone. Returns the rows that got a new job.
   */
  abstract requeueUnfinished(jobs: readonly MailJob[]): Promise<MailJob[]>;
}
