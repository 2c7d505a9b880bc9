import { on, type Transaction } from '../transaction';
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

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

/** An outbox row as stored: what to send, except the body, which has its own table. */
export interface OutboxRow extends Omit<NewOutboxMessage, 'textBody' | 'htmlBody'> {
  id: string;
  /** The row's body in mail_bodies; rows with the same text and HTML share it. */
  bodyId: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** A stored body. Never changes once written, so a sender may keep it (or its encoding) in memory. */
export interface MailBodyRow {
  id: string;
  textBody: string;
  htmlBody: string | null;
}

/**
 * The key of a body in mail_bodies: SHA-256 (hex) of the UTF-8 text, a 0x00 byte, then 0x00 when
 * there is no HTML or 0x01 and the UTF-8 HTML. The migration 20261123_4_mail_bodies computes the
 * same in SQL for the rows it moved.
 */
export function mailBodyDigest(textBody: string, htmlBody: string | null): string {
  const hash = createHash('sha256').update(textBody, 'utf8');
  if (htmlBody === null) return hash.update(NO_HTML).digest('hex');
  return hash.update(WITH_HTML).update(htmlBody, 'utf8').digest('hex');
}

const NO_HTML = Buffer.from([0, 0]);
const WITH_HTML = Buffer.from([0, 1]);

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
  async add(message: NewOutboxMessage, tx?: Transaction): Promise<{ id: string; created: boolean }> {
    const existing = await on(tx, this.prisma).mailOutbox.findUnique({
      where: { idempotencyKey: message.idempotencyKey },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const { textBody, htmlBody, ...rest } = message;
    const [bodyId] = await this.storeBodies(tx, [textBody], [htmlBody ?? null]);
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
   * Inserts a fan-out's rows in one statement (rows whose idempotency key exists are left as they
   * are) and returns, in the given order, the ids of those still to be sent. One statement with
   * one array per column, because hundreds of agenda mails through an ORM's batch insert cost more
   * than rendering them; their bodies, mostly one shared by all, are written once before.
   */
  async addMany(
    messages: readonly NewOutboxMessage[],
    tx?: Transaction,
  ): Promise<{ id: string; idempotencyKey: string }[]> {
    if (messages.length === 0) return [];
    const col = <T>(pick: (m: NewOutboxMessage) => T) => messages.map(pick);
    const keys = col((m) => m.idempotencyKey);
    const bodyIds = await this.storeBodies(
      tx,
      col((m) => m.textBody),
      col((m) => m.htmlBody ?? null),
    );
    await on(tx, this.prisma).$executeRaw`
      INSERT INTO mail_outbox (idempotency_key, purpose, template_key, recipient_email,
                               recipient_person_id, session_id, agenda_item_id, dossier_id, sequence,
                               payload, message_id, from_address, subject, body_id,
                               ics_method, ics_content)
      SELECT * FROM unnest(
        ${keys}::text[], ${col((m) => m.purpose)}::text[], ${col((m) => m.templateKey)}::text[],
        ${col((m) => m.recipientEmail)}::text[], ${col((m) => m.recipientPersonId ?? null)}::uuid[],
        ${col((m) => m.sessionId ?? null)}::uuid[], ${col((m) => m.agendaItemId ?? null)}::uuid[],
        ${col((m) => m.dossierId ?? null)}::uuid[], ${col((m) => m.sequence ?? 0)}::int[],
        ${col((m) => JSON.stringify(m.payload ?? {}))}::jsonb[], ${col((m) => m.messageId)}::text[],
        ${col((m) => m.fromAddress)}::text[], ${col((m) => m.subject)}::text[], ${bodyIds}::uuid[],
        ${col((m) => m.icsMethod ?? null)}::text[], ${col((m) => m.icsContent ?? null)}::text[])
      ON CONFLICT DO NOTHING`;
    const rows = await on(tx, this.prisma).$queryRaw<{ id: string; idempotency_key: string }[]>`
      SELECT id, idempotency_key FROM mail_outbox
       WHERE idempotency_key = ANY(${keys}::text[]) AND status IN ('pending', 'sending')`;
    const order = new Map(keys.map((k, i) => [k, i]));
    return rows
      .map((r) => ({ id: r.id, idempotencyKey: r.idempotency_key }))
      .sort((a, b) => order.get(a.idempotencyKey)! - order.get(b.idempotencyKey)!);
  }

  /**
   * Writes each distinct body once (a body stored before is reused) and returns, per given
   * text/HTML pair, its body id. A fan-out hands the same string objects for every recipient; the
   * digest is then computed once per distinct pair, not once per row.
   */
  private async storeBodies(
    tx: Transaction | undefined,
    texts: readonly string[],
    htmls: readonly (string | null)[],
  ): Promise<string[]> {
    const digestOf = new Map<string, Map<string | null, string>>();
    const distinct = new Map<string, { text: string; html: string | null }>();
    const digests = texts.map((text, i) => {
      const html = htmls[i]!;
      let byHtml = digestOf.get(text);
      if (!byHtml) digestOf.set(text, (byHtml = new Map()));
      let digest = byHtml.get(html);
      if (digest === undefined) {
        digest = mailBodyDigest(text, html);
        byHtml.set(html, digest);
        distinct.set(digest, { text, html });
      }
      return digest;
    });
    const unique = [...distinct.keys()];
    await on(tx, this.prisma).$executeRaw`
      INSERT INTO mail_bodies (digest, text_body, html_body)
      SELECT * FROM unnest(${unique}::text[], ${unique.map((d) => distinct.get(d)!.text)}::text[],
                           ${unique.map((d) => distinct.get(d)!.html)}::text[])
      ON CONFLICT (digest) DO NOTHING`;
    const stored = await on(tx, this.prisma).$queryRaw<{ id: string; digest: string }[]>`
      SELECT id, digest FROM mail_bodies WHERE digest = ANY(${unique}::text[])`;
    const idOf = new Map(stored.map((b) => [b.digest, b.id]));
    return digests.map((d) => idOf.get(d)!);
  }

  async find(id: string): Promise<OutboxRow | undefined> {
    const row = await this.prisma.mailOutbox.findUnique({ where: { id } });
    return (row as unknown as OutboxRow) ?? undefined;
  }

  /**
   * Claims a row for sending and reads its headers and invitation, in one round trip: the row
   * comes back unless it was already sent (a duplicate job after a crash) or does not exist. The
   * body is read apart (`body`), since most senders have it in memory already. Straight on pg:
   * this and markSent run twice per message sent.
   */
  async claim(id: string, now: Date): Promise<OutboxRow | undefined> {
    const { rows } = await this.prisma.pool.query<ClaimedRow>(
      `UPDATE mail_outbox
          SET status = 'sending', attempts = attempts + 1, updated_at = $2
        WHERE id = $1::uuid AND status IN ('pending', 'sending', 'failed')
    RETURNING id, idempotency_key, purpose, template_key, recipient_email, recipient_person_id,
              session_id, agenda_item_id, dossier_id, sequence, payload, message_id, from_address,
              subject, body_id, ics_method, ics_content, status, attempts, last_error, created_at,
              sent_at`,
      [id, now],
    );
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

  /** A stored body (undefined for an unknown id). */
  async body(id: string): Promise<MailBodyRow | undefined> {
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
