import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { getSession } from '@overlegtafels/domain';
import { brussels, sessionRow } from '@overlegtafels/persistence/testing';
import { parseInvitation } from '@overlegtafels/mail/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { AgendaProducer, QueueConnection } from '@overlegtafels/queues';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';

const root = path.resolve(__dirname, '../..');
const FAN_OUT = 200;
const CONCURRENCY = 2;

interface Delivery {
  messageId: string;
  to: string;
  uid: string;
  sequence: number;
}

/** A real SMTP server that takes its time per message, so a fan-out lasts long enough to be cut. */
async function startSmtp(
  delayMs: number,
): Promise<{ port: number; deliveries: Delivery[]; stop(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar');
          const ics = calendar ? parseInvitation(calendar.content.toString('utf8')) : undefined;
          setTimeout(() => {
            deliveries.push({
              messageId: mail.messageId ?? '',
              to: (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a?.text ?? '').join(','),
              uid: ics?.uid ?? '',
              sequence: ics?.sequence ?? -1,
            });
            callback();
          }, delayMs);
        }, callback);
      });
    },
  });
  // A sender killed in the middle of a message resets its connection: not an error of the sink.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, deliveries, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function startWorker(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/worker/src/main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function until<T>(probe: () => T | undefined | false, what: string, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Once and only once, with a real worker process: an agenda to 200 standing members; the worker
 * is killed with SIGKILL in the middle of the fan-out and started again. Every message must reach
 * the SMTP server; a message that was in flight at the kill may arrive a second time (nobody can
 * know whether the server had it), but then with the same Message-ID, UID and SEQUENCE, so mail
 * and calendar clients take it as the same message. Nothing else arrives twice.
 *
 * One e2e file per queue backend (worker-crash-postgres, worker-crash-redis), so the two run side
 * by side: most of each is waiting for BullMQ's stalled-job check to hand back what was in flight.
 */
