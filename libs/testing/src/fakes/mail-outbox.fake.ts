import type { MailOutbox, OutboxEntry, QueuedMail } from '@overlegtafels/application';
import type { RenderedMail } from '@overlegtafels/mail';
import type { Transaction } from '@overlegtafels/application';
import type { Rollbackable } from './fake-unit-of-work';

export interface FakeOutboxRow {
  readonly id: string;
  readonly entry: OutboxEntry;
  readonly mail: RenderedMail;
  readonly tx: Transaction;
}

/** The outbox in memory: written rows roll back with their transaction; enqueued ids are kept. */
export class FakeMailOutbox implements MailOutbox, Rollbackable {
  private rows: FakeOutboxRow[] = [];
  readonly enqueued: QueuedMail[] = [];
  private ids = 0;

  async write(tx: Transaction, mail: RenderedMail, entry: OutboxEntry): Promise<QueuedMail> {
    const id = `outbox-${++this.ids}`;
    this.rows.push({ id, entry: { ...entry }, mail, tx });
    return { id, key: entry.key };
  }

  async enqueue(mails: readonly QueuedMail[]): Promise<void> {
    this.enqueued.push(...mails);
  }

  written(): FakeOutboxRow[] {
    return [...this.rows];
  }

  snapshot(): unknown {
    return [...this.rows];
  }

  restore(snapshot: unknown): void {
    this.rows = snapshot as FakeOutboxRow[];
  }
}
