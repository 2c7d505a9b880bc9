import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  INestApplicationContext,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { NestFactory } from '@nestjs/core';
import { DateTime } from 'luxon';
import {
  CompleteQualityCheckUseCase,
  MarkObligationDoneUseCase,
  SubmitFollowUpReportUseCase,
  ObligationsModule,
  SyncDossierObligationsUseCase,
  SweepRemindersUseCase,
  SendOutboxMailUseCase,
} from '@overlegtafels/application';
import { CoreModule } from '@overlegtafels/runtime';
import type { Principal } from '@overlegtafels/auth';
import { AppConfig, loadConfig } from '@overlegtafels/config';
import { getSession } from '@overlegtafels/domain';
import { MailSink } from '@overlegtafels/mail';
import { createPrismaClient, PrismaService } from '@overlegtafels/persistence';
import { asTransaction, type Tx } from '@overlegtafels/persistence/testing';
import { QueueConnection, QUEUES } from '@overlegtafels/queues';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import { ControlledClock, createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { ObligationsWorkerModule } from '../../apps/worker/src/obligations-worker.module';
import { MailProcessor } from '../../apps/worker/src/processors/mail.processor';

/**
 * One dossier's life over twenty simulated months, against PostgreSQL, the mail queue and an SMTP
 * sink: the dossier, decision and agenda-item rows are written as the agenda use cases would,
 * each change followed by syncDossier in the same transaction, and the reminder cron's sweep runs
 * on simulated time. The expected mails are those of the pure simulation in
 * libs/regions/src/co3-antwerpen/co3-antwerpen.obligations.spec.ts.
 *
 * The simulated hours are whole hours from the start; a sweep runs on every one at which something
 * can happen: a step of the script, a worker stopping or starting, or the first whole hour at or
 * after the earliest stored step that is still to be sent (what the sweep itself looks for). The
 * hours in between are skipped: a sweep there would find nothing due, which the run checks.
 */

const ZONE = 'Europe/Brussels';
const CODE = 'CO3-2026-0900';
const HOUR = 3_600_000;

const zdt = (local: string): Date => {
  const d = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!d.isValid) throw new Error(`bad test time ${local}`);
  return d.toJSDate();
};
const local = (d: Date): string => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
const dateOnly = (ymd: string): Date => new Date(`${ymd}T00:00:00Z`);

