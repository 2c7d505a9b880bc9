/** Send a failed mail again. The id is checked to be a UUID at the edge. */
export interface RetryFailedMailCommand {
  readonly outboxId: string;
}
