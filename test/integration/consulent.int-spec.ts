import { RecordConsulentUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * The OCJ/SDJ consulent of a dossier: the casusregisseur (or a coordinator) records since when one
 * is involved, or that none is any more, through the API and the dossier page. The three-monthly
 * alignment obligation follows in the same transaction. Demo dossier CO3-2026-0001 (casusregisseur
 * Sara El Idrissi, casusregie since Friday 6 February 2026, no consulent), seen on 1 May 2026.
 */
describe('recording the consulent of a dossier', () => {
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

  const alignment = async () =>
    (
      await db.followUpObligation.findMany({
        where: { dossier: { code: CODE }, ruleKey: 'afstemming-consulent' },
        select: { sequence: true, status: true, dueAt: true },
        orderBy: { sequence: 'asc' },
      })
    ).map((o) => `#${o.sequence} ${o.status} ${o.dueAt.toISOString()}`);

  const dossierRow = () =>
    db.dossier.findUniqueOrThrow({
      where: { code: CODE },
      select: { ocjSdjConsulentInvolved: true, consulentInvolvedSince: true, consulentEmail: true },
    });

  it('plans the alignment from the day the consulent came in, and ends it with the involvement', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    expect(await alignment()).toEqual([]);

    const res = await sara.post(`/api/dossiers/${CODE}/consulent`, {
      involved: true,
      since: '2026-04-01',
      email: 'consulent@ocj.example.be',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      code: CODE,
      consulent: { involved: true, since: '2026-04-01', email: 'consulent@ocj.example.be' },
    });
    // Three months after 1 April, at 09:00 Brussels (summer time).
    expect(await alignment()).toEqual(['#0 open 2026-07-01T07:00:00.000Z']);
    expect(await dossierRow()).toEqual({
      ocjSdjConsulentInvolved: true,
      consulentInvolvedSince: new Date('2026-04-01T00:00:00Z'),
      consulentEmail: 'consulent@ocj.example.be',
    });

    // A date before the start of casusregie counts from the start.
    await sara.post(`/api/dossiers/${CODE}/consulent`, { involved: true, since: '2026-01-15' });
    expect(await alignment()).toEqual(['#0 open 2026-05-06T07:00:00.000Z']);

    const ended = await sara.post(`/api/dossiers/${CODE}/consulent`, { involved: false });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({
      code: CODE,
      consulent: { involved: false, since: null, email: null },
    });
    expect(await alignment()).toEqual(['#0 cancelled 2026-05-06T07:00:00.000Z']);
    expect(await dossierRow()).toEqual({
      ocjSdjConsulentInvolved: false,
      consulentInvolvedSince: null,
      consulentEmail: null,
    });

    const events = await db.auditEvent.findMany({
      where: { actorPersonId: sara.personId, action: 'dossier.consulent' },
      select: { outcome: true, route: true, details: true },
      orderBy: { id: 'asc' },
    });
    expect(events).toEqual([
      {
        outcome: 'allowed',
        route: 'POST /api/dossiers/:code/consulent',
        details: { code: CODE, involved: true, since: '2026-04-01' },
      },
      {
        outcome: 'allowed',
        route: 'POST /api/dossiers/:code/consulent',
        details: { code: CODE, involved: true, since: '2026-01-15' },
      },
      {
        outcome: 'allowed',
        route: 'POST /api/dossiers/:code/consulent',
        details: { code: CODE, involved: false, since: null },
      },
    ]);
  });

  it('names the field of bad input and refuses a date in the future, changing nothing', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const before = await dossierRow();
    const cases: [unknown, number, string][] = [
      [{ involved: true }, 400, 'since'],
      [{ involved: true, since: '2026-02-30' }, 400, 'since'],
      [{ involved: true, since: '2026-04-01', email: 'geen adres' }, 400, 'email'],
      [{ since: '2026-04-01' }, 400, 'involved'],
      [{ involved: true, since: '2026-05-02' }, 422, 'since'],
    ];
    for (const [body, status, field] of cases) {
      const res = await sara.post(`/api/dossiers/${CODE}/consulent`, body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status]);
      expect(((await res.json()) as { field: string }).field).toBe(field);
    }
    expect(await dossierRow()).toEqual(before);
  });

  it('is for the dossier’s own casusregisseur and coordinators only', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const other = await tom.post(`/api/dossiers/${CODE}/consulent`, { involved: true, since: '2026-04-01' });
    expect(other.status).toBe(404);
    const karim = await loginAs(t, 'karim.bouzid@example.be');
    // The aanmelder reads the dossier but does not keep it.
    expect((await karim.get(`/api/dossiers/${CODE}`)).status).toBe(200);
    const aanmelder = await karim.post(`/api/dossiers/${CODE}/consulent`, {
      involved: true,
      since: '2026-04-01',
    });
    expect(aanmelder.status).toBe(403);
    expect(await alignment()).toEqual(['#0 cancelled 2026-05-06T07:00:00.000Z']);
    const refusals = await db.auditEvent.findMany({
      where: { actorPersonId: tom.personId, route: 'POST /api/dossiers/:code/consulent' },
      select: { action: true, outcome: true, dossierId: true },
    });
    expect(refusals).toEqual([{ action: 'dossier.read', outcome: 'denied', dossierId: null }]);

    // The use case checks it again for any caller: a casusregisseur of another dossier is refused and
    // the refusal is audited.
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { code: CODE },
      select: { id: true, regionId: true },
    });
    const refused = t.app.get(RecordConsulentUseCase).execute({
      actor: { personId: tom.personId, regionId: dossier.regionId, coordinator: false, route: 'test' },
      dossierId: dossier.id,
      involvement: { involved: true, since: '2026-04-01', email: null },
    });
    await expect(refused).rejects.toMatchObject({ code: 'NOT_CASUSREGISSEUR', kind: 'forbidden' });
    expect(
      await db.auditEvent.findMany({
        where: { actorPersonId: tom.personId, action: 'dossier.consulent' },
        select: { outcome: true, dossierId: true },
      }),
    ).toEqual([{ outcome: 'denied', dossierId: dossier.id }]);
    expect(await alignment()).toEqual(['#0 cancelled 2026-05-06T07:00:00.000Z']);

    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const coordinator = await lotte.post(`/api/dossiers/${CODE}/consulent`, {
      involved: true,
      since: '2026-03-02',
    });
    expect(coordinator.status).toBe(200);
    expect(await alignment()).toEqual(['#0 open 2026-06-02T07:00:00.000Z']);
  });

  it('has a form on the dossier page that keeps what was typed and shows the error next to the field', async () => {
    const sara = await pageUser(t, 'sara.elidrissi@example.org');
    const page = await sara.get(`/dossiers/${CODE}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`action="/dossiers/${CODE}/consulent"`);
    expect(page.html).toContain('betrokken sinds maandag 2 maart 2026');

    const bad = await sara.post(`/dossiers/${CODE}/consulent`, {
      involved: 'true',
      since: '',
      email: 'nadia@ocj.example.be',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(
      /<p class="error" id="consulent-since-fout"><span class="visually-hidden">Fout: <\/span>Betrokken sinds is verplicht.<\/p>/,
    );
    expect(bad.html).toContain('value="nadia@ocj.example.be"');
    expect(bad.html).toMatch(/<details class="card" open>/);

    const good = await sara.post(`/dossiers/${CODE}/consulent`, {
      involved: 'true',
      since: '2026-04-20',
      email: 'nadia@ocj.example.be',
    });
    expect(good.status).toBe(303);
    expect(good.location).toBe(`/dossiers/${CODE}?melding=consulent#consulent`);
    const after = await sara.get(good.location!);
    expect(after.html).toContain('betrokken sinds maandag 20 april 2026 (nadia@ocj.example.be)');
    expect(after.html).toContain('De betrokkenheid van de consulent is geregistreerd');
    expect(await alignment()).toEqual(['#0 open 2026-07-20T07:00:00.000Z']);

    // Without the CSRF token the form is refused and nothing changes.
    const forged = await sara.post(`/dossiers/${CODE}/consulent`, { involved: 'false' }, { csrf: false });
    expect(forged.status).toBe(403);
    expect((await dossierRow()).ocjSdjConsulentInvolved).toBe(true);

    // Someone else's casusregisseur gets the same "not found" as for a code that does not exist.
    const tom = await pageUser(t, 'tom.peeters@example.org');
    expect((await tom.post(`/dossiers/${CODE}/consulent`, { involved: 'false' })).status).toBe(404);
    expect((await tom.get(`/dossiers/${CODE}`)).html).not.toContain('nadia@ocj.example.be');
  });

  it('is documented in the OpenAPI document with its body', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const doc = (await (await sara.get('/api/docs/openapi.json')).json()) as {
      paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: unknown }> } } }>;
    };
    const body = doc.paths['/api/dossiers/{code}/consulent']?.post?.requestBody?.content['application/json']
      ?.schema as { properties: Record<string, unknown> } | undefined;
    expect(Object.keys(body?.properties ?? {}).sort()).toEqual(['email', 'involved', 'since']);
  });
});
