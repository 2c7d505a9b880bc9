import { existsSync } from 'node:fs';
import path from 'node:path';
import { DestroyExpiredDossiersUseCase, DossierRetention, UnitOfWork } from '@overlegtafels/application';
import { createPrismaClient, verifyAuditChain } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { runCli } from '../../apps/cli/src/main';
import { RetentionCommand } from '../../apps/cli/src/commands/retention.command';
import { RetentionCron } from '../../apps/worker/src/crons/retention.cron';
import { fileFamilyAanmelding } from '../support/family-aanmelding';
import { pageUser, tinyPdf } from '../support/page-client';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Retention (issue #17, item 9) end to end: three fictitious families are referred over the API
 * to the ICO of Friday 4 December 2026; the ICO decides "geen ketenaanpak" for two of them (one
 * recorded that Friday, one the Monday after), the third stays on its way. A year on, the
 * controlled clock makes the first due (CO3: one year after "geen ketenaanpak", a choice stated in
 * the README): the dry run lists it alone and changes nothing; the run removes every row that
 * hung off it, keeps the others, writes one tombstone without content and leaves the audit chain
 * intact. Three days later the nightly job, enqueued by two workers' crons and raced by a manual
 * run, destroys the second once.
 */

const clock = new ControlledClock('2026-11-23T09:00:00+01:00');

/** Rows that belong to a dossier, per table, found by its id, its agendapunten and aanmeldingen. */
async function rowsOf(
  db: ReturnType<typeof createPrismaClient>,
  dossierId: string,
  code: string,
  itemIds: string[],
  aanmeldingIds: string[],
) {
  const q = async (sql: string, ...params: unknown[]) =>
    Number(((await db.$queryRawUnsafe(sql, ...params)) as { n: bigint }[])[0]!.n);
  const d = 'WHERE dossier_id = $1::uuid';
  const items = 'WHERE agenda_item_id = ANY($1::uuid[])';
  return {
    dossiers: await q('SELECT count(*) n FROM dossiers WHERE id = $1::uuid', dossierId),
    aanmeldingen: await q(`SELECT count(*) n FROM aanmeldingen ${d}`, dossierId),
    aanmelding_clients: await q(
      'SELECT count(*) n FROM aanmelding_clients WHERE aanmelding_id = ANY($1::uuid[])',
      aanmeldingIds,
    ),
    agenda_items: await q(`SELECT count(*) n FROM agenda_items ${d}`, dossierId),
    agenda_item_guests: await q(`SELECT count(*) n FROM agenda_item_guests ${items}`, itemIds),
    item_preparations: await q(`SELECT count(*) n FROM item_preparations ${items}`, itemIds),
    item_minutes: await q(`SELECT count(*) n FROM item_minutes ${items}`, itemIds),
    agendering_briefs: await q(`SELECT count(*) n FROM agendering_briefs ${items}`, itemIds),
    decisions: await q(`SELECT count(*) n FROM decisions ${d}`, dossierId),
    documents: await q(`SELECT count(*) n FROM documents ${d}`, dossierId),
    plan_van_aanpak: await q(`SELECT count(*) n FROM plannen_van_aanpak ${d}`, dossierId),
    plan_van_aanpak_versions: await q(`SELECT count(*) n FROM plan_van_aanpak_versions ${d}`, dossierId),
    risk_pictures: await q(`SELECT count(*) n FROM risk_pictures ${d}`, dossierId),
    follow_up_obligations: await q(`SELECT count(*) n FROM follow_up_obligations ${d}`, dossierId),
    obligation_reports: await q(`SELECT count(*) n FROM obligation_reports ${d}`, dossierId),
    casusregisseur_changes: await q(`SELECT count(*) n FROM casusregisseur_changes ${d}`, dossierId),
    child_hearings: await q(`SELECT count(*) n FROM child_hearings ${d}`, dossierId),
    mail_outbox: await q(
      'SELECT count(*) n FROM mail_outbox WHERE dossier_id = $1::uuid OR agenda_item_id = ANY($2::uuid[])',
      dossierId,
      itemIds,
    ),
    form_submissions: await q(
      `SELECT count(*) n FROM form_submissions WHERE result_id = ANY($1::text[]) OR result::text LIKE $2`,
      [dossierId, ...itemIds, ...aanmeldingIds],
      `%"${code}"%`,
    ),
  };
}

describe('retention: ended dossiers are destroyed after their period, with a tombstone', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const family = { due: { code: '', item: '' }, later: { code: '', item: '' }, kept: { code: '', item: '' } };
  const ids: Record<keyof typeof family, { dossierId: string; itemIds: string[]; aanmeldingIds: string[] }> =
    {} as never;
  let before: Record<string, number>;
  let keptBefore: Record<string, number>;

  const useCase = () => t.app.get(DestroyExpiredDossiersUseCase);
  const rows = (key: keyof typeof family) =>
    rowsOf(db, ids[key].dossierId, family[key].code, ids[key].itemIds, ids[key].aanmeldingIds);
  const tombstones = (dossierId: string) =>
    db.auditEvent.findMany({ where: { action: 'dossier.destroyed', dossierId }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 2);
    for (const key of Object.keys(family) as (keyof typeof family)[]) {
      const filed = await fileFamilyAanmelding(t, [
        { label: 'Persoon A', role: 'slachtoffer', age: 30 },
        { label: 'Persoon B', role: 'pleger', age: 32 },
      ]);
      family[key] = { code: filed.dossierCode, item: filed.agendaItemId };
    }
    // The ICO of Friday 4 December 2026 has started: "geen ketenaanpak" for the first family.
    clock.set('2026-12-04T09:40:00+01:00');
    const decide = async (key: keyof typeof family) => {
      const lotte = await loginAs(t, 'lotte.verbeke@example.be');
      // With a one-time key, as a form sends it: the submission ledger keeps a row that names it.
      const res = await fetch(`${t.baseUrl}/api/agenda-items/${family[key].item}/decision`, {
        method: 'POST',
        headers: {
          cookie: lotte.cookie,
          'x-csrf-token': lotte.csrfToken,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': `retention-${key}-decision`,
        },
        body: JSON.stringify({
          kind: 'geen_ketenaanpak',
          adviceText: 'Schakel het CAW in.',
          safetyPlanAdvice: 'Maak afspraken over een veilige plek.',
          parketmeldingAdvies: false,
        }),
      });
      expect([key, res.status, res.status === 201 ? '' : await res.text()]).toEqual([key, 201, '']);
    };
    await decide('due');
    // The second decision is recorded on Monday 7 December, after the ICO.
    clock.set('2026-12-07T10:00:00+01:00');
    await decide('later');
    // The aanmelder reads the first dossier (an audit row with its id, which must outlive it).
    const eva = await loginAs(t, 'eva.wouters@example.org');
    expect((await eva.get(`/api/dossiers/${family.due.code}`)).status).toBeLessThan(500);
    // The decision mails have gone out before anything is destroyed.
    await eventually(
      async () => (await db.mailOutbox.count({ where: { status: 'pending' } })) === 0,
      'the outbox is empty',
    );
    for (const key of Object.keys(family) as (keyof typeof family)[]) {
      const dossier = await db.dossier.findUniqueOrThrow({
        where: { code: family[key].code },
        select: { id: true, agendaItems: { select: { id: true } }, aanmeldingen: { select: { id: true } } },
      });
      ids[key] = {
        dossierId: dossier.id,
        itemIds: dossier.agendaItems.map((i) => i.id),
        aanmeldingIds: dossier.aanmeldingen.map((a) => a.id),
      };
    }
    before = await rows('due');
    keptBefore = await rows('kept');
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('has something to destroy: the dossier, its aanmelding and clients, agendapunt, decision, mails', () => {
    expect(before).toMatchObject({
      dossiers: 1,
      aanmeldingen: 1,
      aanmelding_clients: 2,
      agenda_items: 1,
      decisions: 1,
    });
    expect(before.mail_outbox).toBeGreaterThan(0);
    expect(before.form_submissions).toBeGreaterThan(0);
    expect(keptBefore).toMatchObject({ dossiers: 1, agenda_items: 1, aanmelding_clients: 2 });
  });

  it('on the day before the period is over, nothing is due', async () => {
    clock.set('2027-12-03T23:59:00+01:00');
    expect(await useCase().execute({ dryRun: true })).toEqual({ dryRun: true, dossiers: [] });
  });

  it('the dry run lists exactly the due dossier, with its dates, and changes nothing', async () => {
    clock.set('2027-12-04T00:30:00+01:00'); // 23:30 UTC on 3 December: already the 4th in Brussels
    expect(await useCase().execute({ dryRun: true, regionKey: 'co3-antwerpen' })).toEqual({
      dryRun: true,
      dossiers: [
        { code: family.due.code, phase: 'geen_ketenaanpak', endedOn: '2026-12-04', dueOn: '2027-12-04' },
      ],
    });
    expect(await rows('due')).toEqual(before);
    expect(await tombstones(ids.due.dossierId)).toEqual([]);
  });

  it('the run removes the dossier and every row hanging off it, keeps the others, and leaves one tombstone', async () => {
    const auditRowsBefore = await db.auditEvent.count({ where: { dossierId: ids.due.dossierId } });
    expect(auditRowsBefore).toBeGreaterThan(0);
    const lotte = await db.person.findFirstOrThrow({ where: { email: 'lotte.verbeke@example.be' } });
    const run = await useCase().execute({ actorPersonId: lotte.id, trigger: 'cli retention' });
    expect(run.dossiers.map((d) => d.code)).toEqual([family.due.code]);

    const after = await rows('due');
    expect(Object.entries(after).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await rows('kept')).toEqual(keptBefore);
    expect(await db.dossier.count({ where: { code: family.later.code } })).toBe(1);

    const [tombstone, ...more] = await tombstones(ids.due.dossierId);
    expect(more).toEqual([]);
    expect(tombstone).toMatchObject({
      actorPersonId: lotte.id,
      entityType: 'dossier',
      entityId: ids.due.dossierId,
      outcome: 'allowed',
      route: 'cli retention',
      details: { code: family.due.code, endedOn: '2026-12-04', destroyedOn: '2027-12-04', period: 'P1Y' },
    });
    expect(Object.keys(tombstone!.details as object).sort()).toEqual([
      'code',
      'destroyedOn',
      'endedOn',
      'period',
    ]);
    // The earlier audit rows about the dossier are still there, unchanged, and the chain holds.
    expect(await db.auditEvent.count({ where: { dossierId: ids.due.dossierId } })).toBe(auditRowsBefore + 1);
    const chain = await verifyAuditChain(t.db.appUrl);
    expect(chain.broken).toBeUndefined();
    expect(chain.rows).toBeGreaterThan(auditRowsBefore);
  });

  it('running again destroys nothing and writes no second tombstone', async () => {
    expect(await useCase().execute({})).toEqual({ dryRun: false, dossiers: [] });
    expect(await tombstones(ids.due.dossierId)).toHaveLength(1);
  });

  it('the nightly job, enqueued by two workers on one day and raced by a manual run, destroys the other one once', async () => {
    clock.set('2027-12-07T04:00:00+01:00');
    const cron = t.app.get(RetentionCron);
    const [first, manual, second] = await Promise.all([
      cron.destroyDue(),
      useCase().execute({}),
      cron.destroyDue(),
    ]);
    expect(first).toBe('dossier-retention|2027-12-07');
    expect(second).toBe(first);
    await cron.settled(30_000);
    clock.set('2027-12-07T18:00:00+01:00');
    expect(await cron.destroyDue()).toBe(first);
    await cron.settled(30_000);
    const gone = await tombstones(ids.later.dossierId);
    expect(gone).toHaveLength(1);
    expect(gone[0]!.details).toEqual({
      code: family.later.code,
      endedOn: '2026-12-07',
      destroyedOn: '2027-12-07',
      period: 'P1Y',
    });
    expect(manual.dossiers.length).toBeLessThanOrEqual(1);
    expect(Object.entries(await rows('later')).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await rows('kept')).toEqual(keptBefore);
    expect((await verifyAuditChain(t.db.appUrl)).broken).toBeUndefined();
  });

  it('the cli retention --dry-run reads the database and prints JSON lines (none due today), exit 0', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['retention', '--dry-run', '--region', 'co3-antwerpen'],
      { out: (l) => out.push(l), err: (l) => err.push(l), stdinLines: async function* () {} },
      [new RetentionCommand({ NODE_ENV: 'test', DATABASE_URL: t.db.appUrl, DATA_DIR: t.config.dataDir })],
    );
    expect([code, err]).toEqual([0, []]);
    // The cli reads the wall clock (3 December 2026 when written): nothing of this suite is due yet.
    for (const line of out)
      expect(Object.keys(JSON.parse(line) as object)).toEqual(['code', 'phase', 'endedOn', 'dueOn']);
    expect(await rows('kept')).toEqual(keptBefore);
  });
});

