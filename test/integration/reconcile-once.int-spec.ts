import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  ObligationRules,
  ReconcileObligationsUseCase,
  SyncDossierObligationsUseCase,
} from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { MaintenanceProducer, QueueConnection, QUEUES } from '@overlegtafels/queues';
import { CoreModule } from '@overlegtafels/runtime';
import { ControlledClock } from '@overlegtafels/testing';
import { ReminderCron } from '../../apps/worker/src/crons/reminder.cron';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

const BOOT = '2026-05-01T10:00:00.000+02:00';

/**
 * The nightly re-plan on two workers (issue #18): one job per night and rules version, however
 * many workers start or fire the cron; the first run re-plans every dossier, the next only those
 * changed since (a dossier changed through a use case is re-planned, the others are not), and a
 * run under other rules than the last one's re-plans every dossier again. Counted on the use cases.
 */
describe('the obligation re-plan across workers', () => {
  const clock = new ControlledClock(BOOT);
  let t: TestApp;
  let prisma: ReturnType<typeof createPrismaClient>;
  let second: INestApplicationContext;
  /** Each re-plan run (the clock's reading) and the dossiers it synced. */
  const runs: { at: string; synced: string[] }[] = [];
  let current: string[] | undefined;

  beforeAll(async () => {
    const reconcile = ReconcileObligationsUseCase.prototype.execute;
    jest.spyOn(ReconcileObligationsUseCase.prototype, 'execute').mockImplementation(async function (
      this: ReconcileObligationsUseCase,
      ...args
    ) {
      const run = { at: clock.now().toISOString(), synced: [] as string[] };
      runs.push(run);
      current = run.synced;
      try {
        return await reconcile.apply(this, args);
      } finally {
        current = undefined;
      }
    });
    const sync = SyncDossierObligationsUseCase.prototype.execute;
    jest.spyOn(SyncDossierObligationsUseCase.prototype, 'execute').mockImplementation(function (
      this: SyncDossierObligationsUseCase,
      ...args
    ) {
      current?.push(args[1].dossierId);
      return sync.apply(this, args);
    });
    // The api with a worker in its process, and a second worker on the same database and queues.
    t = await startTestApp({ clock });
    @Module({ imports: [CoreModule.forRoot({ config: t.config, mailSink: t.sink, clock }), WorkerModule] })
    class SecondWorker {}
    second = await NestFactory.createApplicationContext(SecondWorker, { logger: ['error'] });
    for (const app of [t.app, second])
      for (const job of app.get(SchedulerRegistry).getCronJobs().values()) await job.stop();
    prisma = createPrismaClient(t.db.url, 1);
  }, 90_000);

  afterAll(async () => {
    await second?.close();
    jest.restoreAllMocks();
    await prisma?.$disconnect();
    await t?.close();
  });

  const workers = () => [t.app, second];
  const eligible = async () =>
    (
      await prisma.dossier.findMany({
        where: {
          OR: [
            { casusregieStartDate: { not: null } },
            { casusregiePlannedStartDate: { not: null } },
            { obligations: { some: {} } },
          ],
        },
        select: { id: true },
        orderBy: { id: 'asc' },
      })
    ).map((d) => d.id);

  it('re-plans once when two workers start, every dossier the first time', async () => {
    for (const w of workers()) await w.get(ReminderCron).reconcileSettled();
    expect(runs.map((r) => r.at)).toEqual([new Date(BOOT).toISOString()]);
    const version = t.app.get(ObligationRules).version;
    const jobId = `obligation-reconcile|2026-05-01|${version}`;
    const job = (await t.app.get(QueueConnection).queue(QUEUES.maintenance).getJob(jobId))!;
    const all = await eligible();
    expect(all.length).toBeGreaterThan(1);
    expect(job.returnvalue).toEqual({ dossiers: all.length, changed: expect.any(Number), full: true });
    expect([...runs[0]!.synced].sort()).toEqual(all);
    const ledger = await prisma.obligationReconcile.findMany();
    expect(ledger).toEqual([expect.objectContaining({ rulesVersion: version, dossiers: all.length })]);
  });

  it('re-plans the next night once, on both workers’ cron, and only the dossier that changed', async () => {
    // Sara records the consent for CO3-2026-0001: the use case re-plans it in its transaction.
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const consent = await sara.post('/api/dossiers/CO3-2026-0001/instemming', {
      givenBy: 'moeder',
      verifiedOn: '2026-04-30',
      adultFamilyMember: true,
    });
    expect(consent.status).toBe(200);
    const changed = await prisma.dossier.findUniqueOrThrow({ where: { code: 'CO3-2026-0001' } });

    clock.set('2026-05-02T03:30:00.003+02:00');
    const ids = await Promise.all(workers().map((w) => w.get(ReminderCron).reconcile()));
    const version = t.app.get(ObligationRules).version;
    expect(ids).toEqual([
      `obligation-reconcile|2026-05-02|${version}`,
      `obligation-reconcile|2026-05-02|${version}`,
    ]);
    expect(await t.app.get(MaintenanceProducer).finished('obligation-reconcile', ids[0]!)).toBe('completed');
    expect(runs).toHaveLength(2);
    expect(runs[1]!.synced).toEqual([changed.id]);
    const job = (await t.app.get(QueueConnection).queue(QUEUES.maintenance).getJob(ids[0]!))!;
    // Synced with the consent already: nothing left to change, one dossier visited of them all.
    expect(job.returnvalue).toEqual({ dossiers: 1, changed: 0, full: false });
    // A worker that starts later that day finds the night done.
    clock.set('2026-05-02T15:00:00+02:00');
    expect(await second.get(ReminderCron).reconcile()).toBe(ids[0]);
    await second.get(ReminderCron).reconcileSettled();
    expect(runs).toHaveLength(2);
  });

  it('re-plans every dossier again when the last run was under other rules', async () => {
    await prisma.obligationReconcile.updateMany({ data: { rulesVersion: 'earlier-rules' } });
    clock.set('2026-05-03T03:30:00.001+02:00');
    const [id] = await Promise.all(workers().map((w) => w.get(ReminderCron).reconcile()));
    expect(await t.app.get(MaintenanceProducer).finished('obligation-reconcile', id!)).toBe('completed');
    expect(runs).toHaveLength(3);
    expect([...runs[2]!.synced].sort()).toEqual(await eligible());
    const job = (await t.app.get(QueueConnection).queue(QUEUES.maintenance).getJob(id!))!;
    expect(job.returnvalue).toMatchObject({ full: true, changed: 0 });
    // And the night after, nothing changed: nothing visited.
    clock.set('2026-05-04T03:30:00.001+02:00');
    const [next] = await Promise.all(workers().map((w) => w.get(ReminderCron).reconcile()));
    expect(await t.app.get(MaintenanceProducer).finished('obligation-reconcile', next!)).toBe('completed');
    expect(runs[3]!.synced).toEqual([]);
  });
});
