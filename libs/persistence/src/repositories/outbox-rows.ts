import { createHash } from 'node:crypto';
import type { OutboxMail } from '@overlegtafels/application';
import type { Tx } from '../transaction';

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

/**
 * Inserts a fan-out's rows in one statement (rows whose idempotency key exists are left as they
 * are) and returns, in the given order, the ids of those still to be sent. One statement with
 * one array per column, because hundreds of agenda mails through an ORM's batch insert cost more
 * than rendering them; their bodies, mostly one shared by all, are written once before.
 */
export async function insertOutboxRows(
  db: Tx,
  messages: readonly OutboxMail[],
): Promise<{ id: string; idempotencyKey: string }[]> {
  if (messages.length === 0) return [];
  const col = <T>(pick: (m: OutboxMail) => T) => messages.map(pick);
  const keys = col((m) => m.idempotencyKey);
  const bodyIds = await storeBodies(
    db,
    col((m) => m.textBody),
    col((m) => m.htmlBody ?? null),
  );
  await db.$executeRaw`
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
  const rows = await db.$queryRaw<{ id: string; idempotency_key: string }[]>`
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
export async function storeBodies(
  db: Tx,
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
  await db.$executeRaw`
    INSERT INTO mail_bodies (digest, text_body, html_body)
    SELECT * FROM unnest(${unique}::text[], ${unique.map((d) => distinct.get(d)!.text)}::text[],
                         ${unique.map((d) => distinct.get(d)!.html)}::text[])
    ON CONFLICT (digest) DO NOTHING`;
  const stored = await db.$queryRaw<{ id: string; digest: string }[]>`
    SELECT id, digest FROM mail_bodies WHERE digest = ANY(${unique}::text[])`;
  const idOf = new Map(stored.map((b) => [b.digest, b.id]));
  return digests.map((d) => idOf.get(d)!);
}
