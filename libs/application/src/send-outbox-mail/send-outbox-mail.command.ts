/** Send one outbox row: the mail job's payload, which carries the row's id and nothing else. */
export interface SendOutboxMailCommand {
  readonly outboxId: string;
}
