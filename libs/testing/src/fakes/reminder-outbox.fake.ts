import type { ReminderOutbox, ReminderMailQueue, ReminderOutboxMessage } from '@overlegtafels/application';
import type { Transaction } from '@overlegtafels/application';
import { FakeTable } from './fake-unit-of-work';

/** The outbox in memory: one row per idempotency key, as the database's unique key keeps it. */
export class FakeReminderOutbox implements ReminderOutbox {
  readonly messages = new FakeTable<ReminderOutboxMessage & { id: string }>();
  /** Whether each add came with a transaction handle. */
  readonly handles: (Transaction | undefined)[] = [];

  async add(message: ReminderOutboxMessage, tx?: Transaction): Promise<{ id: string; created: boolean }> {
    this.handles.push(tx);
    const id = `outbox:${message.idempotencyKey}`;
    if (this.messages.get(id)) return { id, created: false };
    this.messages.put({ ...message, id });
    return { id, created: true };
  }
}

/** The mail queue in memory: one job per job id, as BullMQ keeps it. */
export class FakeReminderMailQueue implements ReminderMailQueue {
  readonly jobs = new Map<string, { outboxId: string }>();
  /** Every call, as made. */
  readonly calls: { outboxId: string; idempotencyKey: string }[][] = [];

  async enqueueMany(rows: readonly { outboxId: string; idempotencyKey: string }[]): Promise<void> {
    this.calls.push([...rows]);
    for (const r of rows)
      if (!this.jobs.has(r.idempotencyKey)) this.jobs.set(r.idempotencyKey, { outboxId: r.outboxId });
  }
}
