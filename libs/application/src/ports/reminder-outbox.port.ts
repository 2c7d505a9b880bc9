import type { NewOutboxMessage } from '@overlegtafels/persistence';
import type { Transaction } from './unit-of-work.port';

/** One mail to one recipient as the outbox stores it until it is sent. */
export type ReminderOutboxMessage = NewOutboxMessage;

/** Mails written in the transaction of what caused them; sent after it commits. */
export abstract class ReminderOutbox {
  /** `created` false: a row with the key was there already (the mail was asked for before). */
  abstract add(message: ReminderOutboxMessage, tx?: Transaction): Promise<{ id: string; created: boolean }>;
}

/** The mail queue: one send job per outbox row, the job id the row's idempotency key. */
export abstract class ReminderMailQueue {
  abstract enqueueMany(
    rows: readonly { outboxId: string; idempotencyKey: string }[],
    delayMs?: number,
  ): Promise<void>;
}