/** Runs the mail queue through the real mail processor (the other queues are not this suite's). */
@Injectable()
class MailQueueRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;

  constructor(
    @Inject(QueueConnection) private readonly connection: QueueConnection,
    @Inject(MailProcessor) private readonly processor: MailProcessor,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = this.connection.worker(
      QUEUES.mail,
      (job: Job) => this.processor.handlers[job.name as keyof MailProcessor['handlers']](job.data, job),
      2,
    );
    void this.worker.run();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

/** The worker without ScheduleModule or its host: the test calls the sweep itself, on simulated time. */
@Module({
  imports: [ObligationsWorkerModule],
  providers: [SendOutboxMailUseCase, MailProcessor, MailQueueRunner],
})
class TestWorkerModule {}

interface World {
  db: TestDatabase;
  config: AppConfig;
  sink: MailSink;
  dir: string;
  prisma: ReturnType<typeof createPrismaClient>;
  people: Record<'sara' | 'karim' | 'lotte' | 'jonas' | 'ines', string>;
  regionId: string;
}

async function createWorld(): Promise<World> {
  const db = await createTestDatabase({ seed: 'demo' });
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-obligations-'));
  const sink = new MailSink(path.join(dir, 'mail'));
  const smtpPort = await sink.start(0);
  const prefix = `ot_test_${db.name}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: undefined,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    DEMO_LOGIN: 'true',
    DATA_DIR: dir,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://localhost:3999',
  });
  await new QueueConnection({ redisUrl: undefined, databaseUrl: db.url, prefix }).prepare();
  const prisma = createPrismaClient(db.url, 2);
  const idOf = async (email: string) =>
    (await prisma.person.findFirstOrThrow({ where: { email }, select: { id: true } })).id;
  const people = {
    sara: await idOf('sara.elidrissi@example.org'),
    karim: await idOf('karim.bouzid@example.be'),
    lotte: await idOf('lotte.verbeke@example.be'),
    jonas: await idOf('jonas.maes@example.be'),
    ines: await idOf('ines.goossens@example.be'),
  };
  const regionId = (await prisma.region.findUniqueOrThrow({ where: { key: 'co3-antwerpen' } })).id;
  // The demo dossiers would have obligations of their own; this suite follows one dossier, so
  // they are taken back to before casusregie (nothing else for the sweeps to find).
  await prisma.dossier.updateMany({
    data: { casusregieStartDate: null, afrondingDate: null, afsluitingDate: null },
  });
  return { db, config, sink, dir, prisma, people, regionId };
}

async function context(
  world: World,
  clock: ControlledClock,
  worker: boolean,
): Promise<INestApplicationContext> {
  @Module({
    imports: [
      CoreModule.forRoot({ config: world.config, mailSink: world.sink, clock }),
      worker ? TestWorkerModule : ObligationsModule,
    ],
  })
  class Root {}
  const app = await NestFactory.createApplicationContext(Root, { logger: ['error'] });
  await app.init();
  return app;
}

function principal(world: World, who: 'sara' | 'lotte' | 'ines'): Principal {
  return {
    personId: world.people[who],
    regionId: world.regionId,
    displayName: who,
    email: `${who}@example.org`,
    organisationId: null,
    grants:
      who === 'sara'
        ? [{ role: 'casusregisseur', tableKey: null }]
        : who === 'ines'
          ? [{ role: 'strategisch-coordinator', tableKey: null }]
          : ['ico', 'weegploeg', 'ronde-tafel'].map((tableKey) => ({
              role: 'coordinator' as const,
              tableKey,
            })),
    sessionId: 'test',
    csrfToken: 'test',
  };
}

/** Writes rows for one dossier as the agenda and decision use cases would. */
class DossierDriver {
  dossierId = '';
  private readonly items = new Map<string, string>();

  constructor(
    private readonly world: World,
    private readonly api: () => INestApplicationContext,
  ) {}

  /** The change and the re-plan in one transaction, as the use cases of issue 4 do. */
  async change(work: (tx: Tx) => Promise<void>): Promise<void> {
    const app = this.api();
    await app.get(PrismaService).$transaction(async (tx) => {
      await work(tx);
      await app.get(SyncDossierObligationsUseCase).execute(asTransaction(tx), { dossierId: this.dossierId });
    });
  }

  async session(tx: Tx, tableKey: string, date: string, status: 'planned' | 'cancelled' = 'planned') {
    const table = CO3_ANTWERPEN.tables.find((t) => t.key === tableKey)!;
    const s = getSession(table, date, {});
    const scheduledStart = new Date(s.startMs);
    const existing = await tx.session.findFirst({
      where: { regionId: this.world.regionId, tableKey, scheduledStart },
      select: { id: true },
    });
    if (existing) {
      if (status === 'cancelled') {
        await tx.session.update({
          where: { id: existing.id },
          data: { status, cancelReason: 'Teamdag', cancelledAt: new Date() },
        });
      }
      return existing.id;
    }
    const row = await tx.session.create({
      data: {
        regionId: this.world.regionId,
        tableKey,
        scheduledStart,
        startsAt: scheduledStart,
        endsAt: new Date(s.endMs),
        status,
        ...(status === 'cancelled' && { cancelReason: 'Teamdag', cancelledAt: new Date() }),
      },
      select: { id: true },
    });
    return row.id;
  }

  async create(tx: Tx): Promise<void> {
    const row = await tx.dossier.create({
      data: { code: CODE, regionId: this.world.regionId, aanmelderId: this.world.people.karim },
      select: { id: true },
    });
    this.dossierId = row.id;
  }

  async agendeer(tx: Tx, ref: string, tableKey: string, itemType: string, sessionDate: string, at: string) {
    const sessionId = await this.session(tx, tableKey, sessionDate);
    const item = await tx.agendaItem.create({
      data: {
        sessionId,
        dossierId: this.dossierId,
        tableKey,
        itemType,
        durationMinutes: 30,
        position: 1,
        submittedAt: zdt(at),
        submittedById: this.world.people.sara,
      },
      select: { id: true },
    });
    this.items.set(ref, item.id);
  }

  async decide(
    tx: Tx,
    ref: string,
    kind: 'met_casusregie' | 'pva_besproken' | 'afronding_goedgekeurd' | 'afsluiting_bevestigd',
    at: string,
    extra: { terugkomdatum?: string; startDate?: string } = {},
  ) {
    const agendaItemId = this.items.get(ref)!;
    const item = await tx.agendaItem.update({
      where: { id: agendaItemId },
      data: { status: 'discussed' },
      select: { tableKey: true },
    });
    await tx.decision.create({
      data: {
        agendaItemId,
        decidedItemId: agendaItemId,
        dossierId: this.dossierId,
        tableKey: item.tableKey,
        kind,
        decidedAt: zdt(at),
        decidedById: this.world.people.lotte,
        ...(extra.terugkomdatum && { terugkomdatum: dateOnly(extra.terugkomdatum) }),
        ...(extra.startDate && {
          startDate: dateOnly(extra.startDate),
          casusregisseurId: this.world.people.sara,
        }),
      },
    });
  }

  async dossier(tx: Tx, data: Parameters<Tx['dossier']['update']>[0]['data']) {
    await tx.dossier.update({ where: { id: this.dossierId }, data });
  }
}

type Step = [
  at: string,
  run: (d: DossierDriver, world: World, api: INestApplicationContext) => Promise<void>,
];

async function markDone(
  api: INestApplicationContext,
  world: World,
  who: 'sara' | 'lotte',
  ruleKey: string,
  sequence: number,
  dossierId: string,
  note: string,
) {
  const o = await world.prisma.followUpObligation.findUniqueOrThrow({
    where: { dossierId_life_ruleKey_sequence: { dossierId, life: 1, ruleKey, sequence } },
    select: { id: true },
  });
  const result = await api.get(MarkObligationDoneUseCase).execute(principal(world, who), {
    obligationId: o.id,
    note,
    route: 'test',
  });
  expect(result).toMatchObject({ ok: true });
}

const obligationId = async (world: World, dossierId: string, ruleKey: string) =>
  (
    await world.prisma.followUpObligation.findUniqueOrThrow({
      where: { dossierId_life_ruleKey_sequence: { dossierId, life: 1, ruleKey, sequence: 0 } },
      select: { id: true },
    })
  ).id;

/** What happens in the dossier's life, when (Brussels wall time). */
const SCRIPT: Step[] = [
  [
    '2026-01-16 10:00',
    async (d) => {
      await d.change(async (tx) => {
        await d.create(tx);
        await d.agendeer(tx, 'ico', 'ico', 'aanmelding', '2026-01-30', '2026-01-16 10:00');
      });
    },
  ],
  // The ICO decides instroom with casusregie; consent is verified there; casusregie starts a week later.
  [
    '2026-01-30 11:10',
    async (d, w) => {
      await d.change(async (tx) => {
        await d.decide(tx, 'ico', 'met_casusregie', '2026-01-30 11:10', { startDate: '2026-02-06' });
        await d.dossier(tx, {
          phase: 'casusregie',
          casusregisseurId: w.people.sara,
          casusregieStartDate: dateOnly('2026-02-06'),
          consentVerifiedAt: zdt('2026-01-30 11:10'),
          consentVerifiedById: w.people.sara,
          childrenOver12: 1,
          ocjSdjConsulentInvolved: true,
        });
      });
    },
  ],
  [
    '2026-03-12 15:00',
    async (d) => {
      await d.change((tx) => d.dossier(tx, { childrenOver12HeardAt: zdt('2026-03-12 15:00') }));
    },
  ],
  // A coordinator cancels the Weegploeg the first plan was due for; the cancel use case re-plans
  // every dossier whose open obligations hang on that table.
  [
    '2026-03-20 09:00',
    async (d, _w, api) => {
      await api.get(PrismaService).$transaction(async (tx) => {
        await d.session(tx, 'weegploeg', '2026-04-21', 'cancelled');
        await api
          .get(SyncDossierObligationsUseCase)
          .executeForTable(asTransaction(tx), { tableKey: 'weegploeg' });
      });
    },
  ],
  [
    '2026-04-20 16:00',
    async (d) => {
      await d.change((tx) =>
        d.agendeer(tx, 'pva', 'weegploeg', 'plan-van-aanpak', '2026-05-05', '2026-04-20 16:00'),
      );
    },
  ],
  [
    '2026-05-04 11:00',
    async (d, w, api) => {
      await markDone(api, w, 'sara', 'afstemming-consulent', 0, d.dossierId, 'Afstemming met de consulent');
    },
  ],
  [
    '2026-05-05 14:20',
    async (d) => {
      await d.change((tx) =>
        d.decide(tx, 'pva', 'pva_besproken', '2026-05-05 14:20', { terugkomdatum: '2026-06-18' }),
      );
    },
  ],
  [
    '2026-06-10 10:00',
    async (d) => {
      await d.change((tx) =>
        d.agendeer(tx, 'rt1', 'ronde-tafel', 'opvolging', '2026-06-18', '2026-06-10 10:00'),
      );
    },
  ],
  // The second alignment is forgotten until the escalations bring it back.
  [
    '2026-08-20 14:00',
    async (d, w, api) => {
      await markDone(api, w, 'sara', 'afstemming-consulent', 1, d.dossierId, 'Telefonisch afgestemd');
    },
  ],
  // Annex B: with a consulent involved, they align before the afronding goes to the Weegploeg
  // (recorded as RecordConsulentConsultation does), so the afronding can be approved.
  [
    '2026-08-24 10:00',
    async (d, w) => {
      await d.change(async (tx) => {
        await d.dossier(tx, {
          consulentConsultedOn: dateOnly('2026-08-20'),
          consulentConsultationNote: 'Afronding afgestemd met de consulent',
          consulentConsultedById: w.people.sara,
        });
        await d.agendeer(tx, 'afr', 'weegploeg', 'afronding', '2026-09-08', '2026-08-24 10:00');
      });
    },
  ],
  [
    '2026-09-08 15:40',
    async (d) => {
      await d.change(async (tx) => {
        await d.decide(tx, 'afr', 'afronding_goedgekeurd', '2026-09-08 15:40');
        await d.dossier(tx, { phase: 'afgerond', afrondingDate: dateOnly('2026-09-08') });
      });
    },
  ],
  // Only from the deadline of the Ronde Tafel of 4 March (Friday 26 February 12:00) is that of
  // 11 March, the first on or after afronding + 6 months, the next open one: the use case would
  // refuse it earlier (test/integration/dossier-year.int-spec.ts drives that through the use
  // cases). On the Monday of that week, after the first reminder.
  [
    '2027-03-01 09:00',
    async (d) => {
      await d.change((tx) =>
        d.agendeer(tx, 'afs', 'ronde-tafel', 'afsluiting', '2027-03-11', '2027-03-01 09:00'),
      );
    },
  ],
  [
    '2027-03-10 10:00',
    async (d, w, api) => {
      // The six-month report, through its form: the Ronde Tafel's coordinators are told.
      await api.get(SubmitFollowUpReportUseCase).execute(principal(w, 'sara'), {
        obligationId: await obligationId(w, d.dossierId, 'controle-zes-maanden-na-afronding'),
        report: { started: 'ja', helpKinds: ['cgg'], remarks: 'Vervolghulp loopt' },
        route: 'test',
      });
    },
  ],
  [
    '2027-03-11 11:30',
    async (d) => {
      await d.change(async (tx) => {
        await d.decide(tx, 'afs', 'afsluiting_bevestigd', '2027-03-11 11:30');
        await d.dossier(tx, { phase: 'afgesloten', afsluitingDate: dateOnly('2027-03-11') });
      });
    },
  ],
  [
    '2027-04-07 16:00',
    async (d, w, api) => {
      // The strategic coordinator's last check (guide V.D).
      await api.get(CompleteQualityCheckUseCase).execute(principal(w, 'ines'), {
        obligationId: await obligationId(w, d.dossierId, 'kwaliteitscontrole'),
        check: {
          checks: {
            instemming: true,
            'plan-van-aanpak': true,
            afronding: true,
            vervolghulp: true,
            afsluiting: true,
          },
        },
        route: 'test',
      });
    },
  ],
];

/** Every mail of the undisturbed life: `<Brussels time> <kind> <obligation> → <recipients>`. */
const EXPECTED = [
  // The Weegploeg of 21 April was cancelled on 20 March: the plan is due for the one of 5 May
  // (deadline Monday 27 April 12:00), so its 14-day reminder is on 13 April.
  '2026-04-13T08:00 reminder eerste-plan-van-aanpak#0 → sara',
  '2026-04-22T08:00 reminder afstemming-consulent#0 → sara',
  // Terugkomdatum Thursday 18 June: agendering until Friday 12 June 12:00.
  '2026-05-29T08:00 reminder ronde-tafel-na-weegploeg#0 → sara',
  '2026-06-10T08:00 reminder ronde-tafel-na-weegploeg#0 → sara',
  '2026-07-21T08:00 reminder afstemming-consulent#1 → sara',
  '2026-08-04T08:00 reminder afstemming-consulent#1 → sara',
  // Ignored: the Ronde Tafel coordinators hear of it every week until it is done.
  '2026-08-05T08:00 escalation afstemming-consulent#1 → jonas, lotte',
  '2026-08-12T08:00 escalation afstemming-consulent#1 → jonas, lotte',
  '2026-08-19T08:00 escalation afstemming-consulent#1 → jonas, lotte',
  // The optional check after the afronding: reminded, never escalated.
  '2026-11-20T08:00 reminder opvolging-na-afronding#0 → sara',
  '2026-12-04T08:00 reminder opvolging-na-afronding#0 → sara',
  '2027-02-22T08:00 reminder controle-zes-maanden-na-afronding#0 → sara',
  // Four days before its due date (Friday 5 March 12:00), inside the agendering window.
  '2027-03-01T08:00 reminder afsluiting#0 → sara',
  // Two days before Monday 8 March is a Saturday: the Friday before.
  '2027-03-05T08:00 reminder controle-zes-maanden-na-afronding#0 → sara',
  '2027-03-08T08:00 reminder controle-zes-maanden-na-afronding#0 → sara',
  '2027-03-09T08:00 escalation controle-zes-maanden-na-afronding#0 → jonas, lotte',
  // The quality check belongs to the region's strategic coordinators (guide V.D).
  '2027-04-01T08:00 reminder kwaliteitscontrole#0 → ines',
];

interface LifeOptions {
  /** The worker is stopped at `from` and started again (as two workers) at `until`. */
  outage?: { from: string; until: string };
}

interface LifeRun {
  mails: string[];
  /** Snapshots taken along the way, by name. */
  checks: Record<string, unknown>;
  dossierId: string;
}

async function live(world: World, options: LifeOptions = {}): Promise<LifeRun> {
  const clock = new ControlledClock(zdt('2026-01-12 00:00'));
  const api = await context(world, clock, false);
  let workers: INestApplicationContext[] = [await context(world, clock, true)];
  const driver = new DossierDriver(world, () => api);
  const checks: Record<string, unknown> = {};
  const snapshot = async (ruleKey: string) => {
    const o = await world.prisma.followUpObligation.findFirstOrThrow({
      where: { dossierId: driver.dossierId, ruleKey, sequence: 0 },
      select: { dueAt: true, sessionKey: true, status: true },
    });
    return { due: local(o.dueAt), sessionKey: o.sessionKey, status: o.status };
  };
  const outageFrom = options.outage ? zdt(options.outage.from).getTime() : Infinity;
  const outageUntil = options.outage ? zdt(options.outage.until).getTime() : Infinity;
  const start = clock.now().getTime();
  const end = zdt('2027-09-12 00:00').getTime();
  /** The first simulated hour at or after `ms`. */
  const onTheHour = (ms: number) => start + Math.ceil((ms - start) / HOUR) * HOUR;
  /** When the sweep next finds a step to send: the earliest unsent step of an open obligation. */
  const nextStoredStep = async (): Promise<number> => {
    const step = await world.prisma.obligationReminder.findFirst({
      where: { enqueuedAt: null, obligation: { status: 'open' } },
      orderBy: { sendAt: 'asc' },
      select: { sendAt: true },
    });
    return step ? step.sendAt.getTime() : Infinity;
  };
  let next = 0;
  try {
    for (let t = start; t < end;) {
      while (next < SCRIPT.length && zdt(SCRIPT[next]![0]).getTime() <= t) {
        const [at, run] = SCRIPT[next]!;
        clock.set(zdt(at));
        await run(driver, world, api);
        if (at === '2026-03-20 09:00') checks.afterCancel = await snapshot('eerste-plan-van-aanpak');
        next++;
      }
      clock.set(new Date(t));
      if (t === outageFrom) {
        for (const w of workers) await w.close();
        workers = [];
      }
      if (t === outageUntil) {
        // Two workers come back at once; both sweep on every tick from now on: sweeps of
        // different minutes can overlap, and the sweep itself never sends a step twice.
        workers = [await context(world, clock, true), await context(world, clock, true)];
      }
      for (const w of workers) {
        const swept = await w.get(SweepRemindersUseCase).execute();
        if (swept.failed > 0)
          throw new Error(`sweep at ${local(new Date(t))}: ${swept.failed} obligations failed`);
      }
      // The next hour at which anything can happen. Without a worker only the script and the
      // restart can; a step that falls due meanwhile waits for the restart, as it would.
      const moments = [end];
      if (outageFrom > t) moments.push(outageFrom);
      if (outageUntil > t) moments.push(outageUntil);
      if (next < SCRIPT.length) moments.push(onTheHour(zdt(SCRIPT[next]![0]).getTime()));
      if (workers.length > 0) moments.push(Math.max(t + HOUR, onTheHour(await nextStoredStep())));
      const following = Math.min(...moments);
      // What is skipped must be nothing: a sweep on the last hour skipped would find no step due.
      if (workers.length > 0 && following - HOUR > t) {
        const due = await api.get(SweepRemindersUseCase).findDue(new Date(following - HOUR));
        if (due.length > 0)
          throw new Error(`skipped a sweep with steps due at ${local(new Date(following - HOUR))}`);
      }
      t = following;
    }
  } finally {
    for (const w of workers) await w.close();
    await api.close();
  }
  const names = new Map(Object.entries(world.people).map(([name, id]) => [id, name]));
  const steps = await world.prisma.obligationReminder.findMany({
    where: { obligation: { dossierId: driver.dossierId }, enqueuedAt: { not: null }, superseded: false },
    select: {
      stepKey: true,
      enqueuedAt: true,
      obligationId: true,
      obligation: { select: { ruleKey: true, sequence: true } },
    },
    orderBy: [{ enqueuedAt: 'asc' }, { stepKey: 'asc' }],
  });
  const outbox = await world.prisma.mailOutbox.findMany({
    where: { dossierId: driver.dossierId, purpose: { startsWith: 'obligation-' } },
    select: { recipientPersonId: true, payload: true },
  });
  const mails = steps.map((s) => {
    const to = outbox
      .filter((m) => {
        const p = m.payload as { obligationId?: string; stepKey?: string };
        return p.obligationId === s.obligationId && p.stepKey === s.stepKey;
      })
      .map((m) => names.get(m.recipientPersonId ?? '') ?? '?')
      .sort();
    return `${local(s.enqueuedAt!)} ${s.stepKey.split('-')[0]} ${s.obligation.ruleKey}#${s.obligation.sequence} → ${to.join(', ')}`;
  });
  // None twice: one outbox row per step and recipient, and nothing that is not a handled step.
  checks.outboxRows = outbox.length;
  checks.recipientsCounted = mails.reduce((n, m) => n + m.split('→ ')[1]!.split(', ').length, 0);
  return { mails, checks, dossierId: driver.dossierId };
}

