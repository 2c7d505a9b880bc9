import { ReconcileObligationsUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * A coordinator corrects the start date of casusregie of demo dossier CO3-2026-0001 (started
 * Friday 6 February 2026, taken over without an ICO decision in the service), on 1 May 2026. The
 * obligations that hang on the start move with it in the same transaction.
 */
describe('correcting the start of casusregie', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock('2026-05-01T10:00:00+02:00');
  const CODE = 'CO3-2026-0001';

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 1);
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const firstPlan = async () =>
    (
      await db.followUpObligation.findFirstOrThrow({
        where: { dossier: { code: CODE }, ruleKey: 'eerste-plan-van-aanpak' },
        select: { dueAt: true, sessionKey: true },
      })
    ).dueAt.toISOString();
  const start = async () =>
    (
      await db.dossier.findUniqueOrThrow({ where: { code: CODE }, select: { casusregieStartDate: true } })
    ).casusregieStartDate
      ?.toISOString()
      .slice(0, 10);

  it('moves the start and the obligations that hang on it, and records why', async () => {
    // The obligations as the worker plans them at start.
    await t.app.get(ReconcileObligationsUseCase).execute();
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const same = await lotte.post(`/api/dossiers/${CODE}/casusregie-start`, {
      startDate: '2026-02-06',
      reason: 'Nazicht',
    });
    expect(await same.json()).toEqual({ code: CODE, casusregieStartDate: '2026-02-06', changed: false });
    // Nine weeks after 6 February: the Weegploeg of 21 April, due at its deadline (Monday 13 April 12:00).
    expect(await firstPlan()).toBe('2026-04-13T10:00:00.000Z');

    const res = await lotte.post(`/api/dossiers/${CODE}/casusregie-start`, {
      startDate: '2026-02-27',
      reason: 'Tikfout in de ICO-beslissing',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: CODE, casusregieStartDate: '2026-02-27', changed: true });
    expect(await start()).toBe('2026-02-27');
    // Nine weeks after 27 February: the Weegploeg of 5 May, deadline Monday 27 April 12:00.
    expect(await firstPlan()).toBe('2026-04-27T10:00:00.000Z');

    const events = await db.auditEvent.findMany({
      where: { actorPersonId: lotte.personId, action: 'dossier.casusregie-start' },
      select: { outcome: true, route: true, details: true },
      orderBy: { id: 'asc' },
    });
    expect(events.at(-1)).toEqual({
      outcome: 'allowed',
      route: 'POST /api/dossiers/:code/casusregie-start',
      details: { code: CODE, from: '2026-02-06', to: '2026-02-27', reason: 'Tikfout in de ICO-beslissing' },
    });
  });

  it('names the field of bad input, refuses what the rules forbid, and changes nothing', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const cases: [unknown, number, string][] = [
      [{ startDate: '2026-02-20' }, 400, 'reason'],
      [{ startDate: 'morgen', reason: 'x' }, 400, 'startDate'],
      [{ startDate: '2026-05-02', reason: 'x' }, 422, 'startDate'],
    ];
    for (const [body, status, field] of cases) {
      const res = await lotte.post(`/api/dossiers/${CODE}/casusregie-start`, body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status]);
      expect(((await res.json()) as { field: string }).field).toBe(field);
    }
    expect(await start()).toBe('2026-02-27');

    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const notCoordinator = await sara.post(`/api/dossiers/${CODE}/casusregie-start`, {
      startDate: '2026-02-20',
      reason: 'x',
    });
    expect(notCoordinator.status).toBe(403);
    expect(await start()).toBe('2026-02-27');
    // A dossier without casusregie has no start to correct.
    const other = await lotte.post('/api/dossiers/CO3-2026-0004/casusregie-start', {
      startDate: '2026-02-20',
      reason: 'x',
    });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('offers coordinators a form on the dossier page, with the error next to the field', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const page = await lotte.get(`/dossiers/${CODE}`);
    expect(page.html).toContain(`action="/dossiers/${CODE}/casusregie-start"`);
    expect(page.html).toContain('value="2026-02-27"');
    const bad = await lotte.post(`/dossiers/${CODE}/casusregie-start`, {
      startDate: '2026-06-01',
      reason: 'Verkeerde maand',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain(
      '<p class="error" id="startdatum-startDate-fout"><span class="visually-hidden">Fout: </span>De startdatum van de casusregie kan niet in de toekomst liggen.</p>',
    );
    expect(bad.html).toContain('value="Verkeerde maand"');
    const good = await lotte.post(`/dossiers/${CODE}/casusregie-start`, {
      startDate: '2026-02-20',
      reason: 'Verkeerde week',
    });
    expect(good.status).toBe(303);
    expect((await lotte.get(good.location!)).html).toContain(
      'De startdatum van de casusregie is gecorrigeerd',
    );
    expect(await start()).toBe('2026-02-20');

    const sara = await pageUser(t, 'sara.elidrissi@example.org');
    expect((await sara.get(`/dossiers/${CODE}`)).html).not.toContain('casusregie-start');
  });
});
