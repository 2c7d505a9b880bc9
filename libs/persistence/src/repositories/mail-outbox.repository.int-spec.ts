import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { createPrismaClient, PrismaService } from '../prisma.service';
import type { OutboxMail } from '@overlegtafels/application';
import { mailIdentity } from '@overlegtafels/mail';
import { PrismaMailOutbox } from './mail-outbox.repository';
import { mailBodyDigest } from './outbox-rows';

/** Rows are written and read here; nothing is sent, so no mail queue is needed. */
const identity = mailIdentity('CO3 Antwerpen <overlegtafels@example.be>', 'CO3 Antwerpen');
const noQueue = { enqueueMany: async () => undefined };

const message = (key: string): OutboxMail => ({
  idempotencyKey: `test:${key}`,
  purpose: 'test',
  templateKey: 'test',
  recipientEmail: 'lies.claes@example.org',
  sequence: 3,
  messageId: `<${key}@example.be>`,
  fromAddress: 'CO3 Antwerpen <overlegtafels@example.be>',
  subject: 'Testbericht – CO3 Antwerpen',
  textBody: 'tekst',
  htmlBody: '<p>tekst</p>',
  icsMethod: 'REQUEST',
  icsContent: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
  payload: { sessionId: null },
});

/** A fresh database for the describe block it is called in, with the outbox on it. */
function outboxOnFreshDatabase() {
  const t = {} as {
    db: TestDatabase;
    prisma: ReturnType<typeof createPrismaClient>;
    outbox: PrismaMailOutbox;
  };
  beforeAll(async () => {
    t.db = await createTestDatabase();
    t.prisma = createPrismaClient(t.db.url, 2);
    t.outbox = new PrismaMailOutbox(t.prisma as unknown as PrismaService, identity, noQueue);
  });
  afterAll(async () => {
    await t.prisma?.$disconnect();
    await t.db?.drop();
  });
  return t;
}

describe('PrismaMailOutbox.addMany', () => {
  const t = outboxOnFreshDatabase();

  it('writes every column as given, in one statement, and returns the ids in the given order', async () => {
    const hostile = 'Naam "met" \\ quotes, {accolades}, NULL, ; en\r\nregels é 𝄞';
    const messages = ['m3', 'm1', 'm2'].map((k, i) => ({
      ...message(k),
      textBody: `${hostile} ${i}`,
      htmlBody: i === 1 ? null : `<p>${hostile}</p>`,
      icsMethod: i === 2 ? null : 'REQUEST',
      icsContent: i === 2 ? null : 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      sequence: i,
      payload: { sessionId: i === 0 ? '11111111-1111-4111-8111-111111111111' : null, n: i },
    }));
    const added = await t.outbox.addMany(messages);
    expect(added.map((a) => a.idempotencyKey)).toEqual(['test:m3', 'test:m1', 'test:m2']);
    const stored = await t.prisma.mailOutbox.findMany({
      where: { id: { in: added.map((a) => a.id) } },
      include: { body: true },
    });
    for (const [i, m] of messages.entries()) {
      const row = stored.find((r) => r.id === added[i]!.id)!;
      expect(row).toMatchObject({
        idempotencyKey: m.idempotencyKey,
        purpose: 'test',
        templateKey: 'test',
        recipientEmail: 'lies.claes@example.org',
        recipientPersonId: null,
        sessionId: null,
        sequence: i,
        payload: m.payload,
        messageId: m.messageId,
        fromAddress: m.fromAddress,
        subject: m.subject,
        body: { textBody: m.textBody, htmlBody: m.htmlBody },
        icsMethod: m.icsMethod,
        icsContent: m.icsContent,
        status: 'pending',
        attempts: 0,
        sentAt: null,
      });
    }
  });

  it('leaves an existing row alone and returns only what is still to be sent', async () => {
    const [first] = await t.outbox.addMany([message('x1')]);
    await t.outbox.claim(first!.id, new Date());
    await t.outbox.markSent(first!.id, new Date());
    const again = await t.outbox.addMany([{ ...message('x1'), subject: 'anders' }, message('x2')]);
    expect(again.map((a) => a.idempotencyKey)).toEqual(['test:x2']);
    const x1 = await t.prisma.mailOutbox.findUniqueOrThrow({ where: { idempotencyKey: 'test:x1' } });
    expect(x1).toMatchObject({ status: 'sent', subject: 'Testbericht – CO3 Antwerpen' });
    expect(await t.outbox.addMany([])).toEqual([]);
  });

  it('stores a body shared by a fan-out once, and reuses a body stored before', async () => {
    const text = 'Beste leden van de Weegploeg,\n\nDe agenda é 𝄞.';
    const html = '<p>Beste leden van de Weegploeg,</p>';
    const fanOut = ['f1', 'f2', 'f3'].map((k) => ({ ...message(k), textBody: text, htmlBody: html }));
    // Equal content in other string objects (as a later change would render it) finds the same body.
    const later = { ...message('f4'), textBody: `${text.slice(0, 5)}${text.slice(5)}`, htmlBody: `${html}` };
    const added = [...(await t.outbox.addMany(fanOut)), ...(await t.outbox.addMany([later]))];
    const { id: single } = await t.outbox.add({ ...message('f5'), textBody: text, htmlBody: html });
    const rows = await t.prisma.mailOutbox.findMany({
      where: { id: { in: [...added.map((a) => a.id), single] } },
      select: { bodyId: true },
    });
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.bodyId)).size).toBe(1);
    const body = await t.outbox.body(rows[0]!.bodyId);
    expect(body).toEqual({ id: rows[0]!.bodyId, textBody: text, htmlBody: html });
    // The same text without HTML is another body.
    const [plain] = await t.outbox.addMany([{ ...message('f6'), textBody: text, htmlBody: null }]);
    const plainRow = await t.prisma.mailOutbox.findUniqueOrThrow({ where: { id: plain!.id } });
    expect(plainRow.bodyId).not.toBe(rows[0]!.bodyId);
    expect(await t.outbox.body(plainRow.bodyId)).toMatchObject({ textBody: text, htmlBody: null });
    expect(await t.outbox.body('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('computes the digest of a body as the migration that moved the bodies does in SQL', async () => {
    const [a] = await t.outbox.addMany([
      { ...message('d1'), textBody: 'tekst é\r\n𝄞', htmlBody: '<p>x</p>' },
    ]);
    const [b] = await t.outbox.addMany([{ ...message('d2'), textBody: 'tekst é\r\n𝄞', htmlBody: null }]);
    const [c] = await t.outbox.addMany([{ ...message('d3'), textBody: 'tekst é\r\n𝄞', htmlBody: '' }]);
    const rows = await t.prisma.$queryRaw<{ digest: string; sql: string }[]>`
      SELECT b.digest,
             encode(sha256(convert_to(b.text_body, 'UTF8') || '\\x00'::bytea ||
                    CASE WHEN b.html_body IS NULL THEN '\\x00'::bytea
                         ELSE '\\x01'::bytea || convert_to(b.html_body, 'UTF8') END), 'hex') AS sql
        FROM mail_outbox o JOIN mail_bodies b ON b.id = o.body_id
       WHERE o.id = ANY(${[a!.id, b!.id, c!.id]}::uuid[])`;
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.sql).toBe(r.digest);
    expect(new Set(rows.map((r) => r.digest)).size).toBe(3);
    expect(rows.map((r) => r.digest)).toContain(mailBodyDigest('tekst é\r\n𝄞', null));
  });
});

