import { Module } from '@nestjs/common';
import { ReconcileObligationsUseCase, RenewCalendarFeedUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { ObligationsApiModule } from '../../apps/api/src/obligations/obligations-api.module';
import { ObligationsWorkerModule } from '../../apps/worker/src/obligations-worker.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/** The worker and the api as they will be wired: WorkerModule + ObligationsWorkerModule, ObligationsApiModule. */
@Module({
  imports: [WorkerModule, ObligationsWorkerModule, ObligationsApiModule],
  // As imported into ApiModule: its providers (the calendar feed) see the obligations.
  exports: [ObligationsApiModule],
})
class WithObligations {}

interface ObligationJson {
  id: string;
  dossierCode: string;
  ruleKey: string;
  sequence: number;
  status: string;
  dueAt: string;
  overdue: boolean;
  manual: boolean;
  agenderingUrl: string | null;
  sessionKey: string | null;
}

/**
 * "Mijn opvolging", the coordinators' dashboard and the REST endpoints, on the demo data: CO3-2026-0001
 * (Sara El Idrissi, CAW; casusregie since 6 February 2026, a child over 12) and CO3-2026-0002 (Tom
 * Peeters, VK; since 12 June 2026, with a consulent), seen on Friday 1 May 2026.
 */
describe('follow-up pages and API', () => {
  let t: TestApp;
  let prisma: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock('2026-05-01T10:00:00+02:00');

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: WithObligations });
    prisma = createPrismaClient(t.db.url, 1);
    // The worker re-plans at start in the background; this waits for the same, idempotently.
    await t.app.get(ReconcileObligationsUseCase).execute();
  }, 60_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await t?.close();
  });

  const html = (cookie: string) => ({ cookie, accept: 'text/html' });

  async function audits(personId: string, action: string) {
    return prisma.auditEvent.findMany({
      where: { actorPersonId: personId, action },
      select: { outcome: true, dossierId: true, route: true, details: true },
      orderBy: { id: 'asc' },
    });
  }

  it('lists a casusregisseur’s own open obligations by due date, with the pre-filled agendering link', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const res = await sara.get('/api/opvolging');
    expect(res.status).toBe(200);
    const { obligations } = (await res.json()) as { obligations: ObligationJson[] };
    expect(
      obligations.map((o) => `${o.dossierCode} ${o.ruleKey}#${o.sequence} ${o.dueAt} ${o.overdue}`),
    ).toEqual([
      // Consent was never registered for the demo dossier: due two weeks after the start.
      'CO3-2026-0001 instemming-volwassene#0 2026-02-20T09:00:00.000+01:00 true',
      // Rule order for the same moment: hearing the children comes with the first plan.
      'CO3-2026-0001 kinderen-boven-12-gehoord#0 2026-04-13T12:00:00.000+02:00 true',
      'CO3-2026-0001 eerste-plan-van-aanpak#0 2026-04-13T12:00:00.000+02:00 true',
      'CO3-2026-0001 tussentijdse-evaluatie#0 2026-12-04T12:00:00.000+01:00 false',
    ]);
    const pva = obligations.find((o) => o.ruleKey === 'eerste-plan-van-aanpak')!;
    expect(pva.agenderingUrl).toBe(
      '/agendering/nieuw?dossier=CO3-2026-0001&tafel=weegploeg&type=plan-van-aanpak',
    );
    expect(pva.sessionKey).toBe('weegploeg:2026-04-21');

    const page = await fetch(`${t.baseUrl}/opvolging`, { headers: html(sara.cookie) });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('<h1>Mijn opvolging</h1>');
    expect(body).toContain(
      'href="/agendering/nieuw?dossier=CO3-2026-0001&amp;tafel=weegploeg&amp;type=plan-van-aanpak"',
    );
    expect(body).toContain('termijn verstreken');
    expect(body).toContain('maandag 13 april 2026 om 12:00');
    expect(body).not.toContain('CO3-2026-0002');
    // Obligations done by agendering or by registering a fact have no "done" form for the owner.
    expect(body).not.toContain('action="/opvolging/');
    expect((await audits(sara.personId, 'obligation.list')).map((a) => [a.outcome, a.route])).toEqual([
      ['allowed', 'GET /api/opvolging'],
      ['allowed', 'GET /opvolging'],
    ]);
  });

  it('lets the owner mark a manual obligation done with a note, and plans the next one', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const { obligations } = (await (await tom.get('/api/opvolging')).json()) as {
      obligations: ObligationJson[];
    };
    const alignment = obligations.find((o) => o.ruleKey === 'afstemming-consulent')!;
    expect(alignment).toMatchObject({ sequence: 0, manual: true, dueAt: '2026-09-12T09:00:00.000+02:00' });
    const agendering = obligations.find((o) => o.ruleKey === 'eerste-plan-van-aanpak')!;

    const empty = await tom.post(`/api/opvolging/${alignment.id}/afgerond`, { note: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'FULFILMENT_NOTE_REQUIRED' });
    const byAgendering = await tom.post(`/api/opvolging/${agendering.id}/afgerond`, { note: 'Gedaan' });
    expect(byAgendering.status).toBe(403);
    expect(await byAgendering.json()).toMatchObject({ code: 'MANUAL_FULFILMENT_NOT_ALLOWED' });
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const notHers = await sara.post(`/api/opvolging/${alignment.id}/afgerond`, { note: 'Gedaan' });
    expect(notHers.status).toBe(404);

    // The page's form: without the CSRF token refused, with it done.
    const form = (csrf?: string) =>
      fetch(`${t.baseUrl}/opvolging/${alignment.id}/afgerond`, {
        method: 'POST',
        headers: { ...html(tom.cookie), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          note: 'Afstemming met de consulent op kantoor',
          terug: 'opvolging',
          ...(csrf ? { _csrf: csrf } : {}),
        }),
        redirect: 'manual',
      });
    expect((await form()).status).toBe(403);
    const page = await (await fetch(`${t.baseUrl}/opvolging`, { headers: html(tom.cookie) })).text();
    expect(page).toContain(`action="/opvolging/${alignment.id}/afgerond"`);
    const done = await form(tom.csrfToken);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/opvolging?melding=afgerond');
    const again = await tom.post(`/api/opvolging/${alignment.id}/afgerond`, { note: 'Nog eens' });
    expect(again.status).toBe(409);

    const rows = await prisma.followUpObligation.findMany({
      where: { ruleKey: 'afstemming-consulent', dossier: { code: 'CO3-2026-0002' } },
      select: {
        sequence: true,
        status: true,
        fulfilmentKind: true,
        fulfilmentNote: true,
        fulfilledById: true,
        dueAt: true,
      },
      orderBy: { sequence: 'asc' },
    });
    expect(rows).toEqual([
      expect.objectContaining({
        sequence: 0,
        status: 'fulfilled',
        fulfilmentKind: 'manual',
        fulfilmentNote: 'Afstemming met de consulent op kantoor',
        fulfilledById: tom.personId,
      }),
      // Three months after the day it was done (1 May), 09:00.
      expect.objectContaining({ sequence: 1, status: 'open', dueAt: new Date('2026-08-01T07:00:00Z') }),
    ]);
    const trail = await audits(tom.personId, 'obligation.mark-done');
    expect(trail.map((a) => [a.outcome, (a.details as { code: string | null }).code])).toEqual([
      ['denied', 'FULFILMENT_NOTE_REQUIRED'],
      ['denied', 'MANUAL_FULFILMENT_NOT_ALLOWED'],
      ['allowed', null],
      ['denied', 'OBLIGATION_NOT_OPEN'],
    ]);
    // Ids and codes in the log, never the note.
    expect(JSON.stringify(trail)).not.toContain('kantoor');
    expect(
      (await audits(sara.personId, 'obligation.mark-done')).map((a) => [a.outcome, a.dossierId]),
    ).toEqual([['denied', null]]);
  });

  it('shows each dossier’s obligations only to whoever may see the dossier', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const own = await sara.get('/api/opvolging/dossiers/CO3-2026-0001');
    expect(own.status).toBe(200);
    const body = (await own.json()) as { obligations: ObligationJson[] };
    expect(body.obligations.map((o) => `${o.ruleKey} ${o.status}`)).toContain('eerste-plan-van-aanpak open');
    expect((await sara.get('/api/opvolging/dossiers/CO3-2026-0002')).status).toBe(404);
    expect((await sara.get('/api/opvolging/dossiers/CO3-2026-9999')).status).toBe(404);
    const reads = await audits(sara.personId, 'obligation.read');
    expect(reads.map((r) => [r.outcome, (r.details as { code: string }).code])).toEqual([
      ['allowed', 'CO3-2026-0001'],
      ['denied', 'CO3-2026-0002'],
      ['denied', 'CO3-2026-9999'],
    ]);
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    expect((await lotte.get('/api/opvolging/dossiers/CO3-2026-0002')).status).toBe(200);
  });

  it('gives coordinators the overdue obligations per casusregisseur and organisation, the next 30 days and the session load', async () => {
    // Two plans of 30 minutes on the Weegploeg of 5 May (capacity 180 minutes).
    const region = await prisma.region.findUniqueOrThrow({ where: { key: 'co3-antwerpen' } });
    const dossier = await prisma.dossier.findUniqueOrThrow({ where: { code: 'CO3-2026-0001' } });
    // The agenda may have stored the session already (the demo data places items on it).
    const slot = {
      regionId: region.id,
      tableKey: 'weegploeg',
      scheduledStart: new Date('2026-05-05T11:00:00Z'),
    };
    const session = await prisma.session.upsert({
      where: { regionId_tableKey_scheduledStart: slot },
      create: { ...slot, startsAt: slot.scheduledStart, endsAt: new Date('2026-05-05T14:00:00Z') },
      update: {},
    });
    const before = await prisma.agendaItem.aggregate({
      where: { sessionId: session.id, status: 'placed' },
      _sum: { durationMinutes: true },
    });
    const already = before._sum.durationMinutes ?? 0;
    for (const [position, status] of [
      [1, 'placed'],
      [2, 'placed'],
      [3, 'withdrawn'],
    ] as const) {
      await prisma.agendaItem.create({
        data: {
          sessionId: session.id,
          dossierId: dossier.id,
          tableKey: 'weegploeg',
          itemType: 'plan-van-aanpak',
          durationMinutes: 30,
          position,
          status,
          submittedById: dossier.casusregisseurId!,
        },
      });
    }
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await lotte.get('/api/coordinatie/dashboard');
    expect(res.status).toBe(200);
    const d = (await res.json()) as {
      overdue: number;
      overdueByCasusregisseur: { name: string; organisation: string; count: number }[];
      overdueByOrganisation: { organisation: string; count: number }[];
      upcoming: number;
      obligations: { rows: ObligationJson[]; total: number; next?: string };
      tables: {
        key: string;
        sessions: {
          date: string;
          usedMinutes: number;
          capacityMinutes: number;
          percent: number;
          status: string;
        }[];
      }[];
    };
    const sara = d.overdueByCasusregisseur.find((g) => g.name === 'Sara El Idrissi')!;
    expect(sara).toMatchObject({ organisation: 'CAW Regio Noord (fictief)', count: 3 });
    expect(d.overdueByOrganisation).toContainEqual(
      expect.objectContaining({ organisation: 'CAW Regio Noord (fictief)', count: 3 }),
    );
    // The list: every open obligation of the region, overdue first, all on the first page here.
    expect(d.obligations.total).toBe(d.obligations.rows.length);
    expect(d.obligations.rows.filter((o) => o.overdue).length).toBeGreaterThanOrEqual(d.overdue);
    const firstUpcoming = d.obligations.rows.findIndex((o) => !o.overdue);
    expect(d.obligations.rows.slice(firstUpcoming).every((o) => !o.overdue)).toBe(true);
    // Sara's part of it: her three overdue ones, by due moment and the rules' order.
    const saraId = (await prisma.person.findFirstOrThrow({ where: { email: 'sara.elidrissi@example.org' } }))
      .id;
    const hers = (await (
      await lotte.get(`/api/coordinatie/dashboard?casusregisseur=${saraId}&due=verlopen`)
    ).json()) as typeof d;
    expect(hers.obligations.rows.map((o) => `${o.dossierCode} ${o.ruleKey}`)).toEqual([
      'CO3-2026-0001 instemming-volwassene',
      'CO3-2026-0001 kinderen-boven-12-gehoord',
      'CO3-2026-0001 eerste-plan-van-aanpak',
    ]);
    expect(hers.obligations.total).toBe(3);
    const soon = (await (await lotte.get('/api/coordinatie/dashboard?due=30-dagen')).json()) as typeof d;
    expect(soon.obligations.total).toBe(d.upcoming);
    for (const o of soon.obligations.rows) {
      expect(new Date(o.dueAt).getTime()).toBeGreaterThanOrEqual(clock.now().getTime());
      expect(new Date(o.dueAt).getTime()).toBeLessThan(clock.now().getTime() + 30 * 86_400_000);
    }
    const weegploeg = d.tables.find((tb) => tb.key === 'weegploeg')!;
    expect(weegploeg.sessions[0]).toEqual(
      expect.objectContaining({
        date: '2026-05-05',
        usedMinutes: already + 60,
        capacityMinutes: 180,
        percent: Math.round(((already + 60) * 100) / 180),
        status: 'open',
      }),
    );

    const page = await fetch(`${t.baseUrl}/coordinatie`, { headers: html(lotte.cookie) });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('<h1>Coördinatie</h1>');
    expect(body).toContain('Sara El Idrissi');
    expect(body).toContain(`${already + 60} van 180 minuten`);
    expect(body).toContain('Toelichting (afsluiten zonder agendering)');
    expect(body).toContain('name="terug" value="coordinatie"');
    expect((await audits(lotte.personId, 'obligation.dashboard')).map((a) => a.route)).toEqual([
      'GET /api/coordinatie/dashboard',
      'GET /api/coordinatie/dashboard',
      'GET /api/coordinatie/dashboard',
      'GET /coordinatie',
    ]);
  });

  it('puts the open due dates in the personal calendar feed as all-day entries with the dossier code only', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const { url } = await t.app.get(RenewCalendarFeedUseCase).execute({ personId: sara.personId });
    const res = await fetch(`${t.baseUrl}${new URL(url).pathname}`);
    expect(res.status).toBe(200);
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '');
    const events = ics.split('BEGIN:VEVENT').slice(1);
    const due = events.filter((e) => e.includes('UID:obligation-'));
    expect(due.map((e) => /DTSTART;VALUE=DATE:(\d+)/.exec(e)?.[1]).sort()).toEqual([
      '20260220',
      '20260413',
      '20260413',
      '20261204',
    ]);
    for (const e of due) {
      expect(e).toContain('SUMMARY:Termijn opvolging CO3-2026-0001');
      expect(e).toContain('TRANSP:TRANSPARENT');
      expect(e).not.toMatch(/kinderen|plan van aanpak|Sara/i);
    }
    expect(ics).not.toContain('VTODO');
    const feedAudit = await audits(sara.personId, 'obligation.feed');
    expect(feedAudit.map((a) => (a.details as { obligations: number }).obligations)).toEqual([4]);
  });

  it('refuses the pages to those they are not for', async () => {
    // An aanmelder reaches "Mijn opvolging" for the action points a verslag gives them (session
    // minutes); without any, the list is empty: nothing of anyone else's shows.
    const aanmelder = await loginAs(t, 'eva.wouters@example.org');
    expect((await fetch(`${t.baseUrl}/opvolging`, { headers: html(aanmelder.cookie) })).status).toBe(200);
    const own = await aanmelder.get('/api/opvolging');
    expect([own.status, await own.json()]).toEqual([200, { obligations: [], total: 0 }]);
    const admin = await loginAs(t, 'beheer@example.be');
    expect((await fetch(`${t.baseUrl}/opvolging`, { headers: html(admin.cookie) })).status).toBe(403);
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    expect((await fetch(`${t.baseUrl}/coordinatie`, { headers: html(sara.cookie) })).status).toBe(403);
    expect((await sara.get('/api/coordinatie/dashboard')).status).toBe(403);
    expect((await fetch(`${t.baseUrl}/api/opvolging`)).status).toBe(401);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await lotte.get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, { tags?: string[] }>> };
    expect(doc.paths['/api/opvolging']?.get?.tags).toEqual(['opvolging']);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/opvolging/{id}/afgerond',
        '/api/opvolging/dossiers/{code}',
        '/api/coordinatie/dashboard',
      ]),
    );
    expect(Object.keys(doc.paths)).not.toContain('/opvolging');
  });
});
