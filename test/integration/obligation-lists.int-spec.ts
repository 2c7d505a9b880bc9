import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { ObligationRepository, ReconcileObligationsUseCase, UnitOfWork } from '@overlegtafels/application';
import { createPrismaClient, PrismaService } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { DateTime } from 'luxon';
import { ObligationsApiModule } from '../../apps/api/src/obligations/obligations-api.module';
import { ObligationsWorkerModule } from '../../apps/worker/src/obligations-worker.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { errorNextTo, inputValue, pageUser } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

@Module({
  imports: [WorkerModule, ObligationsWorkerModule, ObligationsApiModule],
  exports: [ObligationsApiModule],
})
class WithObligations {}

interface ObligationJson {
  id: string;
  dossierCode: string;
  ruleKey: string;
  dueAt: string;
  overdue: boolean;
}
interface MinePage {
  obligations: ObligationJson[];
  total: number;
  next?: string;
}
interface Dashboard {
  overdue: number;
  overdueByCasusregisseur: { casusregisseurId: string | null; name: string; count: number }[];
  upcoming: number;
  obligations: { rows: ObligationJson[]; total: number; next?: string };
}

const EXTRA = 60;

/**
 * "Mijn opvolging" and the coördinatie list with a long history (issue #18): more than a page of
 * open obligations, made with the repository the use cases write through. Each list shows fifty,
 * the total, overdue first and then the nearest, and its next page holds the rest: nothing lost,
 * nothing twice. Each list is one statement on the obligations, whatever the number of rows.
 */
