import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { MailTransport, MimeMessage, mailIdentity } from '@overlegtafels/mail';
import { createPrismaClient, PrismaMailOutbox, PrismaService } from '@overlegtafels/persistence';
import { OutboxMail } from '../ports/mail-outbox.port';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { SendOutboxMailUseCase } from './send-outbox-mail.usecase';

/** Rows are written and read here; nothing is sent, so no mail queue is needed. */
const identity = mailIdentity('CO3 Antwerpen <overlegtafels@example.be>', 'CO3 Antwerpen');
const noQueue = { enqueueMany: async () => undefined };

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//overlegtafels//test//NL',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:session-1@example.be',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const message = (key: string, overrides: Partial<OutboxMail> = {}): OutboxMail => ({
  idempotencyKey: `test:${key}`,
  purpose: 'agenda',
  templateKey: 'agenda',
  recipientEmail: `lid-${key}@example.org`,
  sequence: 1,
  messageId: `<${key}@overlegtafels.example.be>`,
  fromAddress: '"CO3 Antwerpen" <overlegtafels@example.be>',
  subject: 'Weegploeg 1 december 2026 – CO3 Antwerpen',
  textBody: 'Beste leden van de Weegploeg,\n\nDe agenda.',
  htmlBody: '<p>Beste leden van de Weegploeg,</p><p>De agenda.</p>',
  icsMethod: 'REQUEST',
  icsContent: ICS,
  ...overrides,
});

describe('SendOutboxMailUseCase', () => {
  let db: TestDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;
  let outbox: PrismaMailOutbox;
  let sent: MimeMessage[];
  let useCase: SendOutboxMailUseCase;
  const now = new Date('2026-11-23T09:00:00Z');

  let logged: jest.SpyInstance;

  beforeAll(async () => {
    // "outbox … sent" for every message: not what these tests look at.
    logged = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    db = await createTestDatabase();
    prisma = createPrismaClient(db.url, 2);
    outbox = new PrismaMailOutbox(prisma as unknown as PrismaService, identity, noQueue);
  });

  beforeEach(() => {
    sent = [];
    const transport = {
      send: async (m: MimeMessage) => {
        sent.push(m);
        return { accepted: [m.envelope.to] };
      },
    } as unknown as MailTransport;
    useCase = new SendOutboxMailUseCase(outbox, transport, { now: () => now });
  });

  afterAll(async () => {
    logged.mockRestore();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('sends a row as it was stored, marks it sent, and never sends it again', async () => {
    const { id } = await outbox.add(message('a'));
    expect(await useCase.execute({ outboxId: id })).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.envelope).toEqual({ from: 'overlegtafels@example.be', to: 'lid-a@example.org' });
    const parsed = await simpleParser(sent[0]!.raw);
    expect(parsed.messageId).toBe('<a@overlegtafels.example.be>');
    expect(parsed.subject).toBe('Weegploeg 1 december 2026 – CO3 Antwerpen');
    expect(parsed.text).toBe('Beste leden van de Weegploeg,\n\nDe agenda.');
    expect(parsed.html).toBe('<p>Beste leden van de Weegploeg,</p><p>De agenda.</p>');
    expect(parsed.attachments.map((a) => a.content.toString('utf8'))).toEqual([ICS, ICS]);
    expect(parsed.date?.toISOString()).toBe(now.toISOString());
    expect(await prisma.mailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'sent',
      sentAt: now,
      attempts: 1,
    });

    expect(await useCase.execute({ outboxId: id })).toBe('already-sent');
    expect(await useCase.execute({ outboxId: '00000000-0000-4000-8000-000000000000' })).toBe('missing');
    expect(sent).toHaveLength(1);
  });

  it('reads and encodes a body shared by a fan-out once', async () => {
    const rows = await outbox.addMany(['f1', 'f2', 'f3', 'f4'].map((k) => message(k)));
    const read = jest.spyOn(outbox, 'body');
    try {
      expect(await Promise.all(rows.map((r) => useCase.execute({ outboxId: r.id })))).toEqual([
        'sent',
        'sent',
        'sent',
        'sent',
      ]);
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
    expect(sent.map((m) => m.envelope.to).sort()).toEqual([
      'lid-f1@example.org',
      'lid-f2@example.org',
      'lid-f3@example.org',
      'lid-f4@example.org',
    ]);
    const texts = await Promise.all(sent.map(async (m) => (await simpleParser(m.raw)).text));
    expect(new Set(texts)).toEqual(new Set(['Beste leden van de Weegploeg,\n\nDe agenda.']));
  });

  it('keeps a bounded number of encoded bodies', async () => {
    const read = jest.spyOn(outbox, 'body');
    try {
      // 70 different bodies, then the first again: it was pushed out and is read once more.
      const rows = await outbox.addMany(
        Array.from({ length: 70 }, (_, i) => message(`b${i}`, { textBody: `Tekst ${i}` })),
      );
      for (const r of rows) await useCase.execute({ outboxId: r.id });
      expect(read).toHaveBeenCalledTimes(70);
      const [again] = await outbox.addMany([message('b0-again', { textBody: 'Tekst 0' })]);
      await useCase.execute({ outboxId: again!.id });
      expect(read).toHaveBeenCalledTimes(71);
      // The most recent one is still there.
      const [recent] = await outbox.addMany([message('b69-again', { textBody: 'Tekst 69' })]);
      await useCase.execute({ outboxId: recent!.id });
      expect(read).toHaveBeenCalledTimes(71);
    } finally {
      read.mockRestore();
    }
  });

  it('refuses a stored row that would break a header or whose invitation does not match, at once', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const { id: broken } = await outbox.add(message('h1'));
      await prisma.$executeRaw`UPDATE mail_outbox SET subject = ${'Weegploeg\r\nBcc: evil@example.org'} WHERE id = ${broken}::uuid`;
      const { id: mismatch } = await outbox.add(message('h2', { icsMethod: 'CANCEL' }));
      expect(await useCase.execute({ outboxId: broken })).toBe('refused');
      expect(await useCase.execute({ outboxId: mismatch })).toBe('refused');
      expect(sent).toHaveLength(0);
      const rows = await prisma.mailOutbox.findMany({
        where: { id: { in: [broken, mismatch] } },
        orderBy: { idempotencyKey: 'asc' },
      });
      expect(rows.map((r) => [r.status, r.lastError])).toEqual([
        ['failed', 'subject: a line break or control character in a header'],
        ['failed', 'ics: method CANCEL does not match its METHOD line'],
      ]);
      // Ids and codes only in the log.
      expect(error.mock.calls.map(([m]) => m)).toEqual([
        `outbox ${broken} refused: UNSAFE_HEADER`,
        `outbox ${mismatch} refused: UNSAFE_ICS`,
      ]);
    } finally {
      error.mockRestore();
    }
  });
});
