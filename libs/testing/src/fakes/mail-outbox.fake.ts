import {
  outboxMailOf,
  type ClaimHolder,
  type FailedOutboxEntry,
  type KeysetPage,
  type MailOutbox,
  type PageRequest,
  pageOfSorted,
  type OutboxBody,
  type OutboxEntry,
  type OutboxMail,
  type OutboxRecord,
  type OutboxStatus,
  type PendingMail,
  type QueuedMail,
  type Transaction,
} from '@overlegtafels/application/testing';
import type { RenderedMail } from '@overlegtafels/mail';
import { FakeTable, type Rollbackable } from './fake-unit-of-work';

/** An outbox row as the fake keeps it: the entry, its stored message and when it last changed. */
export interface FakeOutboxRecord extends OutboxRecord {
  readonly message: OutboxMail;
  readonly updatedAt: Date;
  readonly tx: boolean;
}

/** The real outbox's rule: a row being sent is the holder's, nobody's, or its lease is over. */
function freeToTake(row: FakeOutboxRecord, holder: ClaimHolder, claimedBy?: string | null): boolean {
  return !claimedBy || claimedBy === holder.jobId || row.updatedAt < holder.heldAfter;
}

/** A mail `write` stored: the entry and the rendered mail as given, and the transaction. */
export interface FakeOutboxRow {
  readonly id: string;
  readonly entry: OutboxEntry;
  readonly mail: RenderedMail;
  readonly tx: Transaction;
}

/**
 * The outbox in memory, with the rules of the real one: one row per idempotency key, bodies
 * shared by equal text and HTML, a row claimed only while it is not sent, a retry only of a
 * failed row. What `write` was given is kept apart as well (`written`), and rolls back with its
 * transaction; the rows and bodies are tables to enlist in a FakeUnitOfWork.
 */
export class FakeMailOutbox implements MailOutbox, Rollbackable {
  readonly rows = new FakeTable<FakeOutboxRecord>();
  readonly bodies = new FakeTable<OutboxBody>();
  /** What was handed to the mail queue, in order. */
  readonly enqueued: QueuedMail[] = [];
  /** Every add's transaction handle, in order. */
  readonly handles: (Transaction | undefined)[] = [];
  private writes: FakeOutboxRow[] = [];
  private next = 1;

  async write(tx: Transaction, mail: RenderedMail, entry: OutboxEntry): Promise<QueuedMail> {
    const messageId = `<fake-${this.next}@overlegtafels.example.be>`;
    const { id } = await this.add(outboxMailOf(entry, mail, messageId), tx);
    this.writes.push({ id, entry: { ...entry }, mail, tx });
    return { id, key: entry.key };
  }

  async enqueue(mails: readonly QueuedMail[]): Promise<void> {
    this.enqueued.push(...mails);
  }

  /** The mails `write` stored (and that did not roll back), in order. */
  written(): FakeOutboxRow[] {
    return [...this.writes];
  }

  /** The stored messages with their row ids, in order. */
  messages(): (OutboxMail & { readonly id: string })[] {
    return this.rows.all().map((r) => ({ ...r.message, id: r.id }));
  }

  snapshot(): unknown {
    return [this.writes.length, this.rows.snapshot(), this.bodies.snapshot()];
  }

  restore(snapshot: unknown): void {
    const [writes, rows, bodies] = snapshot as [number, unknown, unknown];
    this.writes = this.writes.slice(0, writes);
    this.rows.restore(rows);
    this.bodies.restore(bodies);
  }

  async add(message: OutboxMail, tx?: Transaction): Promise<{ id: string; created: boolean }> {
    this.handles.push(tx);
    const existing = this.rows.where((r) => r.idempotencyKey === message.idempotencyKey)[0];
    if (existing) return { id: existing.id, created: false };
    const htmlBody = message.htmlBody ?? null;
    const body =
      this.bodies.where((b) => b.textBody === message.textBody && b.htmlBody === htmlBody)[0] ??
      this.bodies.put({ id: `body-${this.next}`, textBody: message.textBody, htmlBody });
    const id = `outbox-${this.next++}`;
    this.rows.put({
      id,
      idempotencyKey: message.idempotencyKey,
      purpose: message.purpose,
      templateKey: message.templateKey,
      recipientEmail: message.recipientEmail,
      recipientPersonId: message.recipientPersonId ?? null,
      sessionId: message.sessionId ?? null,
      dossierId: message.dossierId ?? null,
      messageId: message.messageId,
      fromAddress: message.fromAddress,
      subject: message.subject,
      bodyId: body.id,
      icsMethod: message.icsMethod ?? null,
      icsContent: message.icsContent ?? null,
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
      message,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      tx: tx !== undefined,
    });
    return { id, created: true };
  }

