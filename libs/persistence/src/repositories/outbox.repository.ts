import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export type Tx = Prisma.TransactionClient;

export interface NewOutboxMessage {
  idempotencyKey: string;
  purpose: string;
  templateKey: string;
  recipientEmail: string;
  recipientPersonId?: string | null;
  sessionId?: string | null;
  agendaItemId?: string | null;
  dossierId?: string | null;
  sequence?: number;
  messageId: string;
  fromAddress: string;
  subject: string;
  textBody: string;
  htmlBody?: string | null;
  icsMethod?: string | null;
  icsContent?: string | null;
  /** Ids only, for the record of why this message exists. */
  payload?: Record<string, string | number | null>;
}

export interface OutboxRow extends NewOutboxMessage {
  id: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

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
  text_body: string;
  html_body: string | null;
  ics_method: string | null;
  ics_content: string | null;
  status: OutboxRow['status'];
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/**
 * Every mail is first an outbox row, written in the same transaction as the change that caused
 * it; the mail queue only carries the row's id.
 */
@Injectable()
export class OutboxRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** Inserts unless a row with this idempotency key exists; returns the row id either way. */
  async add(message: NewOutboxMessage, tx: Tx = this.prisma): Promise<{ id: string; created: boolean }> {
    const existing = await tx.mailOutbox.findUnique({
      where: { idempotencyKey: message.idempotencyKey },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const row = await tx.mailOutbox.create({
      data: {
        ...message,
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
   * Inserts a fan-out's rows in one statement (rows whose idempotency key exists are left as they
   * are) and returns, in the given order, the ids of those still to be sent. One statement with
   * one array per column, because hundreds of agenda mails of 20 kB each through an ORM's batch
   * insert cost more than rendering them.
   */
  async addMany(
    messages: readonly NewOutboxMessage[],
    tx: Tx = this.prisma,
  ): Promise<{ id: string; idempotencyKey: string }[]> {
    if (messages.length === 0) return [];
    const col = <T>(pick: (m: NewOutboxMessage) => T) => messages.map(pick);
    const keys = col((m) => m.idempotencyKey);
    await tx.$executeRaw`
      INSERT INTO mail_outbox (idempotency_key, purpose, template_key, recipient_email,
                               recipient_person_id, session_id, agenda_item_id, dossier_id, sequence,
                               payload, message_id, from_address, subject, text_body, html_body,
                               ics_method, ics_content)
      SELECT * FROM unnest(
        ${keys}::text[], ${col((m) => m.purpose)}::text[], ${col((m) => m.templateKey)}::text[],
        ${col((m) => m.recipientEmail)}::text[], ${col((m) => m.recipientPersonId ?? null)}::uuid[],
        ${col((m) => m.sessionId ?? null)}::uuid[], ${col((m) => m.agendaItemId ?? null)}::uuid[],
        ${col((m) => m.dossierId ?? null)}::uuid[], ${col((m) => m.sequence ?? 0)}::int[],
        ${col((m) => JSON.stringify(m.payload ?? {}))}::jsonb[], ${col((m) => m.messageId)}::text[],
        ${col((m) => m.fromAddress)}::text[], ${col((m) => m.subject)}::text[],
        ${col((m) => m.textBody)}::text[], ${col((m) => m.htmlBody ?? null)}::text[],
        ${col((m) => m.icsMethod ?? null)}::text[], ${col((m) => m.icsContent ?? null)}::text[])
      ON CONFLICT DO NOTHING`;
    const rows = await tx.$queryRaw<{ id: string; idempotency_key: string }[]>`
      SELECT id, idempotency_key FROM mail_outbox
       WHERE idempotency_key = ANY(${keys}::text[]) AND status IN ('pending', 'sending')`;
    const order = new Map(keys.map((k, i) => [k, i]));
    return rows
      .map((r) => ({ id: r.id, idempotencyKey: r.idempotency_key }))
      .sort((a, b) => order.get(a.idempotencyKey)! - order.get(b.idempotencyKey)!);
  }

  async find(id: string): Promise<OutboxRow | undefined> {
    const row = await this.prisma.mailOutbox.findUnique({ where: { id } });
    return (row as unknown as OutboxRow) ?? undefined;
  }

  /**
   * Claims a row for sending and reads what to send, in one round trip: the row comes back unless
   * it was already sent (a duplicate job after a crash) or does not exist.
   */
  async claim(id: string, now: Date): Promise<OutboxRow | undefined> {
    const rows = await this.prisma.$queryRaw<ClaimedRow[]>`
      UPDATE mail_outbox
         SET status = 'sending', attempts = attempts + 1, updated_at = ${now}
       WHERE id = ${id}::uuid AND status IN ('pending', 'sending', 'failed')
   RETURNING id, idempotency_key, purpose, template_key, recipient_email, recipient_person_id,
             session_id, agenda_item_id, dossier_id, sequence, payload, message_id, from_address,
             subject, text_body, html_body, ics_method, ics_content, status, attempts, last_error,
             created_at, sent_at`;
    const r = rows[0];
    if (!r) return undefined;
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
      textBody: r.text_body,
      htmlBody: r.html_body,
      icsMethod: r.ics_method,
      icsContent: r.ics_content,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    };
  }

  /** Whether a row with this id exists at all (to tell "already sent" from "missing"). */
  async exists(id: string): Promise<boolean> {
    return (await this.prisma.mailOutbox.count({ where: { id } })) > 0;
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE mail_outbox SET status = 'sent', sent_at = ${now}, last_error = NULL, updated_at = ${now}
       WHERE id = ${id}::uuid`;
  }

  async markAttemptFailed(id: string, error: string, now: Date, final: boolean): Promise<void> {
    await this.prisma.mailOutbox.update({
      where: { id },
      data: { status: final ? 'failed' : 'pending', lastError: error.slice(0, 1000), updatedAt: now },
    });
  }

  /** Rows whose enqueue may have been lost (process died between commit and enqueue). */
  async pendingOlderThan(before: Date, limit = 500): Promise<{ id: string; idempotencyKey: string }[]> {
    return this.prisma.mailOutbox.findMany({
      where: { status: 'pending', createdAt: { lt: before } },
      select: { id: true, idempotencyKey: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  async failed(limit = 200) {
    return this.prisma.mailOutbox.findMany({
      where: { status: 'failed' },
      orderBy: { updatedAt: 'desc' },
      take: limit,
      select: {
        id: true,
        idempotencyKey: true,
        purpose: true,
        recipientEmail: true,
        subject: true,
        attempts: true,
        lastError: true,
        updatedAt: true,
      },
    });
  }

  async resetForRetry(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.mailOutbox.updateMany({
      where: { id, status: 'failed' },
      data: { status: 'pending', updatedAt: now },
    });
    return count === 1;
  }
}