describe('follow-up obligations over one dossier’s life (20 simulated months)', () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.prisma.$disconnect();
    await world?.sink.stop();
    await world?.db.drop();
    if (world) rmSync(world.dir, { recursive: true, force: true });
  });

  it('sends every reminder on its day to the right people, none twice, escalates what is ignored and re-plans a cancelled session', async () => {
    const run = await live(world);
    expect(run.mails).toEqual(EXPECTED);
    expect(run.checks.afterCancel).toEqual({
      due: '2026-04-27T12:00',
      sessionKey: 'weegploeg:2026-05-05',
      status: 'open',
    });
    expect(run.checks.outboxRows).toBe(run.checks.recipientsCounted);

    // What was left at the end: everything done or no longer applicable, nothing open.
    const final = await world.prisma.followUpObligation.findMany({
      where: { dossierId: run.dossierId },
      select: { ruleKey: true, sequence: true, status: true, fulfilmentKind: true },
      orderBy: [{ ruleKey: 'asc' }, { sequence: 'asc' }],
    });
    expect(
      final.map((o) => `${o.ruleKey}#${o.sequence} ${o.status} ${o.fulfilmentKind ?? ''}`.trim()),
    ).toEqual([
      'afsluiting#0 fulfilled agenda-item',
      'afstemming-consulent#0 fulfilled manual',
      'afstemming-consulent#1 fulfilled manual',
      'afstemming-consulent#2 cancelled',
      'consulent-voor-afronding#0 fulfilled event',
      'controle-zes-maanden-na-afronding#0 fulfilled form',
      'eerste-plan-van-aanpak#0 fulfilled agenda-item',
      'instemming-volwassene#0 fulfilled event',
      'kinderen-boven-12-gehoord#0 fulfilled event',
      'kwaliteitscontrole#0 fulfilled form',
      'opvolging-na-afronding#0 cancelled',
      'ronde-tafel-na-weegploeg#0 fulfilled agenda-item',
      'tussentijdse-evaluatie#0 cancelled',
    ]);

    // The mails themselves: codes only in the subject, the pre-filled form or the follow-up page.
    const outbox = await world.prisma.mailOutbox.findMany({
      where: { dossierId: run.dossierId, purpose: { startsWith: 'obligation-' } },
      select: {
        subject: true,
        body: { select: { textBody: true } },
        recipientEmail: true,
        purpose: true,
        payload: true,
        status: true,
      },
      orderBy: { createdAt: 'asc' },
    });
    const first = outbox[0]!;
    expect(first.subject).toBe('Herinnering: CO3-2026-0900 – uiterlijk 27 april 2026 – CO3 Antwerpen');
    expect(first.recipientEmail).toBe('sara.elidrissi@example.org');
    expect(first.body.textBody).toContain(
      'http://localhost:3999/agendering/nieuw?dossier=CO3-2026-0900&tafel=weegploeg&type=plan-van-aanpak',
    );
    expect(first.body.textBody).toContain('uiterlijk op maandag 27 april 2026');
    const alignment = outbox.find(
      (m) => m.purpose === 'obligation-reminder' && m.body.textBody.includes('consulent'),
    )!;
    expect(alignment.body.textBody).toContain('http://localhost:3999/opvolging');
    const escalation = outbox.find((m) => m.purpose === 'obligation-escalation')!;
    expect(escalation.subject).toBe(
      'Termijn verstreken: CO3-2026-0900 – uiterlijk 4 augustus 2026 – CO3 Antwerpen',
    );
    expect(escalation.body.textBody).toContain('Die termijn is gisteren verstreken');
    expect(escalation.body.textBody).toContain('Verantwoordelijke: Sara El Idrissi');
    expect(escalation.body.textBody).toContain('http://localhost:3999/coordinatie');
    for (const m of outbox) {
      expect(Object.keys(m.payload as object).sort()).toEqual(['dossierId', 'obligationId', 'stepKey']);
      expect(m.subject).not.toMatch(/Sara|Idrissi|consulent|kinderen/i);
    }
    // The six-month report reached the coordinators of the Ronde Tafel.
    const reports = await world.prisma.mailOutbox.findMany({
      where: { dossierId: run.dossierId, purpose: 'follow-up-report' },
      select: { recipientEmail: true, subject: true },
      orderBy: { recipientEmail: 'asc' },
    });
    expect(reports).toEqual([
      { recipientEmail: 'jonas.maes@example.be', subject: 'Vervolghulp: CO3-2026-0900 – CO3 Antwerpen' },
      { recipientEmail: 'lotte.verbeke@example.be', subject: 'Vervolghulp: CO3-2026-0900 – CO3 Antwerpen' },
    ]);
    // Through the queue to SMTP: every one of them, once.
    await expectDelivered(world, outbox.length + reports.length);
  }, 600_000);

  it('after a two-week worker outage sends what fell due once, when two workers come back', async () => {
    await world.prisma.$executeRawUnsafe(`DELETE FROM obligation_reminders`);
    await world.prisma.$executeRawUnsafe(`DELETE FROM mail_outbox`);
    await world.prisma.$executeRawUnsafe(`DELETE FROM obligation_reports`);
    await world.prisma.$executeRawUnsafe(`DELETE FROM follow_up_obligations`);
    await world.prisma.$executeRawUnsafe(`DELETE FROM decisions`);
    await world.prisma.$executeRawUnsafe(`DELETE FROM agenda_items`);
    await world.prisma.$executeRawUnsafe(`DELETE FROM dossiers WHERE code = '${CODE}'`);
    const run = await live(world, { outage: { from: '2026-07-30 00:00', until: '2026-08-13 00:00' } });
    const expected = EXPECTED.flatMap((line) => {
      // Down from 30 July to 13 August: the reminder of 4 August and the escalation of 12 August
      // (the latest of each kind) go out once at the restart; the escalation of 5 August is
      // superseded by the later one and not sent on its own.
      if (line.startsWith('2026-08-04T08:00')) return [line.replace('2026-08-04T08:00', '2026-08-13T00:00')];
      if (line.startsWith('2026-08-05T08:00')) return [];
      if (line.startsWith('2026-08-12T08:00')) return [line.replace('2026-08-12T08:00', '2026-08-13T00:00')];
      return [line];
    });
    // Sent in the same sweep: listed by step key, escalation before reminder.
    expected.sort((a, b) => a.slice(0, 16).localeCompare(b.slice(0, 16)) || a.localeCompare(b));
    expect(run.mails).toEqual(expected);
    expect(run.checks.outboxRows).toBe(run.checks.recipientsCounted);
    const superseded = await world.prisma.obligationReminder.findMany({
      where: { obligation: { dossierId: run.dossierId }, superseded: true },
      select: { stepKey: true, enqueuedAt: true },
    });
    expect(superseded.map((s) => `${s.stepKey} ${local(s.enqueuedAt!)}`)).toEqual([
      'escalation-1-due-2026-08-04 2026-08-13T00:00',
    ]);
    const escalation = await world.prisma.mailOutbox.findFirstOrThrow({
      where: { dossierId: run.dossierId, purpose: 'obligation-escalation' },
      orderBy: { createdAt: 'asc' },
      select: { body: { select: { textBody: true } } },
    });
    // The catch-up mail says how things stand now.
    expect(escalation.body.textBody).toContain('Die termijn is 9 dagen geleden verstreken');
  }, 600_000);
});

async function expectDelivered(world: World, count: number): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    const caught = (await world.sink.list(1000)).filter((m) => m.subject.includes(CODE));
    if (caught.length === count) {
      expect(new Set(caught.map((m) => m.messageId)).size).toBe(count);
      return;
    }
    if (caught.length > count)
      throw new Error(`${caught.length} mails caught for ${CODE}, expected ${count}`);
    if (Date.now() > until) throw new Error(`only ${caught.length} of ${count} mails reached SMTP`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
