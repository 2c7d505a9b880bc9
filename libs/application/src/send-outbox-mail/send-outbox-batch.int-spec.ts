import { Logger } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { MailTransport, mailIdentity } from '@overlegtafels/mail';
import { createPrismaClient, PrismaMailOutbox, PrismaService } from '@overlegtafels/persistence';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { OutboxMail } from '../ports/mail-outbox.port';
import { SendOutboxMailUseCase } from './send-outbox-mail.usecase';

/**
 * A mail batch job's rows through the real outbox and real SMTP (a local server that accepts or
 * refuses as each test says): what reaches the server, and what the rows say afterwards.
 */
const identity = mailIdentity('CO3 Antwerpen <overlegtafels@example.be>', 'CO3 Antwerpen');
const noQueue = { enqueueMany: async () => undefined };

interface Sink {
  port: number;
  /** The Message-IDs the server accepted, in order. */
  delivered: string[];
  /** Recipients refused at RCPT with a 550, for good. */
  refuse: Set<string>;
  /** When set, the next message's DATA is answered 451 (try again later), once. */
  failNextData: boolean;
  stop(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const sink = { delivered: [] as string[], refuse: new Set<string>(), failNextData: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (sink.refuse.has(address.address)) {
        const error = new Error('5.1.1 mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.failNextData) {
          sink.failNextData = false;
          const error = new Error('4.3.0 try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const head = Buffer.concat(chunks).toString('latin1');
        sink.delivered.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '');
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(sink, {
    port: (server.server.address() as { port: number }).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

const message = (key: string): OutboxMail => ({
  idempotencyKey: `batch-test:${key}`,
  purpose: 'agenda',
  templateKey: 'agenda',
  recipientEmail: `lid-${key}@example.org`,
  sequence: 0,
  messageId: `<batch-${key}@overlegtafels.example.be>`,
  fromAddress: '"CO3 Antwerpen" <overlegtafels@example.be>',
  subject: 'Weegploeg 1 december 2026 – CO3 Antwerpen',
  textBody: 'Beste leden van de Weegploeg,\n\nDe agenda.',
  htmlBody: '<p>Beste leden van de Weegploeg,</p><p>De agenda.</p>',
  icsMethod: null,
  icsContent: null,
});

describe('SendOutboxMailUseCase.executeBatch (a mail batch job)', () => {
  let db: TestDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;
  let outbox: PrismaMailOutbox;
  let sink: Sink;
  let transport: MailTransport;
  let now: Date;
  let useCase: SendOutboxMailUseCase;
  let logs: jest.SpyInstance[];
  let run = 0;

  beforeAll(async () => {
    logs = (['log', 'error'] as const).map((level) =>
      jest.spyOn(Logger.prototype, level).mockImplementation(() => undefined),
    );
    db = await createTestDatabase();
    prisma = createPrismaClient(db.url, 2);
    outbox = new PrismaMailOutbox(prisma as unknown as PrismaService, identity, noQueue);
    sink = await startSink();
    // One connection: the messages of a batch reach the server in the batch's order.
    transport = new MailTransport(`smtp://127.0.0.1:${sink.port}?maxConnections=1`);
  });

  beforeEach(() => {
    sink.delivered.length = 0;
    sink.refuse.clear();
    sink.failNextData = false;
    now = new Date('2026-11-23T09:00:00Z');
    useCase = new SendOutboxMailUseCase(outbox, transport, { now: () => now });
  });

  afterAll(async () => {
    transport?.close();
    await sink?.stop();
    await prisma?.$disconnect();
    await db?.drop();
    for (const spy of logs ?? []) spy.mockRestore();
  });

  /** Five rows of one fan-out; their ids and Message-IDs in order. */
  const fanOut = async () => {
    run++;
    const keys = ['a', 'b', 'c', 'd', 'e'].map((k) => `${run}-${k}`);
    const ids: string[] = [];
    for (const key of keys) ids.push((await outbox.add(message(key))).id);
    return { ids, keys, messageIds: keys.map((k) => `<batch-${k}@overlegtafels.example.be>`) };
  };
  const rowsOf = async (ids: string[]) => Promise.all(ids.map(async (id) => (await outbox.find(id))!));

  it('marks a recipient the server refuses for good failed with the reason, and sends the others', async () => {
    const { ids, keys, messageIds } = await fanOut();
    sink.refuse.add(`lid-${keys[1]}@example.org`);

    const outcome = await useCase.executeBatch({ outboxIds: ids }, 'job-refused');

    expect(outcome).toEqual({ sent: 4, refused: 0, rejected: 1, skipped: 0 });
    expect(sink.delivered).toEqual([messageIds[0], messageIds[2], messageIds[3], messageIds[4]]);
    const rows = await rowsOf(ids);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'failed', 'sent', 'sent', 'sent']);
    expect(rows[1]!.lastError).toMatch(/550/);
    expect(rows[1]!.sentAt).toBeNull();
    // The failed-mail page lists it, with its reason.
    const failed = await outbox.failed({ limit: 50 });
    expect(failed.rows.filter((r) => ids.includes(r.id)).map((r) => r.id)).toEqual([ids[1]]);

    // The job's retry (or a repeated enqueue of the same rows) sends nothing again: the refused
    // row stays failed until a coordinator retries it.
    expect(await useCase.executeBatch({ outboxIds: ids }, 'job-refused')).toEqual({
      sent: 0,
      refused: 0,
      rejected: 0,
      skipped: 5,
    });
    expect(sink.delivered).toHaveLength(4);
  });

  it('retried after a temporary failure, sends only the rows not sent yet, each once', async () => {
    const { ids, messageIds } = await fanOut();
    // The third message is answered 451: the job fails, for BullMQ to try again later.
    let accepted = 0;
    const send = transport.send.bind(transport);
    const spy = jest.spyOn(transport, 'send').mockImplementation(async (m) => {
      if (++accepted === 3) sink.failNextData = true;
      return send(m);
    });
    try {
      await expect(useCase.executeBatch({ outboxIds: ids }, 'job-retried')).rejects.toMatchObject({
        responseCode: 451,
      });
    } finally {
      spy.mockRestore();
    }
    expect(sink.delivered).toEqual(messageIds.slice(0, 2));
    const between = await rowsOf(ids);
    expect(between.map((r) => r.status)).toEqual(['sent', 'sent', 'sending', 'sending', 'sending']);

    // Until its lease is over another job does not take the rows the failed job holds …
    now = new Date(now.getTime() + 60_000);
    expect(await useCase.executeBatch({ outboxIds: ids }, 'another-job')).toMatchObject({
      sent: 0,
      skipped: 5,
    });
    expect(await useCase.execute({ outboxId: ids[2]! }, 'a-single-job')).toBe('already-sent');
    expect(sink.delivered).toHaveLength(2);

    // … and the job's retry sends the other three.
    expect(await useCase.executeBatch({ outboxIds: ids }, 'job-retried')).toEqual({
      sent: 3,
      refused: 0,
      rejected: 0,
      skipped: 2,
    });
    expect(sink.delivered).toEqual(messageIds);
    expect((await rowsOf(ids)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it('lets another job take rows whose holder died once the sending lease is over', async () => {
    const { ids, messageIds } = await fanOut();
    // A job claimed the rows and was killed before it sent any.
    await outbox.claimMany(ids, now, { jobId: 'job-killed', heldAfter: new Date(0) });

    now = new Date(now.getTime() + 5 * 60_000);
    expect(await useCase.executeBatch({ outboxIds: ids }, 'job-relayed')).toMatchObject({ sent: 0 });
    now = new Date(now.getTime() + 6 * 60_000);
    expect(await useCase.executeBatch({ outboxIds: ids }, 'job-relayed')).toMatchObject({ sent: 5 });
    expect(sink.delivered).toEqual(messageIds);
  });

  it('marks what a batch job left unsent failed when it gives up, and leaves what was sent', async () => {
    const { ids } = await fanOut();
    await outbox.claimMany(ids.slice(0, 2), now, { jobId: 'job-gave-up', heldAfter: new Date(0) });
    await outbox.markSent(ids[0]!, now);

    await useCase.recordBatchFailure({ outboxIds: ids }, new Error('connect ECONNREFUSED 127.0.0.1:25'));

    const rows = await rowsOf(ids);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'failed', 'failed', 'failed', 'failed']);
    expect(rows[0]!.lastError).toBeNull();
    expect(rows[4]!.lastError).toBe('connect ECONNREFUSED 127.0.0.1:25');
    expect(sink.delivered).toEqual([]);
  });
});
