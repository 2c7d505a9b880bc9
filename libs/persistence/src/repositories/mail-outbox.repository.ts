import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  MailJobQueue,
  outboxMailOf,
  type ClaimHolder,
  type FailedOutboxEntry,
  type KeysetPage,
  type MailOutbox,
  type PageRequest,
  type OutboxBody,
  type OutboxEntry,
  type OutboxMail,
  type OutboxRecord,
  type OutboxStatus,
  type PendingMail,
  type QueuedMail,
} from '@overlegtafels/application';
import { MAIL_IDENTITY, messageIdFor, type MailIdentity, type RenderedMail } from '@overlegtafels/mail';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';
import { keysetPage } from './keyset-query';
import { insertOutboxRows, storeBodies } from './outbox-rows';

interface ClaimedRow {
  id: string;
  idempotency_key: string;
  purpose: string;
  template_key: string;
  recipient_email: string;
  recipient_person_id: string | null;
  session_id: string | null;
  agenda_item_id: string | null;
  dossier_id: string | null;
  sequence: number;
  payload: Record<string, string | number | null>;
  message_id: string;
  from_address: string;
  subject: string;
  body_id: string;
  ics_method: string | null;
  ics_content: string | null;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const CLAIMED_COLUMNS = `id, idempotency_key, purpose, template_key, recipient_email, recipient_person_id,
              session_id, agenda_item_id, dossier_id, sequence, payload, message_id, from_address,
              subject, body_id, ics_method, ics_content, status, attempts, last_error, created_at,
              sent_at`;

/**
 * A row being sent may be taken by the job that holds it ($3), when nobody holds it, or when its
 * claim is older than the sending lease ($4): its sender died.
 */
const FREE_TO_TAKE = `(claimed_by IS NULL OR claimed_by = $3 OR updated_at < $4)`;

function recordOf(r: ClaimedRow): OutboxRecord {
  return {
    id: r.id,
    idempotencyKey: r.idempotency_key,
    purpose: r.purpose,
    templateKey: r.template_key,
    recipientEmail: r.recipient_email,
    recipientPersonId: r.recipient_person_id,
    sessionId: r.session_id,
    agendaItemId: r.agenda_item_id,
    dossierId: r.dossier_id,
    sequence: r.sequence,
    payload: r.payload,
    messageId: r.message_id,
    fromAddress: r.from_address,
    subject: r.subject,
    bodyId: r.body_id,
    icsMethod: r.ics_method,
    icsContent: r.ics_content,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/**
 * The outbox on PostgreSQL (the application's MailOutbox). Every mail is first a row, written in
 * the same transaction as the change that caused it; the mail queue only carries the row's id.
 */
const FAILED_SELECT = {
  id: true,
  idempotencyKey: true,
  purpose: true,
  recipientEmail: true,
  subject: true,
  attempts: true,
  lastError: true,
  updatedAt: true,
} as const;

@Injectable()
export class PrismaMailOutbox implements MailOutbox {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(MailJobQueue) private readonly queue: Pick<MailJobQueue, 'enqueueMany'>,
  ) {}

  /** A rendered mail as a row of the change's transaction, its purpose also its template key. */
  async write(tx: Transaction, mail: RenderedMail, entry: OutboxEntry): Promise<QueuedMail> {
    const messageId = messageIdFor(this.identity.uidHost, randomUUID());
    const { id } = await this.add(outboxMailOf(entry, mail, messageId), tx);
    return { id, key: entry.key };
  }

  /** After the commit: one mail job per row (a lost enqueue is picked up by the outbox relay). */
  async enqueue(mails: readonly QueuedMail[]): Promise<void> {
    await this.queue.enqueueMany(mails.map((m) => ({ outboxId: m.id, idempotencyKey: m.key })));
  }

  /** Inserts unless a row with this idempotency key exists; returns the row id either way. */
  async add(message: OutboxMail, tx?: Transaction): Promise<{ id: string; created: boolean }> {
    const existing = await on(tx, this.prisma).mailOutbox.findUnique({
      where: { idempotencyKey: message.idempotencyKey },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const { textBody, htmlBody, ...rest } = message;
    const [bodyId] = await storeBodies(on(tx, this.prisma), [textBody], [htmlBody ?? null]);
    const row = await on(tx, this.prisma).mailOutbox.create({
      data: {
        ...rest,
        bodyId: bodyId!,
        sequence: message.sequence ?? 0,
        payload: message.payload ?? {},
        status: 'pending',
        attempts: 0,
      },
      select: { id: true },
    });
    return { id: row.id, created: true };
  }

  /**
   * A fan-out's rows in one statement (rows whose idempotency key exists are left as they are);
   * the ids of those still to be sent, in the given order.
   */
  addMany(
    messages: readonly OutboxMail[],
    tx?: Transaction,
  ): Promise<{ id: string; idempotencyKey: string }[]> {
    return insertOutboxRows(on(tx, this.prisma), messages);
  }

  async find(id: string): Promise<OutboxRecord | undefined> {
    const row = await this.prisma.mailOutbox.findUnique({ where: { id } });
    return (row as OutboxRecord | null) ?? undefined;
  }

  async byMessageIds(messageIds: readonly string[]): Promise<OutboxRecord[]> {
    if (messageIds.length === 0) return [];
    const rows = await this.prisma.mailOutbox.findMany({ where: { messageId: { in: [...messageIds] } } });
    return rows as OutboxRecord[];
  }

  /**
   * Claims a row for sending and reads its headers and invitation, in one round trip: the row
   * comes back unless it was already sent (a duplicate job after a crash), another job holds it, or
   * it does not exist. The
   * body is read apart (`body`), since most senders have it in memory already. Straight on pg:
   * this and markSent run twice per message sent.
   */
  async claim(id: string, now: Date, holder?: ClaimHolder): Promise<OutboxRecord | undefined> {
    const { rows } = await this.prisma.pool.query<ClaimedRow>(
      `UPDATE mail_outbox
          SET status = 'sending', attempts = attempts + 1, updated_at = $2, claimed_by = $3
        WHERE id = $1::uuid
          AND (status IN ('pending', 'failed') OR (status = 'sending' AND ${FREE_TO_TAKE}))
    RETURNING ${CLAIMED_COLUMNS}`,
      [id, now, holder?.jobId ?? null, holder?.heldAfter ?? now],
    );
    const r = rows[0];
    return r && recordOf(r);
  }

  /**
   * A batch job's rows in one statement: pending ones, and sending ones no other job holds (its
   * own after a crash or a retry, or one whose lease is over). Sent and failed rows are left.
   */
  async claimMany(ids: readonly string[], now: Date, holder: ClaimHolder): Promise<OutboxRecord[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.prisma.pool.query<ClaimedRow>(
      `UPDATE mail_outbox
          SET status = 'sending', attempts = attempts + 1, updated_at = $2, claimed_by = $3
        WHERE id = ANY($1::uuid[])
          AND (status = 'pending' OR (status = 'sending' AND ${FREE_TO_TAKE}))
    RETURNING ${CLAIMED_COLUMNS}`,
      [ids, now, holder.jobId, holder.heldAfter],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [recordOf(r)] : [];
    });
  }

  /** A stored body (undefined for an unknown id). */
  async body(id: string): Promise<OutboxBody | undefined> {
    const { rows } = await this.prisma.pool.query<{
      id: string;
      text_body: string;
      html_body: string | null;
    }>('SELECT id, text_body, html_body FROM mail_bodies WHERE id = $1::uuid', [id]);
    const r = rows[0];
    return r && { id: r.id, textBody: r.text_body, htmlBody: r.html_body };
  }

  /** Whether a row with this id exists at all (to tell "already sent" from "missing"). */
  async exists(id: string): Promise<boolean> {
    return (await this.prisma.mailOutbox.count({ where: { id } })) > 0;
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.prisma.pool.query(
      `UPDATE mail_outbox SET status = 'sent', sent_at = $2, last_error = NULL, updated_at = $2
        WHERE id = $1::uuid`,
      [id, now],
    );
  }

  async markAttemptFailed(id: string, error: string, now: Date, final: boolean): Promise<void> {
    await this.prisma.mailOutbox.update({
      where: { id },
      data: { status: final ? 'failed' : 'pending', lastError: error.slice(0, 1000), updatedAt: now },
    });
  }

  /** Rows whose enqueue may have been lost (process died between commit and enqueue). */
  async pendingOlderThan(before: Date, limit = 500): Promise<PendingMail[]> {
    return this.prisma.mailOutbox.findMany({
      where: { status: 'pending', createdAt: { lt: before } },
      select: { id: true, idempotencyKey: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  async sendingSince(before: Date, limit = 500): Promise<PendingMail[]> {
    return this.prisma.mailOutbox.findMany({
      where: { status: 'sending', updatedAt: { lt: before } },
      select: { id: true, idempotencyKey: true },
      orderBy: { updatedAt: 'asc' },
      take: limit,
    });
  }

  async failed(page: PageRequest): Promise<KeysetPage<FailedOutboxEntry>> {
    return keysetPage(
      page,
      'updatedAt',
      { status: 'failed' },
      (args) =>
        this.prisma.mailOutbox.findMany({
          ...(args as {
            where: Prisma.MailOutboxWhereInput;
            orderBy: Prisma.MailOutboxOrderByWithRelationInput[];
          }),
          select: FAILED_SELECT,
        }),
      (args) => this.prisma.mailOutbox.count(args as { where: Prisma.MailOutboxWhereInput }),
      (r) => ({ at: r.updatedAt, id: r.id }),
    );
  }

  async resetForRetry(id: string, now: Date, tx?: Transaction): Promise<boolean> {
    const { count } = await on(tx, this.prisma).mailOutbox.updateMany({
      where: { id, status: 'failed' },
      data: { status: 'pending', updatedAt: now },
    });
    return count === 1;
  }
}