/** The sender's claim: one round trip that marks the row as being sent and returns what to send. */
describe('PrismaMailOutbox.claim', () => {
  const t = outboxOnFreshDatabase();
  const now = new Date('2026-11-23T09:00:00Z');

  it('claims a pending row, counts the attempt and returns its content', async () => {
    const { id } = await t.outbox.add(message('a'));
    const row = await t.outbox.claim(id, now);
    expect(await t.outbox.body(row!.bodyId)).toMatchObject({ textBody: 'tekst', htmlBody: '<p>tekst</p>' });
    expect(row).toMatchObject({
      id,
      idempotencyKey: 'test:a',
      recipientEmail: 'lies.claes@example.org',
      sequence: 3,
      messageId: '<a@example.be>',
      icsMethod: 'REQUEST',
      icsContent: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      status: 'sending',
      attempts: 1,
      sentAt: null,
      payload: { sessionId: null },
    });
    const stored = await t.prisma.mailOutbox.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: 'sending', attempts: 1, updatedAt: now });
  });

  it('claims again a row left "sending" by a crash, and a failed row on retry', async () => {
    const { id } = await t.outbox.add(message('b'));
    await t.outbox.claim(id, now);
    expect((await t.outbox.claim(id, now))?.attempts).toBe(2);
    await t.outbox.markAttemptFailed(id, 'connection refused', now, true);
    expect(await t.outbox.claim(id, now)).toMatchObject({ status: 'sending', attempts: 3 });
  });

  it('returns nothing for a row that was sent, and leaves it as it was', async () => {
    const { id } = await t.outbox.add(message('c'));
    await t.outbox.claim(id, now);
    const sentAt = new Date('2026-11-23T09:00:05Z');
    await t.outbox.markSent(id, sentAt);
    expect(await t.outbox.claim(id, new Date('2026-11-23T09:01:00Z'))).toBeUndefined();
    expect(await t.prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt,
      updatedAt: sentAt,
    });
    expect(await t.outbox.exists(id)).toBe(true);
  });

  it('returns nothing for an id that does not exist', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(await t.outbox.claim(id, now)).toBeUndefined();
    expect(await t.outbox.exists(id)).toBe(false);
  });
});