/**
 * The destruction itself on a dossier with more hanging off it than an ICO outcome leaves: the
 * demo's CO3-2026-0001 in casusregie, with its plan van aanpak written and agendered for the
 * Weegploeg with a PDF (through the pages, as the casusregisseur). The port is called directly
 * (the use case only hands it ended dossiers): a wrong phase deletes nothing; the right one
 * leaves no row of any table for the dossier and hands back the document's stored file.
 */
describe('retention: the destruction reaches every table that hangs off a dossier', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const code = 'CO3-2026-0001';

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock: new ControlledClock('2026-11-16T09:00:00Z') });
    db = createPrismaClient(t.db.url, 1);
    await writePlan(t, 'sara.elidrissi@example.org', code);
    const sara = await pageUser(t, 'sara.elidrissi@example.org');
    const page = await sara.postMultipart(
      '/agendering',
      {
        dossierCode: code,
        soort: 'weegploeg:plan-van-aanpak',
        questions: 'Feedback graag.',
        ...briefFields(WEEGPLOEG_BRIEF, 'page'),
      },
      { name: 'plan.pdf', bytes: tinyPdf('Plan van aanpak (retentie)') },
    );
    expect(page.status).toBe(303);
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('a wrong phase deletes nothing; the right one deletes every row and hands back the file', async () => {
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { code },
      select: {
        id: true,
        phase: true,
        agendaItems: { select: { id: true } },
        aanmeldingen: { select: { id: true } },
      },
    });
    const itemIds = dossier.agendaItems.map((i) => i.id);
    const aanmeldingIds = dossier.aanmeldingen.map((a) => a.id);
    const document = await db.document.findFirstOrThrow({ where: { dossierId: dossier.id } });
    const before = await rowsOf(db, dossier.id, code, itemIds, aanmeldingIds);
    expect(before).toMatchObject({ dossiers: 1, documents: 1, plan_van_aanpak: 1 });
    expect(before.agenda_items).toBeGreaterThan(0);
    expect(before.agendering_briefs).toBeGreaterThan(0);
    expect(before.follow_up_obligations).toBeGreaterThan(0);
    const file = path.join(t.config.dataDir, 'documents', document.storageKey);
    expect(existsSync(file)).toBe(true);

    const uow = t.app.get(UnitOfWork);
    const retention = t.app.get(DossierRetention);
    expect(await uow.run((tx) => retention.destroy(tx, dossier.id, 'afgesloten'))).toBeUndefined();
    expect(await rowsOf(db, dossier.id, code, itemIds, aanmeldingIds)).toEqual(before);

    const gone = await uow.run((tx) => retention.destroy(tx, dossier.id, dossier.phase));
    expect(gone?.storageKeys).toEqual([document.storageKey]);
    const after = await rowsOf(db, dossier.id, code, itemIds, aanmeldingIds);
    expect(Object.entries(after).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await db.dossier.count()).toBeGreaterThan(0);
    expect(
      await uow.run((tx) => retention.destroy(tx, dossier.id, dossier.phase)),
    ).toBeUndefined();
  });
});
