/** Send one outbox row: the mail job's payload, which carries the row's id and nothing else. */
export interface SendOutboxMailCommand {
  readonly outboxId: string;
}

/** Send a batch of one fan-out's outbox rows: the batch job's payload, the rows' ids only. */
export interface SendOutboxBatchCommand {
  readonly outboxIds: readonly string[];
}
