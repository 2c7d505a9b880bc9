/** Where one outbox message stands. The id is checked to be a UUID at the edge. */
export interface ReadOutboxStatusCommand {
  readonly outboxId: string;
}

/** What an operator sees of a message: its state, never its recipient or content. */
export interface OutboxMessageStatus {
  readonly id: string;
  readonly purpose: string;
  readonly status: 'pending' | 'sending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly sentAt: Date | null;
}