  /** Adds a row and puts it in a given state, as a test's starting point. */
  async seed(
    message: OutboxMail,
    state: {
      status: OutboxStatus;
      attempts?: number;
      lastError?: string;
      createdAt?: Date;
      updatedAt?: Date;
    },
  ): Promise<string> {
    const { id } = await this.add(message);
    this.rows.update(id, {
      status: state.status,
      attempts: state.attempts ?? 0,
      lastError: state.lastError ?? null,
      createdAt: state.createdAt ?? new Date(0),
      updatedAt: state.updatedAt ?? new Date(0),
    });
    return id;
  }

  async find(id: string): Promise<OutboxRecord | undefined> {
    return this.rows.get(id);
  }

  async byMessageIds(messageIds: readonly string[]): Promise<OutboxRecord[]> {
    return this.rows.where((r) => messageIds.includes(r.messageId));
  }

  async claim(id: string, now: Date, holder?: ClaimHolder): Promise<OutboxRecord | undefined> {
    const row = this.rows.get(id);
    if (!row || row.status === 'sent') return undefined;
    if (
      row.status === 'sending' &&
      !freeToTake(row, holder ?? { jobId: '', heldAfter: now }, this.claimedBy.get(id))
    )
      return undefined;
    return this.take(row, now, holder?.jobId ?? null);
  }

  async claimMany(ids: readonly string[], now: Date, holder: ClaimHolder): Promise<OutboxRecord[]> {
    return ids.flatMap((id) => {
      const row = this.rows.get(id);
      if (!row) return [];
      if (
        row.status === 'pending' ||
        (row.status === 'sending' && freeToTake(row, holder, this.claimedBy.get(id)))
      )
        return [this.take(row, now, holder.jobId)];
      return [];
    });
  }

  /** Which job holds each row being sent (null: none said). */
  readonly claimedBy = new Map<string, string | null>();

  private take(row: FakeOutboxRecord, now: Date, jobId: string | null): FakeOutboxRecord {
    this.claimedBy.set(row.id, jobId);
    return this.rows.update(row.id, { status: 'sending', attempts: row.attempts + 1, updatedAt: now });
  }

  async body(bodyId: string): Promise<OutboxBody | undefined> {
    return this.bodies.get(bodyId);
  }

  async exists(id: string): Promise<boolean> {
    return this.rows.get(id) !== undefined;
  }

  async markSent(id: string, now: Date): Promise<void> {
    this.rows.update(id, { status: 'sent', sentAt: now, lastError: null, updatedAt: now });
  }

  async markAttemptFailed(id: string, error: string, now: Date, final: boolean): Promise<void> {
    this.rows.update(id, {
      status: final ? 'failed' : 'pending',
      lastError: error.slice(0, 1000),
      updatedAt: now,
    });
  }

  async failed(page: PageRequest): Promise<KeysetPage<FailedOutboxEntry>> {
    const rows = this.rows
      .where((r) => r.status === 'failed')
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((r) => ({
        id: r.id,
        idempotencyKey: r.idempotencyKey,
        purpose: r.purpose,
        recipientEmail: r.recipientEmail,
        subject: r.subject,
        attempts: r.attempts,
        lastError: r.lastError,
        updatedAt: r.updatedAt,
      }));
    return pageOfSorted(rows, (r) => ({ at: r.updatedAt, id: r.id }), page);
  }

  async sendingSince(before: Date, limit = 500): Promise<PendingMail[]> {
    return this.rows
      .where((r) => r.status === 'sending' && r.updatedAt < before)
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
      .slice(0, limit)
      .map((r) => ({ id: r.id, idempotencyKey: r.idempotencyKey }));
  }

  async pendingOlderThan(before: Date, limit = 500): Promise<PendingMail[]> {
    return this.rows
      .where((r) => r.status === 'pending' && r.createdAt < before)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, limit)
      .map((r) => ({ id: r.id, idempotencyKey: r.idempotencyKey }));
  }

  async resetForRetry(id: string, now: Date): Promise<boolean> {
    if (this.rows.get(id)?.status !== 'failed') return false;
    this.rows.update(id, { status: 'pending', updatedAt: now });
    return true;
  }
}

/** A plain message for outbox specs: what is in it matters less than its key. */
export function anOutboxMessage(key: string, change: Partial<OutboxMail> = {}): OutboxMail {
  return {
    idempotencyKey: key,
    purpose: 'agenda',
    templateKey: 'agenda',
    recipientEmail: 'lid@example.be',
    messageId: `<${key.replace(/[^\w.-]/g, '-')}@overlegtafels.example.be>`,
    fromAddress: 'overlegtafels@example.be',
    subject: 'Agenda',
    textBody: 'Tekst',
    ...change,
  };
}