export function describeWorkerCrash(backend: 'postgres' | 'redis'): void {
  const redisUrl = backend === 'redis' ? process.env.TEST_REDIS_URL : undefined;
  if (backend === 'redis' && !redisUrl) {
    console.warn('worker-crash on Redis skipped: TEST_REDIS_URL is not set');
  }
  const suite = backend === 'redis' && !redisUrl ? describe.skip : describe;
  suite(`a worker killed in the middle of a fan-out (${backend} backend)`, () => {
    let db: TestDatabase;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let prisma: ReturnType<typeof createPrismaClient>;
    let env: Record<string, string>;
    let queues: QueueConnection;

    beforeAll(async () => {
      // dist/ is built once for the e2e run, by its global setup.
      db = await createTestDatabase({ seed: 'demo' });
      smtp = await startSmtp(25);
      const prefix = `ot_crash_${db.name}`;
      queues = new QueueConnection({ redisUrl, databaseUrl: db.url, prefix });
      await queues.prepare();
      env = {
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}?maxConnections=${CONCURRENCY}`,
        PUBLIC_URL: 'https://overlegtafels.example.be',
        QUEUE_PREFIX: prefix,
        WORKER_CONCURRENCY: String(CONCURRENCY),
        LOG_LEVEL: 'warn',
        // This test is about the fan-out; the demo dossiers' follow-up reminders stay out of it.
        REMINDERS: 'false',
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      };
      prisma = createPrismaClient(db.url, 2);
    }, 180_000);

    afterAll(async () => {
      await queues?.close();
      await prisma?.$disconnect();
      await smtp?.stop();
      await db?.drop();
    });

    it('delivers all 200 messages after a SIGKILL, a resent one with the same Message-ID, UID and SEQUENCE', async () => {
      const region = await prisma.region.findUniqueOrThrow({ where: { key: 'co3-antwerpen' } });
      const existing = await prisma.tableMembership.count({ where: { tableKey: 'ico', standing: true } });
      for (let i = existing; i < FAN_OUT; i++) {
        const n = String(i).padStart(3, '0');
        await prisma.person.create({
          data: {
            regionId: region.id,
            displayName: `Deelnemer ${n}`,
            email: `deelnemer-${n}@example.org`,
            tableMemberships: {
              create: { regionId: region.id, tableKey: 'ico', function: 'lid', standing: true },
            },
          },
        });
      }
      // A past ICO, so the worker's own planning (from now on) leaves it to this test.
      const sessionId = await sessionRow(prisma, 'ico', '2026-11-20T09:30', '2026-11-20T12:00');
      // One item, so that the agenda goes out as a meeting (an empty one no longer does, issue
      // #15): a demo dossier still without casusregisseur and without guests, so the item adds no
      // slot invitation and the fan-out is exactly the standing members.
      const dossier = await prisma.dossier.findUniqueOrThrow({
        where: { code: 'CO3-2026-0005' },
        include: { aanmeldingen: { select: { id: true } } },
      });
      expect(dossier.casusregisseurId).toBeNull();
      await prisma.agendaItem.create({
        data: {
          sessionId,
          dossierId: dossier.id,
          tableKey: 'ico',
          itemType: 'aanmelding',
          durationMinutes: 30,
          position: 1,
          slotStart: brussels('2026-11-20T09:30'),
          slotEnd: brussels('2026-11-20T10:00'),
          aanmeldingId: dossier.aanmeldingen[0]?.id ?? null,
          submittedById: dossier.aanmelderId,
        },
      });
      const ico = CO3_ANTWERPEN.tables.find((t) => t.key === 'ico')!;
      const plannedAt = getSession(ico, '2026-11-20').agendaSendAtMs;
      expect(plannedAt).toBe(brussels('2026-11-19T13:00').getTime());
      await new AgendaProducer(queues).schedule('send', sessionId, plannedAt, Date.now());

      // The worker's own planning may send other mail (an agenda due today): only this session's
      // invitations are counted.
      const uid = `session-${sessionId}@example.be`;
      const delivered = () => smtp.deliveries.filter((d) => d.uid === uid).length;
      const first = startWorker(env);
      await until(() => delivered() >= 40, `40 deliveries before the kill\n${first.output()}`, 60_000);
      first.child.kill('SIGKILL');
      await first.exit;
      const atKill = delivered();
      expect(atKill).toBeLessThan(FAN_OUT);

      const second = startWorker(env);
      try {
        await until(
          () => delivered() >= FAN_OUT,
          `every message delivered after the restart (${delivered()} so far)\n${second.output()}`,
          150_000,
        );
        // The agenda's invitations; the aanmelder's "Bevestigd" for the item is another mail.
        const agenda = { sessionId, purpose: 'agenda' };
        const outbox = await prisma.mailOutbox.findMany({
          where: agenda,
          select: { messageId: true, status: true, sequence: true },
        });
        expect(outbox).toHaveLength(FAN_OUT);
        // The jobs that were active at the kill come back once their lock expires (BullMQ's stalled
        // check, about 30 s); their rows are still "sending" until then.
        for (let i = 0; i < 1_200; i++) {
          const pending = await prisma.mailOutbox.count({ where: { ...agenda, status: { not: 'sent' } } });
          if (pending === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(await prisma.mailOutbox.count({ where: { ...agenda, status: 'sent' } })).toBe(FAN_OUT);
        // Only this session's messages are compared; every other delivery must be a row of the
        // outbox — nothing reaches the server that was not written.
        const ours = new Set(outbox.map((o) => o.messageId));
        const others = new Set(
          (
            await prisma.mailOutbox.findMany({
              where: {
                OR: [
                  { sessionId: null },
                  { sessionId: { not: sessionId } },
                  { sessionId, purpose: { not: 'agenda' } },
                ],
              },
              select: { messageId: true },
            })
          ).map((o) => o.messageId),
        );
        const rows = smtp.deliveries.filter((d) => ours.has(d.messageId));
        expect(smtp.deliveries.filter((d) => !ours.has(d.messageId) && !others.has(d.messageId))).toEqual([]);

        const byId = new Map<string, Delivery[]>();
        for (const d of rows) byId.set(d.messageId, [...(byId.get(d.messageId) ?? []), d]);
        expect(new Set(byId.keys())).toEqual(new Set(outbox.map((o) => o.messageId)));
        const twice = [...byId.values()].filter((copies) => copies.length > 1);
        // Only what was in flight at the kill can come again, and at most once more.
        expect(twice.length).toBeLessThanOrEqual(CONCURRENCY);
        for (const copies of twice) {
          expect(copies).toHaveLength(2);
          expect(copies[1]).toEqual(copies[0]);
        }
        for (const copies of byId.values()) {
          expect(copies[0]!.uid).toBe(uid);
          expect(copies[0]!.sequence).toBe(0);
        }
        console.log(
          `[worker-crash ${backend}] killed after ${atKill} of ${FAN_OUT} deliveries; ${rows.length} deliveries in all, ${twice.length} message(s) resent with the same Message-ID, UID and SEQUENCE`,
        );
      } finally {
        second.child.kill('SIGTERM');
        await second.exit;
      }
    }, 240_000);
  });
}