describe('the follow-up lists, a page at a time', () => {
  let t: TestApp;
  let prisma: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock('2026-05-01T10:00:00+02:00');
  let tomId: string;
  let openOfTom: string[];
  let openInRegion: string[];

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: WithObligations });
    prisma = createPrismaClient(t.db.url, 1);
    // The plan's own obligations first (the start's re-plan does the same, idempotently).
    await t.app.get(ReconcileObligationsUseCase).execute();
    const dossier = await prisma.dossier.findUniqueOrThrow({ where: { code: 'CO3-2026-0002' } });
    tomId = dossier.casusregisseurId!;
    // Fifteen years of three-monthly alignments with the consulent left open: half of them over
    // their term, half to come, each as the re-plan writes one (with its reminder steps).
    const uow = t.app.get(UnitOfWork);
    const repository = t.app.get(ObligationRepository);
    await uow.run(async (tx) => {
      for (let i = 0; i < EXTRA; i++) {
        const due = DateTime.fromISO('2026-04-30T09:00', { zone: 'Europe/Brussels' }).plus({
          days: i < EXTRA / 2 ? -(i * 3) : (i - EXTRA / 2) * 3 + 2,
        });
        await repository.addObligation(
          tx,
          {
            dossierId: dossier.id,
            ruleKey: 'afstemming-consulent',
            sequence: 100 + i,
            placement: {
              ownerId: tomId,
              ownerRole: 'casusregisseur',
              tableKey: null,
              itemType: null,
              sessionKey: null,
            },
            dueAt: due.toJSDate(),
            status: 'open',
            fulfilment: null,
          },
          [{ stepKey: 'reminder-7d', sendAt: due.minus({ days: 7 }).toJSDate() }],
        );
      }
    });
    openOfTom = (
      await prisma.followUpObligation.findMany({
        where: { ownerId: tomId, status: 'open' },
        select: { id: true },
      })
    ).map((o) => o.id);
    openInRegion = (
      await prisma.followUpObligation.findMany({ where: { status: 'open' }, select: { id: true } })
    ).map((o) => o.id);
    expect(openOfTom.length).toBeGreaterThan(EXTRA);
  }, 90_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await t?.close();
  });

  /** Every statement the app's pool runs outside a transaction while `run` runs. */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const pool = (t.app.get(PrismaService) as unknown as { pool: Pool }).pool;
    const spy = jest.spyOn(pool, 'query');
    try {
      await run();
      return spy.mock.calls.map(([q]) => (typeof q === 'string' ? q : (q as { text: string }).text));
    } finally {
      spy.mockRestore();
    }
  }
  const onObligations = (sql: string[]) => sql.filter((s) => s.includes('follow_up_obligations'));
  const ofThePage = (sql: string[]) => sql.filter((s) => !/\bmail_outbox\b/.test(s));

  function expectOverdueFirstThenNearest(rows: ObligationJson[]) {
    const due = rows.map((o) => new Date(o.dueAt).getTime());
    expect([...due].sort((a, b) => a - b)).toEqual(due);
    const firstUpcoming = rows.findIndex((o) => !o.overdue);
    if (firstUpcoming >= 0) expect(rows.slice(firstUpcoming).some((o) => o.overdue)).toBe(false);
  }

  it('shows Mijn opvolging fifty at a time with the total; the next page holds the rest, nothing lost or twice', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    let first!: MinePage;
    const sql = await statementsOf(async () => {
      first = (await (await tom.get('/api/opvolging')).json()) as MinePage;
    });
    expect(first.obligations).toHaveLength(50);
    expect(first.total).toBe(openOfTom.length);
    expect(first.next).toEqual(expect.any(String));
    // One statement reads the obligations of the page, its rows and its total.
    expect(onObligations(sql)).toHaveLength(1);

    let second!: MinePage;
    const sql2 = await statementsOf(async () => {
      second = (await (
        await tom.get(`/api/opvolging?after=${encodeURIComponent(first.next!)}`)
      ).json()) as MinePage;
    });
    expect(second.obligations).toHaveLength(openOfTom.length - 50);
    expect(second.total).toBe(openOfTom.length);
    expect(second.next).toBeUndefined();
    expect(onObligations(sql2)).toHaveLength(1);
    // As many statements for 50 rows as for the rest: none per row. The in-process worker's
    // outbox relay may run on the same pool meanwhile; its statements are not the page's.
    expect(ofThePage(sql2).length).toBe(ofThePage(sql).length);

    const all = [...first.obligations, ...second.obligations];
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
    expect(all.map((o) => o.id).sort()).toEqual([...openOfTom].sort());
    expectOverdueFirstThenNearest(all);
    expect(first.obligations[0]!.overdue).toBe(true);
    expect(all.at(-1)!.overdue).toBe(false);
  });

  it('narrows Mijn opvolging by kind, due period and code, each with its own total', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const get = async (q: string) => (await (await tom.get(`/api/opvolging?${q}`)).json()) as MinePage;
    const now = clock.now().getTime();
    const overdue = await prisma.followUpObligation.count({
      where: { ownerId: tomId, status: 'open', dueAt: { lt: new Date(now) } },
    });
    const late = await get('due=verlopen&limit=200');
    expect(late.total).toBe(overdue);
    expect(late.obligations.every((o) => o.overdue)).toBe(true);
    const alignments = await get('kind=afstemming-consulent&limit=200');
    expect(alignments.total).toBe(
      await prisma.followUpObligation.count({
        where: { ownerId: tomId, status: 'open', ruleKey: 'afstemming-consulent' },
      }),
    );
    expect(alignments.obligations.every((o) => o.ruleKey === 'afstemming-consulent')).toBe(true);
    expect((await get('code=2026-0001')).total).toBe(0);
    expect((await get('code=2026-0002')).total).toBe(openOfTom.length);
    const wrong = await tom.get('/api/opvolging?kind=geen-soort');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ field: 'kind' });
  });

  it('pages the HTML list with its total and a link to the next page; bad input stays next to its field', async () => {
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const page = await tom.get('/opvolging');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`${openOfTom.length} openstaande taken`);
    expect(page.html).toContain('u ziet er 50');
    const rows = (html: string) =>
      [...html.matchAll(/action="\/opvolging\/([0-9a-f-]{36})\/afgerond"/g)].map((m) => m[1]);
    const next = /<a href="([^"]+)" rel="next">Volgende pagina<\/a>/.exec(page.html)?.[1];
    expect(next).toBeDefined();
    const second = await tom.get(next!.replace(/&amp;/g, '&'));
    expect(second.status).toBe(200);
    expect(second.html).toContain('Eerste pagina');
    expect(second.html).not.toContain('rel="next"');
    // The alignments are marked done by hand: each row has its form, so the rows can be counted.
    const shown = [...rows(page.html), ...rows(second.html)];
    expect(new Set(shown).size).toBe(shown.length);
    const wrong = await tom.get('/opvolging?due=gisteren&code=2026');
    expect(wrong.status).toBe(400);
    expect(errorNextTo(wrong.html, 'zoeken-due')).toBe('Termijn: kies een termijn uit de lijst.');
    expect(inputValue(wrong.html, 'zoeken-code')).toBe('2026');
  });

  it('pages the coördinatie list the same way, and counts the overdue ones over all of them', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    let first!: Dashboard;
    const sql = await statementsOf(async () => {
      first = (await (await lotte.get('/api/coordinatie/dashboard')).json()) as Dashboard;
    });
    expect(first.obligations.rows).toHaveLength(50);
    expect(first.obligations.total).toBe(openInRegion.length);
    // The counts, the coming 30 days and the page: three statements, none per row.
    expect(onObligations(sql)).toHaveLength(3);
    const rest: ObligationJson[] = [];
    let next = first.obligations.next;
    while (next) {
      const page = (await (
        await lotte.get(`/api/coordinatie/dashboard?after=${encodeURIComponent(next)}`)
      ).json()) as Dashboard;
      expect(page.obligations.total).toBe(openInRegion.length);
      rest.push(...page.obligations.rows);
      next = page.obligations.next;
    }
    const all = [...first.obligations.rows, ...rest];
    expect(all.map((o) => o.id).sort()).toEqual([...openInRegion].sort());
    expectOverdueFirstThenNearest(all);

    const tomsOverdue = await prisma.followUpObligation.count({
      where: {
        ownerId: tomId,
        status: 'open',
        ownerRole: 'casusregisseur',
        dueAt: { lt: clock.now() },
        ruleKey: { not: 'opvolging-na-afronding' },
      },
    });
    expect(first.overdueByCasusregisseur.find((g) => g.casusregisseurId === tomId)?.count).toBe(tomsOverdue);
    expect(tomsOverdue).toBeGreaterThan(EXTRA / 2 - 1);
    const his = (await (
      await lotte.get(`/api/coordinatie/dashboard?casusregisseur=${tomId}&due=verlopen&limit=200`)
    ).json()) as Dashboard;
    expect(his.obligations.total).toBe(tomsOverdue);

    const html = await (await pageUser(t, 'lotte.verbeke@example.be')).get('/coordinatie');
    expect(html.status).toBe(200);
    expect(html.html).toContain(`${openInRegion.length} openstaande taken`);
    expect(html.html).toContain(`Termijnen verstreken (${first.overdue})`);
    expect(html.html).toContain('rel="next"');
  });
});
