/** Send a failed mail again. The id is checked to be a UUID at the edge. */
export interface RetryFailedMailCommand {
  readonly outboxId: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat queues nothing. */
  readonly submissionKey?: string;
}
