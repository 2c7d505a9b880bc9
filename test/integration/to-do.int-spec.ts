import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, PageUser, textOf } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { AANMELDER, aanmelding, COORDINATOR, vlaamsBrabant } from '../support/vlaams-brabant';

/**
 * Issue #15, item 8: "Voor mij te doen" lists what the logged-in person has to do, driven by the
 * real use cases: a partner's items to prepare once the preparation is open (and not after they
 * prepared), a coordinator's items waiting for a decision once the session started, the closed
 * verslag for who took part, a casusregisseur's obligations due within two weeks; the home page
 * counts them, the navigation links the page and the codes shown are in the audit log. A second
 * installation on the same database, Vlaams-Brabant's, has to-do data of its own (an aanmelding
 * on its triage overleg, through its API): each region's coordinator sees only their own.
 */
const clock = new ControlledClock('2026-11-16T10:00:00+01:00'); // Monday; the ICO of Friday 27 November is open

const section = (html: string, kind: string) =>
  new RegExp(`data-section="${kind}"[\\s\\S]*?</(ul|table)>`).exec(html)?.[0] ?? '';
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);

describe('Voor mij te doen', () => {
  let t: TestApp;
  /** Vlaams-Brabant's installation on the same database. */
  let vb: TestApp;
  let vbItem: { dossierCode: string; agendaItemId: string };
  let db: ReturnType<typeof createPrismaClient>;
  let wim: PageUser;
  let lotte: PageUser;
  let codes: string[];
  let itemIds: string[];
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    wim = await pageUser(t, 'wim.jacobs@example.be');
    lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const eva = await pageUser(t, 'eva.wouters@example.org');
    const eva0 = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    codes = [
      await fileAanmelding(eva, eva0.organisationId!, eva0.email, 'Eerste gezin.'),
      await fileAanmelding(eva, eva0.organisationId!, eva0.email, 'Tweede gezin.'),
    ];
    const items = await db.agendaItem.findMany({
      where: { dossier: { code: { in: codes } } },
      orderBy: { position: 'asc' },
      include: { dossier: { select: { code: true } } },
    });
    codes = items.map((i) => i.dossier.code);
    itemIds = items.map((i) => i.id);
    sessionId = items[0]!.sessionId;
    // Monday 16 November, before 17:00: the aanmelding goes to the triage overleg of Wednesday 18 November.
    const { politieId } = await vlaamsBrabant(db);
    vb = await startTestApp({ clock, withWorker: false, env: { REGION: 'vlaams-brabant' }, sharing: t });
    const filed = await (
      await loginAs(vb, AANMELDER)
    ).post('/api/aanmeldingen', aanmelding(politieId, 'Zorgen.'));
    expect(filed.status).toBe(201);
    vbItem = (await filed.json()) as { dossierCode: string; agendaItemId: string };
  }, 90_000);
  afterAll(async () => {
    await db?.$disconnect();
    await vb?.close();
    await t?.close();
  });

  it('links the page in everyone’s navigation who can have something to do, not the beheerder’s', async () => {
    expect((await wim.get('/')).html).toContain('<a href="/te-doen">Te doen</a>');
    const beheer = await pageUser(t, 'beheer@example.be');
    expect((await beheer.get('/')).html).not.toContain('href="/te-doen"');
    expect((await beheer.get('/te-doen')).status).toBe(403);
  });

  it('lists a partner’s items only once the preparation is open, and no longer once prepared', async () => {
    expect(links(section((await wim.get('/te-doen')).html, 'preparation'))).toEqual([]);
    clock.set('2026-11-23T10:00:00+01:00'); // the Monday after the preparation start (Friday 20 November)
    wim = await pageUser(t, 'wim.jacobs@example.be');
    const open = await wim.get('/te-doen');
    expect(open.status).toBe(200);
    expect(links(section(open.html, 'preparation'))).toEqual(itemIds.map((id) => `/voorbereiding/${id}`));
    const prepared = textOf(section(open.html, 'preparation'));
    expect(prepared).toContain(`${codes[0]} – Aanmelding`);
    expect(prepared).toContain('Verkennend casusoverleg (ICO) van vrijdag 27 november 2026 om 09:30');
    const total = Number(/data-total><strong>(\d+)</.exec(open.html)![1]);
    expect(total).toBe(2);
    expect((await wim.get('/')).html).toContain(`data-to-do-count="${total}"`);

    const api = await loginAs(t, 'wim.jacobs@example.be');
    const saved = await api.post(`/api/agenda-items/${itemIds[0]}/voorbereiding`, {});
    expect(saved.status).toBe(404); // the route is a PUT; the POST is no way around it
    const put = await fetch(`${t.baseUrl}/api/agenda-items/${itemIds[0]}/voorbereiding`, {
      method: 'PUT',
      headers: {
        cookie: api.cookie,
        'x-csrf-token': api.csrfToken,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ known: false, visibility: 'tafel' }),
    });
    expect(put.status).toBe(200);
    const after = await wim.get('/te-doen');
    expect(links(section(after.html, 'preparation'))).toEqual([`/voorbereiding/${itemIds[1]}`]);
    const read = await db.auditEvent.findFirstOrThrow({
      where: { action: 'todo.list', actorPersonId: api.personId },
      orderBy: { id: 'desc' },
    });
    expect(read.details).toMatchObject({ total: 1, page: 1, shown: 1, codes: codes[1] });

    // The same list over the API, audited the same under its own route.
    const listed = await api.get('/api/te-doen');
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({
      entries: [
        {
          kind: 'preparation',
          itemId: itemIds[1],
          sessionId,
          dossierCode: codes[1],
          tableName: 'Verkennend casusoverleg (ICO)',
          itemTypeLabel: 'Aanmelding',
          sessionStartsAt: '2026-11-27T09:30:00.000+01:00',
          url: `/voorbereiding/${itemIds[1]}`,
        },
      ],
      total: 1,
      page: 1,
      pages: 1,
      counts: { obligation: 0, preparation: 1, decision: 0, verslag: 0 },
    });
    const viaApi = await db.auditEvent.findFirstOrThrow({
      where: { action: 'todo.list', actorPersonId: api.personId },
      orderBy: { id: 'desc' },
    });
    expect([viaApi.route, viaApi.details]).toEqual([
      'GET /api/te-doen',
      { total: 1, page: 1, shown: 1, codes: codes[1] },
    ]);
    expect(await (await api.get('/api/te-doen?page=2')).json()).toMatchObject({
      entries: [],
      total: 1,
      page: 2,
    });
    const bad = await api.get('/api/te-doen?page=0');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'page', message: 'Pagina: geef een getal vanaf 1.' });
    const beheerder = await loginAs(t, 'beheer@example.be');
    expect((await beheerder.get('/api/te-doen')).status).toBe(403);
  });

  it('shows a coordinator the items of a started session that wait for a decision', async () => {
    expect(links(section((await lotte.get('/te-doen')).html, 'decision'))).toEqual([]);
    clock.set('2026-11-27T10:15:00+01:00');
    lotte = await pageUser(t, 'lotte.verbeke@example.be');
    wim = await pageUser(t, 'wim.jacobs@example.be');
    const page = await lotte.get('/te-doen');
    expect(links(section(page.html, 'decision'))).toEqual(
      itemIds.map((id) => `/agenda/${sessionId}#punt-${id}`),
    );
    expect(textOf(section(page.html, 'decision'))).toContain('nog geen beslissing geregistreerd');
    // A member who is no coordinator decides nothing.
    expect(links(section((await wim.get('/te-doen')).html, 'decision'))).toEqual([]);

    // Over the API: the coordinator's decisions (none of the other region's), the member's none.
    const api = await loginAs(t, 'lotte.verbeke@example.be');
    const mine = (await (await api.get('/api/te-doen')).json()) as {
      entries: { kind: string; itemId?: string; dossierCode?: string; url?: string }[];
      counts: Record<string, number>;
    };
    expect(
      mine.entries.filter((e) => e.kind === 'decision').map((e) => [e.itemId, e.dossierCode, e.url]),
    ).toEqual(itemIds.map((id, i) => [id, codes[i], `/agenda/${sessionId}#punt-${id}`]));
    expect(mine.counts.decision).toBe(2);
    expect(JSON.stringify(mine)).not.toContain(vbItem.agendaItemId);
    expect(JSON.stringify(mine)).not.toContain(vbItem.dossierCode);
    const member = (await (await (await loginAs(t, 'wim.jacobs@example.be')).get('/api/te-doen')).json()) as {
      counts: Record<string, number>;
    };
    expect(member.counts.decision).toBe(0);
    // Vlaams-Brabant's coordinator: their own item of the triage of Wednesday 18 November, none of ours.
    const theirs = await (await loginAs(vb, COORDINATOR)).get('/api/te-doen');
    expect(theirs.status).toBe(200);
    const body = (await theirs.json()) as {
      entries: { kind: string; itemId?: string; dossierCode?: string; tableName?: string }[];
      total: number;
    };
    expect(body.entries.map((e) => [e.kind, e.itemId, e.dossierCode, e.tableName])).toEqual([
      ['decision', vbItem.agendaItemId, vbItem.dossierCode, 'Triage-overleg'],
    ]);
    expect(body.total).toBe(1);
    for (const id of itemIds) expect(JSON.stringify(body)).not.toContain(id);
    for (const code of codes) expect(JSON.stringify(body)).not.toContain(code);
    // Our coordinator's page shows none of theirs either.
    const ours = textOf((await lotte.get('/te-doen')).html);
    expect(ours).not.toContain(vbItem.dossierCode);
  });

  it('lists an action point due soon, then the closed verslag for who took part, and marks what is overdue', async () => {
    const jonas = await loginAs(t, 'jonas.maes@example.be');
    const wimId = (await db.person.findFirstOrThrow({ where: { email: 'wim.jacobs@example.be' } })).id;
    const point = await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${itemIds[0]}/actiepunten`, {
      what: 'Politie kijkt na of er meldingen zijn.',
      dueDate: '2026-12-04',
      ownerPersonId: wimId,
    });
    expect(point.status).toBe(201);
    const { obligationId } = (await point.json()) as { obligationId: string };
    const withPoint = section((await wim.get('/te-doen')).html, 'obligation');
    expect(links(withPoint)).toEqual(expect.arrayContaining([`/opvolging/${obligationId}`]));
    expect(withPoint).not.toContain('termijn verstreken');

    const api = await loginAs(t, 'lotte.verbeke@example.be');
    for (const id of itemIds) {
      const decided = await api.post(`/api/agenda-items/${id}/decision`, {
        kind: 'geen_ketenaanpak',
        adviceText: 'Advies aan de aanmelder.',
        safetyPlanAdvice: 'Maak een veiligheidsplan.',
      });
      expect(decided.status).toBe(201);
    }
    // Decided: nothing waits for the coordinator any more.
    expect(links(section((await lotte.get('/te-doen')).html, 'decision'))).toEqual([]);

    clock.set('2026-11-27T14:00:00+01:00');
    const closer = await loginAs(t, 'lotte.verbeke@example.be');
    const closed = await closer.post(`/api/zittingen/${sessionId}/verslag/afsluiten`);
    expect(closed.status).toBe(200);
    wim = await pageUser(t, 'wim.jacobs@example.be');
    expect(links(section((await wim.get('/te-doen')).html, 'verslag'))).toEqual([`/verslag/${sessionId}`]);
    const karim = await pageUser(t, 'karim.bouzid@example.be');
    expect(links(section((await karim.get('/te-doen')).html, 'verslag'))).toEqual([]);

    // A month on the verslag is no longer new, and the action point is overdue.
    clock.set('2026-12-28T10:00:00+01:00');
    wim = await pageUser(t, 'wim.jacobs@example.be');
    const later = await wim.get('/te-doen');
    expect(links(section(later.html, 'verslag'))).toEqual([]);
    const overdue = section(later.html, 'obligation');
    expect(links(overdue)).toEqual(expect.arrayContaining([`/opvolging/${obligationId}`]));
    expect(overdue).toContain('termijn verstreken');
  });

  it('refuses a page number that is no page, naming it', async () => {
    wim = await pageUser(t, 'wim.jacobs@example.be');
    const bad = await wim.get('/te-doen?pagina=0');
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Pagina: geef een getal vanaf 1.');
  });
});
