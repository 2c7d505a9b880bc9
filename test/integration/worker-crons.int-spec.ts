import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  DestroyExpiredDossiersUseCase,
  ObligationRules,
  ReconcileObligationsUseCase,
  SweepRemindersUseCase,
} from '@overlegtafels/application';
import { CoreModule } from '@overlegtafels/runtime';
import { AppConfig, loadConfig } from '@overlegtafels/config';
import { MailSink } from '@overlegtafels/mail';
import { createPrismaClient, seedIfEmpty } from '@overlegtafels/persistence';
import { MaintenanceProducer, QueueConnection, QUEUES } from '@overlegtafels/queues';
import { ControlledClock, createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { AgendaPlanningCron } from '../../apps/worker/src/crons/agenda-planning.cron';
import { OutboxRelayCron } from '../../apps/worker/src/crons/outbox-relay.cron';
import { ReminderCron } from '../../apps/worker/src/crons/reminder.cron';
import { RetentionCron } from '../../apps/worker/src/crons/retention.cron';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { availableQueueBackends, eventually } from '../support/test-app';

const BOOT = '2026-05-01T10:00:00.000+02:00';
const iso = (local: string) => new Date(local).toISOString();

/**
 * Several workers on one database and one queue prefix, as in production: their crons only
 * enqueue the job of the moment they fire for, so a moment's re-plan or sweep runs once however
 * many workers there are. Every worker reads the same controlled clock (the demo data seen on
 * Friday 1 May 2026); the wall-clock schedule is stopped and the test fires the crons itself.
 * What ran is counted on the services (the clock's reading at each call), not read from logs.
 */
describe.each(availableQueueBackends())('the worker crons on several workers (%s backend)', (backend) => {
  const clock = new ControlledClock(BOOT);
  let db: TestDatabase;
  let dir: string;
  let sink: MailSink;
  let prisma: ReturnType<typeof createPrismaClient>;
  let config: AppConfig;
  const running = new Set<INestApplicationContext>();
  let workers: INestApplicationContext[] = [];
  /** When each call of the re-plan and of the sweep was made, on the controlled clock. */
  const reconciledAt: string[] = [];
  const sweptAt: string[] = [];
  /** When each retention run was made, on the controlled clock. */
  const retainedAt: string[] = [];
  let slowReconcile = false;

  async function startWorker(reminders: boolean): Promise<INestApplicationContext> {
    @Module({
      imports: [
        CoreModule.forRoot({ config: { ...config, reminders }, mailSink: sink, clock }),
        WorkerModule,
      ],
    })
    class Root {}
    const app = await NestFactory.createApplicationContext(Root, { logger: ['error'] });
    for (const job of app.get(SchedulerRegistry).getCronJobs().values()) await job.stop();
    running.add(app);
    return app;
  }

  async function stop(app: INestApplicationContext): Promise<void> {
    running.delete(app);
    await app.close();
  }

  const queueOf = (app: INestApplicationContext, name: string) => app.get(QueueConnection).queue(name);

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'ot-crons-'));
    sink = new MailSink(path.join(dir, 'mail'));
    const smtpPort = await sink.start(0);
    const prefix = `ot_test_${db.name}`;
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: backend === 'redis' ? process.env.TEST_REDIS_URL : undefined,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      DATA_DIR: dir,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'error',
      PUBLIC_URL: 'http://localhost:3999',
      REMINDERS: 'true',
    });
    await new QueueConnection({ redisUrl: config.redisUrl, databaseUrl: db.url, prefix }).prepare();
    await seedIfEmpty(db.url, { demo: true });
    prisma = createPrismaClient(db.url, 2);

    const reconcileAll = ReconcileObligationsUseCase.prototype.execute;
    jest.spyOn(ReconcileObligationsUseCase.prototype, 'execute').mockImplementation(async function (
      this: ReconcileObligationsUseCase,
      ...args
    ) {
      reconciledAt.push(clock.now().toISOString());
      if (slowReconcile) await new Promise((resolve) => setTimeout(resolve, 1_500));
      return reconcileAll.apply(this, args);
    });
    const retain = DestroyExpiredDossiersUseCase.prototype.execute;
    jest.spyOn(DestroyExpiredDossiersUseCase.prototype, 'execute').mockImplementation(function (
      this: DestroyExpiredDossiersUseCase,
      ...args
    ) {
      retainedAt.push(clock.now().toISOString());
      return retain.apply(this, args);
    });
    const sweep = SweepRemindersUseCase.prototype.execute;
    jest.spyOn(SweepRemindersUseCase.prototype, 'execute').mockImplementation(function (
      this: SweepRemindersUseCase,
      ...args
    ) {
      sweptAt.push(clock.now().toISOString());
      return sweep.apply(this, args);
    });

    // Two workers start at once: each one's catch-up asks for the re-plan and the planning.
    workers = await Promise.all([startWorker(true), startWorker(true)]);
  }, 90_000);

  afterAll(async () => {
    for (const app of [...running]) await stop(app);
    jest.restoreAllMocks();
    await prisma?.$disconnect();
    await sink?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('re-plans once when two workers start at once: the catch-up names the night that passed', async () => {
    const [a, b] = workers as [INestApplicationContext, INestApplicationContext];
    // The night and the version of the region's rules the workers run with.
    const jobId = `obligation-reconcile|2026-05-01|${a.get(ObligationRules).version}`;
    await eventually(() => queueOf(a, QUEUES.maintenance).getJob(jobId), 'the catch-up is enqueued');
    expect(await a.get(MaintenanceProducer).finished('obligation-reconcile', jobId)).toBe('completed');
    // Both planned the agenda at start too: one job for the slot.
    await a.get(AgendaPlanningCron).settled();
    await b.get(AgendaPlanningCron).settled();
    expect(reconciledAt).toEqual([iso(BOOT)]);

    const job = (await queueOf(b, QUEUES.maintenance).getJob(jobId))!;
    expect(job.name).toBe('obligation-reconcile');
    expect(job.data).toEqual({ momentMs: new Date('2026-05-01T03:30:00+02:00').getTime() });
    // The one re-plan created the demo dossiers' obligations: every dossier it changed has some.
    const planned = await prisma.followUpObligation.groupBy({ by: ['dossierId'] });
    expect(planned.length).toBeGreaterThan(0);
    expect(job.returnvalue).toEqual({ dossiers: expect.any(Number), changed: planned.length, full: true });
    const planning = await queueOf(a, QUEUES.maintenance).getJob('agenda-planning|2026-05-01T10|00+02|00');
    expect(await planning?.getState()).toBe('completed');
  });

  it('runs the registered minute cron: it enqueues reminder-sweep|<minute> and the job sends what is due', async () => {
    const [a] = workers as [INestApplicationContext];
    const now = '2026-05-01T10:05:00.020+02:00';
    clock.set(now);
    const due = await a.get(SweepRemindersUseCase).findDue(clock.now());
    expect(due.length).toBeGreaterThan(0);

    const cron = a.get(SchedulerRegistry).getCronJob('obligation-reminders');
    expect(cron.cronTime.source).toBe('0 * * * * *');
    await cron.fireOnTick();
    const jobId = 'reminder-sweep|2026-05-01T10|05+02|00';
    const job = await eventually(() => queueOf(a, QUEUES.reminders).getJob(jobId), 'the sweep job exists');
    expect(job.data).toEqual({ momentMs: new Date('2026-05-01T10:05:00+02:00').getTime() });
    expect(await a.get(MaintenanceProducer).finished('reminder-sweep', jobId)).toBe('completed');
    expect(sweptAt.filter((at) => at === iso(now))).toHaveLength(1);

    // Every step that was due is handled, and each of its mails is an outbox row and reaches SMTP.
    const result = (await queueOf(a, QUEUES.reminders).getJob(jobId))!.returnvalue as {
      obligations: number;
      mails: number;
      failed: number;
    };
    expect(result).toMatchObject({ obligations: due.length, failed: 0 });
    expect(
      await prisma.obligationReminder.count({
        where: {
          obligationId: { in: due.map((d) => d.obligationId) },
          enqueuedAt: null,
          sendAt: { lte: clock.now() },
        },
      }),
    ).toBe(0);
    const outbox = await prisma.mailOutbox.count({
      where: { purpose: { in: ['obligation-reminder', 'obligation-escalation'] } },
    });
    expect(result.mails).toBe(outbox);
    expect(outbox).toBeGreaterThanOrEqual(due.length);
    await eventually(async () => {
      const caught = (await sink.list(1000)).filter((m) =>
        /^(Herinnering|Termijn verstreken):/.test(m.subject),
      );
      return caught.length === outbox;
    }, 'every reminder and escalation reaches SMTP');
  });

  it('sweeps once when two workers tick for the same minute, and not again for a late tick', async () => {
    const now = '2026-05-01T10:06:00.004+02:00';
    clock.set(now);
    const ids = await Promise.all(workers.map((w) => w.get(ReminderCron).tick()));
    expect(ids).toEqual(['reminder-sweep|2026-05-01T10|06+02|00', 'reminder-sweep|2026-05-01T10|06+02|00']);
    const producer = workers[0]!.get(MaintenanceProducer);
    expect(await producer.finished('reminder-sweep', ids[0]!)).toBe('completed');
    // A worker whose cron fires late in the same minute finds the minute handled.
    clock.set('2026-05-01T10:06:40+02:00');
    expect(await workers[1]!.get(ReminderCron).tick()).toBe(ids[0]);
    expect(await producer.finished('reminder-sweep', ids[0]!)).toBe('completed');
    expect(sweptAt.filter((at) => at >= iso(now))).toEqual([iso(now)]);
  });

  it('re-plans once when the nightly cron fires on two workers', async () => {
    const night = '2026-05-02T03:30:00.003+02:00';
    clock.set(night);
    const ids = await Promise.all(workers.map((w) => w.get(ReminderCron).reconcile()));
    const version = workers[0]!.get(ObligationRules).version;
    expect(ids).toEqual([
      `obligation-reconcile|2026-05-02|${version}`,
      `obligation-reconcile|2026-05-02|${version}`,
    ]);
    expect(await workers[0]!.get(MaintenanceProducer).finished('obligation-reconcile', ids[0]!)).toBe(
      'completed',
    );
    expect(reconciledAt).toEqual([iso(BOOT), iso(night)]);
  });

  it('runs the retention once a night: once for both workers’ start, once when the 04:00 cron fires on both', async () => {
    const [a, b] = workers as [INestApplicationContext, INestApplicationContext];
    await a.get(RetentionCron).settled();
    await b.get(RetentionCron).settled();
    expect(retainedAt).toEqual([iso(BOOT)]);
    expect(a.get(SchedulerRegistry).getCronJob('dossier-retention').cronTime.source).toBe('0 0 4 * * *');

    const night = '2026-05-02T04:00:00.002+02:00';
    clock.set(night);
    const ids = await Promise.all(workers.map((w) => w.get(RetentionCron).destroyDue()));
    expect(ids).toEqual(['dossier-retention|2026-05-02', 'dossier-retention|2026-05-02']);
    const producer = a.get(MaintenanceProducer);
    expect(await producer.finished('dossier-retention', ids[0]!)).toBe('completed');
    // A worker whose cron comes later that day finds the night handled.
    clock.set('2026-05-02T15:00:00+02:00');
    expect(await b.get(RetentionCron).destroyDue()).toBe(ids[0]);
    expect(await producer.finished('dossier-retention', ids[0]!)).toBe('completed');
    expect(retainedAt).toEqual([iso(BOOT), iso(night)]);
    const job = (await queueOf(a, QUEUES.maintenance).getJob(ids[0]!))!;
    expect(job.data).toEqual({ momentMs: new Date('2026-05-02T04:00:00+02:00').getTime() });
    // The demo's ended dossier has no decision to count from: nothing is destroyed.
    expect(job.returnvalue).toEqual({ destroyed: 0 });
  });

  it('keeps a REMINDERS=false worker out of the sweep, and a start later that day out of the re-plan', async () => {
    for (const w of workers) await stop(w);
    workers = [];
    clock.set('2026-05-02T16:00:00+02:00');
    const off = await startWorker(false);
    // Its catch-up names the night that was re-planned already; its planning job runs here.
    await off.get(AgendaPlanningCron).settled();
    expect(reconciledAt).toHaveLength(2);

    expect(await off.get(ReminderCron).tick()).toBeUndefined();
    expect(
      await queueOf(off, QUEUES.reminders).getJob('reminder-sweep|2026-05-02T16|00+02|00'),
    ).toBeUndefined();
    // A sweep job enqueued by another worker waits for one that takes part…
    const producer = off.get(MaintenanceProducer);
    const sweepId = await producer.enqueue('reminder-sweep', clock.now());
    const relayId = await off.get(OutboxRelayCron).relay();
    expect(await producer.finished('outbox-relay', relayId!)).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await (await queueOf(off, QUEUES.reminders).getJob(sweepId))!.getState()).toBe('waiting');
    expect(sweptAt.filter((at) => at >= iso('2026-05-02T00:00:00+02:00'))).toEqual([]);
    // …and is swept as soon as one runs.
    const on = await startWorker(true);
    expect(await producer.finished('reminder-sweep', sweepId)).toBe('completed');
    expect(sweptAt.filter((at) => at >= iso('2026-05-02T00:00:00+02:00'))).toEqual([
      iso('2026-05-02T16:00:00+02:00'),
    ]);
    await stop(off);
    workers = [on];
  });

  it('lets a re-plan under way finish when its worker stops', async () => {
    const [worker] = workers as [INestApplicationContext];
    slowReconcile = true;
    clock.set('2026-05-03T03:30:00+02:00');
    const jobId = (await worker.get(ReminderCron).reconcile())!;
    const queue = queueOf(worker, QUEUES.maintenance);
    await eventually(
      async () => (await (await queue.getJob(jobId))?.getState()) === 'active',
      'the re-plan runs',
    );
    await stop(worker);
    slowReconcile = false;
    // The job ran on the worker's database pool before it closed: nothing of the worker is left
    // connected (a query after the pool closed would have opened a new one).
    await prisma.$disconnect();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const others = async () =>
        Number(
          (
            await pg.query<{ n: string }>(
              'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
            )
          ).rows[0]!.n,
        );
      await eventually(async () => (await others()) === 0, 'no connection of the worker is left', 3_000);
    } finally {
      await pg.end();
    }

    const probe = new QueueConnection({
      redisUrl: config.redisUrl,
      databaseUrl: db.url,
      prefix: config.queuePrefix,
    });
    try {
      const job = (await probe.queue(QUEUES.maintenance).getJob(jobId))!;
      expect(await job.getState()).toBe('completed');
      expect(job.attemptsMade).toBe(1);
      expect(job.returnvalue).toEqual({ dossiers: expect.any(Number), changed: 0, full: false });
    } finally {
      await probe.close();
    }
    expect(reconciledAt).toHaveLength(3);
  });
});
