import {
  ReconcileObligationsUseCase,
  RenewCalendarFeedUseCase,
  SweepRemindersUseCase,
} from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, tinyPdf } from '../support/page-client';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';

/**
 * The casusregie of demo dossier CO3-2026-0001 passes from Sara El Idrissi (CAW) to Tom Peeters
 * (VK) on Monday 4 May 2026, because Sara leaves. Before, Sara agendered its first plan van aanpak
 * with a document and subscribed to her calendar feed. After, everything that decides access
 * follows the current casusregisseur: the dossier page and API, the lists, the document, the feed,
 * "Mijn opvolging"; the open obligations and their reminders not sent yet are Tom's; both got a
 * mail; the dossier and the audit log keep who had it when.
 */
describe('changing the casusregisseur of a dossier', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock('2026-05-04T10:00:00+02:00');
  const CODE = 'CO3-2026-0001';
  let documentId: string;
  let feedUrl: string;
  let saraId: string;
  let tomId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 1);
    await t.app.get(ReconcileObligationsUseCase).execute();
    const sara = await pageUser(t, 'sara.elidrissi@example.org');
    saraId = sara.personId;
    tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
    await writePlan(t, 'sara.elidrissi@example.org', CODE);
    const agendering = await sara.postMultipart(
      '/agendering',
      {
        dossierCode: CODE,
        soort: 'weegploeg:plan-van-aanpak',
        questions: 'Feedback op het plan.',
        ...briefFields(WEEGPLOEG_BRIEF, 'page'),
      },
      { name: 'plan van aanpak.pdf', bytes: tinyPdf('Plan van aanpak (overdracht)') },
    );
    expect(agendering.status).toBe(303);
    documentId = (await db.document.findFirstOrThrow({ where: { dossier: { code: CODE } } })).id;
    feedUrl = (await t.app.get(RenewCalendarFeedUseCase).execute({ personId: saraId })).url;
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const feedCodes = async () => {
    const res = await fetch(`${t.baseUrl}${new URL(feedUrl).pathname}`);
    expect(res.status).toBe(200);
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '');
    return ics
      .split('BEGIN:VEVENT')
      .slice(1)
      .filter((e) => e.includes('UID:obligation-'))
      .map((e) => /SUMMARY:Termijn opvolging (\S+)/.exec(e)?.[1]);
  };
  const openObligations = () =>
    db.followUpObligation.findMany({
      where: { dossier: { code: CODE }, status: 'open', ownerRole: 'casusregisseur' },
      select: { ruleKey: true, ownerId: true },
      orderBy: { ruleKey: 'asc' },
    });

  it('shows Sara her dossier, its document, its obligations and due dates before the change', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    expect((await sara.get(`/api/dossiers/${CODE}`)).status).toBe(200);
    expect((await sara.get(`/api/documents/${documentId}`)).status).toBe(200);
    const mine = (await (await sara.get('/api/opvolging')).json()) as {
      obligations: { dossierCode: string }[];
    };
    expect(mine.obligations.filter((o) => o.dossierCode === CODE).length).toBe(3);
    expect(await feedCodes()).toEqual([CODE, CODE, CODE]);
    expect((await openObligations()).map((o) => [o.ruleKey, o.ownerId])).toEqual([
      ['instemming-volwassene', saraId],
      ['kinderen-boven-12-gehoord', saraId],
      ['tussentijdse-evaluatie', saraId],
    ]);
  });

  it('refuses someone who is not a casusregisseur of the region, naming the field, and bad input', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const ines = await db.person.findFirstOrThrow({ where: { email: 'ines.goossens@example.be' } });
    const cases: [Record<string, unknown>, number, string][] = [
      [
        { casusregisseurId: ines.id, effectiveDate: '2026-05-04', reason: 'vertrek' },
        400,
        'casusregisseurId',
      ],
      [{ casusregisseurId: tomId, effectiveDate: '4 mei', reason: 'vertrek' }, 400, 'effectiveDate'],
      [{ casusregisseurId: tomId, effectiveDate: '2026-05-04', reason: 'ontslag' }, 400, 'reason'],
      [{ casusregisseurId: tomId, effectiveDate: '2026-05-05', reason: 'vertrek' }, 422, 'effectiveDate'],
      [{ casusregisseurId: tomId, effectiveDate: '2026-01-30', reason: 'vertrek' }, 422, 'effectiveDate'],
      [{ casusregisseurId: tomId, effectiveDate: '2026-05-04', reason: 'andere' }, 422, 'note'],
      [{ casusregisseurId: saraId, effectiveDate: '2026-05-04', reason: 'vertrek' }, 422, 'casusregisseurId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await lotte.post(`/api/dossiers/${CODE}/casusregisseur`, body);
      const json = (await res.json()) as { field?: string };
      expect([JSON.stringify(body), res.status, json.field]).toEqual([JSON.stringify(body), status, field]);
    }
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const notCoordinator = await sara.post(`/api/dossiers/${CODE}/casusregisseur`, {
      casusregisseurId: tomId,
      effectiveDate: '2026-05-04',
      reason: 'vertrek',
    });
    expect(notCoordinator.status).toBe(403);
    expect((await db.dossier.findUniqueOrThrow({ where: { code: CODE } })).casusregisseurId).toBe(saraId);
    expect(await db.casusregisseurChange.count()).toBe(0);
  });

  it('hands the casusregie to Tom: the open obligations and their pending reminders go with it', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const pendingBefore = await db.obligationReminder.findMany({
      where: { obligation: { dossier: { code: CODE }, ruleKey: 'tussentijdse-evaluatie' }, enqueuedAt: null },
      select: { stepKey: true, sendAt: true },
      orderBy: { sendAt: 'asc' },
    });
    expect(pendingBefore.map((s) => s.stepKey)).toEqual([
      'reminder-14d-due-2026-12-04',
      'reminder-2d-due-2026-12-04',
      'reminder-0d-due-2026-12-04',
      'escalation-1-due-2026-12-04',
    ]);
    const res = await lotte.post(`/api/dossiers/${CODE}/casusregisseur`, {
      casusregisseurId: tomId,
      effectiveDate: '2026-05-04',
      reason: 'vertrek',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      code: CODE,
      fromPersonId: saraId,
      casusregisseurId: tomId,
      effectiveDate: '2026-05-04',
    });
    expect((await openObligations()).map((o) => [o.ruleKey, o.ownerId])).toEqual([
      ['instemming-volwassene', tomId],
      ['kinderen-boven-12-gehoord', tomId],
      ['tussentijdse-evaluatie', tomId],
    ]);
    // The plan Sara agendered stays hers: done is done.
    expect(
      await db.followUpObligation.findFirstOrThrow({
        where: { dossier: { code: CODE }, ruleKey: 'eerste-plan-van-aanpak' },
        select: { status: true, ownerId: true },
      }),
    ).toEqual({ status: 'fulfilled', ownerId: saraId });
    // The same steps, not re-planned: they are sent to whoever owns the obligation when they are due.
    const pendingAfter = await db.obligationReminder.findMany({
      where: { obligation: { dossier: { code: CODE }, ruleKey: 'tussentijdse-evaluatie' }, enqueuedAt: null },
      select: { stepKey: true, sendAt: true },
      orderBy: { sendAt: 'asc' },
    });
    expect(pendingAfter).toEqual(pendingBefore);
  });

  it('tells both by mail, with the dossier code only in the subject', async () => {
    const mailTo = (address: string) =>
      eventually(
        async () =>
          (await t.sink.list()).find((m) => m.to.includes(address) && m.subject.startsWith('Casusregie:')),
        `casusregie mail to ${address}`,
      );
    const toTom = await mailTo('tom.peeters@example.org');
    const toSara = await mailTo('sara.elidrissi@example.org');
    expect([toTom.subject, toSara.subject]).toEqual([
      `Casusregie: ${CODE} – CO3 Antwerpen`,
      `Casusregie: ${CODE} – CO3 Antwerpen`,
    ]);
    const tomText = (await t.sink.read(toTom.id))!.text;
    expect(tomText).toContain(`Vanaf maandag 4 mei 2026 bent u de casusregisseur van dossier ${CODE}.`);
    expect(tomText).toContain(`http://localhost:3999/dossiers/${CODE}`);
    const saraText = (await t.sink.read(toSara.id))!.text;
    expect(saraText).toContain('u hebt geen toegang meer tot het dossier');
    expect(saraText).not.toContain('Tom');
  });

  it('takes the dossier away from Sara everywhere, at once, and gives it to Tom', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const saraPages = await pageUser(t, 'sara.elidrissi@example.org');
    expect((await sara.get(`/api/dossiers/${CODE}`)).status).toBe(404);
    expect((await saraPages.get(`/dossiers/${CODE}`)).status).toBe(404);
    expect((await sara.get(`/api/dossiers/${CODE}/timeline`)).status).toBe(404);
    expect((await sara.get(`/api/opvolging/dossiers/${CODE}`)).status).toBe(404);
    expect((await sara.get(`/api/documents/${documentId}`)).status).toBe(404);
    const list = (await (await sara.get('/api/dossiers')).json()) as { dossiers: { code: string }[] };
    expect(list.dossiers.map((d) => d.code)).not.toContain(CODE);
    const mine = (await (await sara.get('/api/opvolging')).json()) as {
      obligations: { dossierCode: string }[];
    };
    expect(mine.obligations.filter((o) => o.dossierCode === CODE)).toEqual([]);
    expect((await saraPages.get('/opvolging')).html).not.toContain(CODE);
    expect(await feedCodes()).toEqual([]);
    // Her old obligation's page is no longer hers either.
    const evaluation = await db.followUpObligation.findFirstOrThrow({
      where: { dossier: { code: CODE }, ruleKey: 'tussentijdse-evaluatie' },
    });
    expect((await sara.get(`/api/opvolging/${evaluation.id}`)).status).toBe(404);

    const tom = await loginAs(t, 'tom.peeters@example.org');
    expect((await tom.get(`/api/dossiers/${CODE}`)).status).toBe(200);
    expect((await tom.get(`/api/documents/${documentId}`)).status).toBe(200);
    const his = (await (await tom.get('/api/opvolging')).json()) as {
      obligations: { dossierCode: string; ruleKey: string }[];
    };
    expect(his.obligations.filter((o) => o.dossierCode === CODE).map((o) => o.ruleKey)).toEqual([
      'instemming-volwassene',
      'kinderen-boven-12-gehoord',
      'tussentijdse-evaluatie',
    ]);
    expect((await tom.get(`/api/opvolging/${evaluation.id}`)).status).toBe(200);
  });

  it('sends the reminders that were planned to Tom, not to Sara', async () => {
    // Fourteen days before the interim evaluation's deadline of Friday 4 December, 08:00.
    clock.set('2026-11-20T08:00:00+01:00');
    await t.app.get(SweepRemindersUseCase).execute();
    const reminders = await db.mailOutbox.findMany({
      where: { dossier: { code: CODE }, purpose: 'obligation-reminder' },
      select: { recipientEmail: true, payload: true },
    });
    // The reminders not sent yet of every open obligation of the dossier (the overdue ones once, as
    // a catch-up): all to Tom.
    expect(
      reminders.map((r) => [r.recipientEmail, (r.payload as { stepKey: string }).stepKey]).sort(),
    ).toEqual([
      // The consent, due two weeks after the start of 6 February.
      ['tom.peeters@example.org', 'reminder-0d-due-2026-02-20'],
      ['tom.peeters@example.org', 'reminder-0d-due-2026-05-11'],
      ['tom.peeters@example.org', 'reminder-14d-due-2026-12-04'],
    ]);
    const toSara = await db.mailOutbox.count({
      where: {
        dossier: { code: CODE },
        recipientEmail: 'sara.elidrissi@example.org',
        purpose: { startsWith: 'obligation-' },
      },
    });
    expect(toSara).toBe(0);
    clock.set('2026-05-04T10:00:00+02:00');
  });

  it('keeps who had it when: on the dossier, its timeline and in the audit log', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const history = (await (await tom.get(`/api/dossiers/${CODE}/casusregisseurs`)).json()) as unknown;
    expect(history).toEqual({
      code: CODE,
      casusregisseurs: [
        { name: 'Sara El Idrissi', from: '2026-02-06', until: '2026-05-04', reason: null },
        {
          name: 'Tom Peeters',
          from: '2026-05-04',
          until: null,
          reason: 'de casusregisseur vertrekt of is niet meer beschikbaar',
        },
      ],
    });
    const { items } = (await (await tom.get(`/api/dossiers/${CODE}/timeline`)).json()) as {
      items: { kind: string; title: string; detail?: string }[];
    };
    expect(items.filter((e) => e.kind === 'casusregie')).toEqual([
      {
        at: '2026-05-04T08:00:00.000Z',
        kind: 'casusregie',
        title: 'Casusregie overgedragen',
        detail:
          'van Sara El Idrissi aan Tom Peeters, vanaf 2026-05-04 (de casusregisseur vertrekt of is niet meer beschikbaar)',
        planned: false,
      },
    ]);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: CODE } });
    const lotte = await db.person.findFirstOrThrow({ where: { email: 'lotte.verbeke@example.be' } });
    const change = await db.casusregisseurChange.findFirstOrThrow({ where: { dossierId: dossier.id } });
    expect(
      await db.auditEvent.findMany({
        where: { action: 'dossier.casusregisseur-change' },
        select: { actorPersonId: true, dossierId: true, outcome: true, route: true, details: true },
      }),
    ).toEqual([
      {
        actorPersonId: lotte.id,
        dossierId: dossier.id,
        outcome: 'allowed',
        route: 'POST /api/dossiers/:code/casusregisseur',
        details: {
          code: CODE,
          changeId: change.id,
          from: saraId,
          to: tomId,
          effectiveDate: '2026-05-04',
          reason: 'vertrek',
        },
      },
    ]);
    // Her attempts after the change are in the log, refused.
    const refused = await db.auditEvent.findMany({
      where: { actorPersonId: saraId, outcome: 'denied' },
      select: { action: true, route: true },
      orderBy: { id: 'asc' },
    });
    expect(refused).toEqual(
      expect.arrayContaining([
        { action: 'dossier.read', route: 'GET /api/dossiers/:code' },
        { action: 'dossier.read', route: 'GET /dossiers/:code' },
        { action: 'document.read', route: 'GET /api/documents/:id' },
        { action: 'obligation.read', route: 'GET /api/opvolging/:id' },
      ]),
    );
  });

  it('offers coordinators the change on the dossier page, with the error next to the field', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const page = await lotte.get(`/dossiers/${CODE}`);
    expect(page.html).toContain(`action="/dossiers/${CODE}/casusregisseur"`);
    expect(page.html).toContain(
      '<td>Sara El Idrissi</td><td>vrijdag 6 februari 2026</td><td>maandag 4 mei 2026</td>',
    );
    // Back to Sara is offered; Tom, who has it, is not.
    expect(page.html).toContain(`<option value="${saraId}"`);
    expect(page.html).not.toContain(`<option value="${tomId}"`);
    const bad = await lotte.post(`/dossiers/${CODE}/casusregisseur`, {
      casusregisseurId: saraId,
      effectiveDate: '2026-05-04',
      reason: 'andere',
      note: '',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain(
      '<p class="error" id="casusregisseur-note-fout"><span class="visually-hidden">Fout: </span>Licht de reden van de overdracht kort toe.</p>',
    );
    expect(bad.html).toContain(`<option value="${saraId}" selected>`);
    const tom = await pageUser(t, 'tom.peeters@example.org');
    expect((await tom.get(`/dossiers/${CODE}`)).html).not.toContain('/casusregisseur"');
    expect((await db.dossier.findUniqueOrThrow({ where: { code: CODE } })).casusregisseurId).toBe(tomId);
  });

  it('documents the change and the history in OpenAPI, with the fields of the body', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const doc = (await (await lotte.get('/api/docs/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { tags?: string[]; requestBody?: { content: Record<string, { schema: { properties: object } }> } }
        >
      >;
    };
    const change = doc.paths['/api/dossiers/{code}/casusregisseur']?.post;
    expect(change?.tags).toEqual(['dossiers']);
    expect(Object.keys(change!.requestBody!.content['application/json']!.schema.properties).sort()).toEqual([
      'casusregisseurId',
      'effectiveDate',
      'note',
      'reason',
    ]);
    expect(doc.paths['/api/dossiers/{code}/casusregisseurs']?.get).toBeDefined();
  });
});
