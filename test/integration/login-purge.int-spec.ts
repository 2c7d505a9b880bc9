import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  LoginThrottle,
  PurgeExpiredLoginsUseCase,
  RequestLoginLinkUseCase,
} from '@overlegtafels/application';
import { hashToken, SessionService } from '@overlegtafels/auth';
import { AppConfig, loadConfig } from '@overlegtafels/config';
import { MailSink } from '@overlegtafels/mail';
import { createPrismaClient, seedIfEmpty } from '@overlegtafels/persistence';
import { MaintenanceProducer, QueueConnection, QUEUES } from '@overlegtafels/queues';
import { CoreModule } from '@overlegtafels/runtime';
import { ControlledClock, createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { LoginPurgeCron } from '../../apps/worker/src/crons/login-purge.cron';
import { WorkerModule } from '../../apps/worker/src/worker.module';

const BOOT = '2026-05-01T10:00:00.000+02:00';
const CASUSREGISSEUR = 'lotte.verbeke@example.be';

/**
 * The nightly purge of expired logins (issue #18) on two workers: one job per night, run through
 * the worker's cron and the maintenance queue; what a login left behind is made by the real login
 * pieces (SessionService, the login link, the throttle) and only what is over goes.
 */
describe('the purge of expired logins', () => {
  const clock = new ControlledClock(BOOT);
  let db: TestDatabase;
  let dir: string;
  let sink: MailSink;
  let prisma: ReturnType<typeof createPrismaClient>;
  let config: AppConfig;
  let workers: INestApplicationContext[] = [];
  const purgedAt: string[] = [];

  async function startWorker(): Promise<INestApplicationContext> {
    @Module({ providers: [RequestLoginLinkUseCase, LoginThrottle] })
    class LoginPieces {}
    @Module({
      imports: [CoreModule.forRoot({ config, mailSink: sink, clock }), WorkerModule, LoginPieces],
    })
    class Root {}
    const app = await NestFactory.createApplicationContext(Root, { logger: ['error'] });
    for (const job of app.get(SchedulerRegistry).getCronJobs().values()) await job.stop();
    return app;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'ot-login-purge-'));
    sink = new MailSink(path.join(dir, 'mail'));
    const smtpPort = await sink.start(0);
    const prefix = `ot_test_${db.name}`;
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      DATA_DIR: dir,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'error',
      PUBLIC_URL: 'http://localhost:3999',
      REMINDERS: 'false',
    });
    await new QueueConnection({ databaseUrl: db.url, prefix }).prepare();
    await seedIfEmpty(db.url, { demo: true });
    prisma = createPrismaClient(db.url, 2);
    const purge = PurgeExpiredLoginsUseCase.prototype.execute;
    jest.spyOn(PurgeExpiredLoginsUseCase.prototype, 'execute').mockImplementation(function (
      this: PurgeExpiredLoginsUseCase,
    ) {
      purgedAt.push(clock.now().toISOString());
      return purge.apply(this);
    });
    workers = await Promise.all([startWorker(), startWorker()]);
  }, 90_000);

  afterAll(async () => {
    for (const app of workers) await app.close();
    jest.restoreAllMocks();
    await prisma?.$disconnect();
    await sink?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('purges once a night on two workers, and only the sessions, links and counters that are over', async () => {
    const [a, b] = workers as [INestApplicationContext, INestApplicationContext];
    // Both workers' start asked for the night that passed: one run.
    await a.get(LoginPurgeCron).settled();
    await b.get(LoginPurgeCron).settled();
    expect(purgedAt).toEqual([new Date(BOOT).toISOString()]);
    expect(a.get(SchedulerRegistry).getCronJob('login-purge').cronTime.source).toBe('0 30 4 * * *');

    const person = await prisma.person.findFirstOrThrow({ where: { email: CASUSREGISSEUR } });
    const sessions = a.get(SessionService);
    const throttle = a.get(LoginThrottle);
    const links = a.get(RequestLoginLinkUseCase);

    // Friday 10:00: a login that ends at 22:00 (12 hours), a link, two counted attempts.
    const expired = await sessions.start(person.id, 'test');
    await links.execute({ email: CASUSREGISSEUR });
    await throttle.attempt('link-request', { ip: '192.0.2.10', account: CASUSREGISSEUR }, '/login');
    // Friday 23:00: a login used once, idle ever since (refused after 30 minutes).
    clock.set('2026-05-01T23:00:00+02:00');
    const idle = await sessions.start(person.id, 'test');
    // Saturday 04:30, just before the cron: a fresh login, a fresh link (it replaces the unused
    // one) and an attempt in the window that has just begun.
    clock.set('2026-05-02T04:30:00.000+02:00');
    const fresh = await sessions.start(person.id, 'test');
    await links.execute({ email: CASUSREGISSEUR });
    await throttle.attempt('link-request', { ip: '192.0.2.10', account: CASUSREGISSEUR }, '/login');
    const freshLink = await prisma.loginToken.findFirstOrThrow({ where: { personId: person.id } });
    expect(await prisma.loginToken.count()).toBe(1);
    expect(await prisma.loginAttemptCounter.count()).toBe(4);
    expect(await prisma.userSession.count()).toBe(3);

    // Saturday 04:30 on both workers: one job for the night.
    const night = '2026-05-02T04:30:00.002+02:00';
    clock.set(night);
    const ids = await Promise.all(workers.map((w) => w.get(LoginPurgeCron).purgeDue()));
    expect(ids).toEqual(['login-purge|2026-05-02', 'login-purge|2026-05-02']);
    expect(await a.get(MaintenanceProducer).finished('login-purge', ids[0]!)).toBe('completed');
    expect(purgedAt).toEqual([new Date(BOOT).toISOString(), new Date(night).toISOString()]);
    const job = (await a.get(QueueConnection).queue(QUEUES.maintenance).getJob(ids[0]!))!;
    // The link of 04:30 is valid until 04:45, so no link goes; the Friday counters' window is over.
    expect(job.returnvalue).toEqual({ sessions: 2, loginTokens: 0, attemptCounters: 2 });

    const left = await prisma.userSession.findMany({ select: { tokenHash: true } });
    expect(left.map((s) => s.tokenHash)).toEqual([hashToken(fresh.token)]);
    expect(left.map((s) => s.tokenHash)).not.toContain(hashToken(expired.token));
    expect(left.map((s) => s.tokenHash)).not.toContain(hashToken(idle.token));
    expect(await sessions.resolve(fresh.token)).toMatchObject({ personId: person.id });
    const counters = await prisma.loginAttemptCounter.findMany({ select: { windowStart: true } });
    expect(counters.map((c) => c.windowStart.toISOString())).toEqual([
      '2026-05-02T02:30:00.000Z',
      '2026-05-02T02:30:00.000Z',
    ]);

    // At 05:01 the rest is over too: the session idle for 31 minutes, the link since 04:45, the
    // window since 04:45 (run directly: it is not a new night).
    clock.set('2026-05-02T05:01:00+02:00');
    expect(await a.get(PurgeExpiredLoginsUseCase).execute()).toEqual({
      sessions: 1,
      loginTokens: 1,
      attemptCounters: 2,
    });
    expect(await prisma.loginToken.findUnique({ where: { id: freshLink.id } })).toBeNull();
    expect(await sessions.resolve(fresh.token)).toBeUndefined();
  });
});
