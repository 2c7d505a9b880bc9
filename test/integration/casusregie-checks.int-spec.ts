import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { AFRONDING_BRIEF, briefFields } from '../support/plan-van-aanpak';

/**
 * What the casusregisseur verifies (CO3 guide III.B, annex B), driven through the real use cases
 * over the API and the pages. A fictitious family referred on Monday 23 November 2026: the ICO of
 * Friday 4 December appoints Tom Peeters from Monday 7 December on without consent; the mother
 * consents on 9 December (casusregie starts that day); the two children over 12 are accounted for;
 * an OCJ consulent is involved, so the afronding at the Weegploeg of 29 December waits until the
 * casusregisseur records that the consulent was consulted.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const CODE = 'CO3-2026-0007';
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describe('recording what the casusregisseur verifies', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let tomId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 1);
    tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  /** The dossier's obligations as `rule#seq status due(UTC)`. */
  const obligations = async () =>
    (
      await db.followUpObligation.findMany({
        where: { dossier: { code: CODE } },
        select: { ruleKey: true, sequence: true, status: true, dueAt: true, ownerId: true },
        orderBy: [{ dueAt: 'asc' }, { ruleKey: 'asc' }],
      })
    ).map((o) => `${o.ruleKey}#${o.sequence} ${o.status} ${o.dueAt.toISOString()}`);

  it('the ICO appoints the casusregisseur without consent: casusregie awaits it, only the consent is due', async () => {
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const organisationId = (await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } })).id;
    const filed = await eva.post('/api/aanmeldingen', {
      organisationId,
      contactEmail: 'eva.wouters@example.org',
      whyNow: 'Nieuw incident.',
      violenceDescription: 'Partnergeweld.',
      situationAtStart: 'Gezin met twee tieners.',
      situationNow: 'Spanningen blijven.',
      mainRisks: 'Herhaling.',
      clients: [
        { label: 'Persoon A', role: 'slachtoffer', age: 41 },
        { label: 'kind 1', role: 'kind', age: 14 },
        { label: 'kind 2', role: 'kind', age: 16 },
      ],
      clientRelations: 'A is de moeder van beide kinderen.',
      servicesInvolved: 'CAW.',
      safetyPlanExists: false,
      questionsAndExpectations: 'Afstemming.',
      confidentialityConfirmed: true,
      familyInformed: true,
    });
    expect(filed.status).toBe(201);
    const { dossierCode, agendaItemId } = (await filed.json()) as {
      dossierCode: string;
      agendaItemId: string;
    };
    expect(dossierCode).toBe(CODE);

    clock.set('2026-12-04T09:40:00+01:00');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const decided = await lotte.post(`/api/agenda-items/${agendaItemId}/decision`, {
      kind: 'met_casusregie',
      casusregisseurId: tomId,
      startDate: '2026-12-07',
    });
    expect(decided.status).toBe(201);
    expect(await decided.json()).toMatchObject({ dossierCode: CODE, phase: 'casusregie' });
    // Two weeks after the planned start, 09:00 Brussels; nothing counts from a start yet.
    expect(await obligations()).toEqual(['instemming-volwassene#0 open 2026-12-21T08:00:00.000Z']);
    // The casusregisseur hears of it, with the consent as the first task.
    const appointed = await db.mailOutbox.findFirstOrThrow({
      where: { dossier: { code: CODE }, purpose: 'casusregie-appointed' },
      include: { body: true },
    });
    expect([appointed.recipientPersonId, appointed.subject.includes(CODE)]).toEqual([tomId, true]);
    expect(appointed.body!.textBody).toContain('tot dan is ze in afwachting van instemming');
    expect(appointed.body!.textBody).toContain(
      '– Instemming van minstens één volwassen gezinslid geverifieerd: uiterlijk maandag 21 december 2026 om 09:00',
    );

    const tom = await loginAs(t, 'tom.peeters@example.org');
    expect(await (await tom.get(`/api/dossiers/${CODE}`)).json()).toEqual({
      code: CODE,
      phase: 'casusregie',
      phaseLabel: 'casusregie',
      awaitingConsent: true,
      casusregisseur: 'Tom Peeters',
      casusregieStartDate: null,
      afrondingDate: null,
      casusregiePlannedStartDate: '2026-12-07',
      consent: null,
      childrenOver12: 2,
      consulent: { involved: false, consultedAboutAfrondingOn: null },
      traject: null,
    });
    const listed = (await (await tom.get('/api/dossiers')).json()) as {
      dossiers: { code: string; awaitingConsent: boolean }[];
    };
    expect(listed.dossiers.find((d) => d.code === CODE)?.awaitingConsent).toBe(true);
    const mine = (await (await tom.get('/api/opvolging')).json()) as {
      obligations: { dossierCode: string; ruleKey: string; explanation: string; fulfilForm: unknown }[];
    };
    const consent = mine.obligations.find((o) => o.dossierCode === CODE)!;
    expect(consent.ruleKey).toBe('instemming-volwassene');
    expect(consent.explanation).toContain('onder "Instemming registreren"');
    expect(consent.fulfilForm).toEqual({
      url: `/dossiers/${CODE}#instemming`,
      label: 'Instemming registreren',
    });

    const page = await (await pageUser(t, 'tom.peeters@example.org')).get(`/dossiers/${CODE}`);
    expect(page.html).toContain('data-awaiting-consent>in afwachting van instemming</strong>');
    expect(page.html).toContain(`action="/dossiers/${CODE}/instemming"`);
    expect((await (await pageUser(t, 'tom.peeters@example.org')).get('/opvolging')).html).toContain(
      `href="/dossiers/${CODE}#instemming">Instemming registreren</a>`,
    );
  });

  it('the casusregisseur records the consent: casusregie starts and the obligations count from that day', async () => {
    clock.set('2026-12-10T10:00:00+01:00');
    const tomPage = await pageUser(t, 'tom.peeters@example.org');
    const bad = await tomPage.post(`/dossiers/${CODE}/instemming`, {
      givenBy: 'moeder',
      verifiedOn: '2026-12-11',
      adultFamilyMember: 'on',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain(
      '<p class="error" id="instemming-verifiedOn-fout"><span class="visually-hidden">Fout: </span>De datum van de instemming kan niet in de toekomst liggen.</p>',
    );
    expect(bad.html).toContain('value="moeder"');

    const tom = await loginAs(t, 'tom.peeters@example.org');
    const missing = await tom.post(`/api/dossiers/${CODE}/instemming`, { verifiedOn: '2026-12-09' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ field: 'givenBy' });
    // Someone else's casusregisseur gets the same "not found"; the aanmelder may not record it.
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const body = { givenBy: 'moeder', verifiedOn: '2026-12-09', adultFamilyMember: true };
    expect((await sara.post(`/api/dossiers/${CODE}/instemming`, body)).status).toBe(404);
    expect(
      (await (await loginAs(t, 'eva.wouters@example.org')).post(`/api/dossiers/${CODE}/instemming`, body))
        .status,
    ).toBe(403);

    const res = await tom.post(`/api/dossiers/${CODE}/instemming`, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      code: CODE,
      consent: { givenBy: 'moeder', verifiedOn: '2026-12-09' },
      casusregieStartDate: '2026-12-09',
      started: true,
    });
    expect(await obligations()).toEqual([
      'instemming-volwassene#0 fulfilled 2026-12-21T08:00:00.000Z',
      // S + 9 weeks = Wednesday 10 February 2027: the Weegploeg of 23 February, deadline Monday 15 February.
      'eerste-plan-van-aanpak#0 open 2027-02-15T11:00:00.000Z',
      'kinderen-boven-12-gehoord#0 open 2027-02-15T11:00:00.000Z',
      // S + 10 months = Saturday 9 October 2027: the Ronde Tafel of 14 October, deadline Friday 8 October.
      'tussentijdse-evaluatie#0 open 2027-10-08T10:00:00.000Z',
    ]);
    const again = await tom.post(`/api/dossiers/${CODE}/instemming`, body);
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([
      409,
      'CONSENT_ALREADY_RECORDED',
    ]);
    const dossier = (await (await tom.get(`/api/dossiers/${CODE}`)).json()) as Record<string, unknown>;
    expect(dossier).toMatchObject({
      awaitingConsent: false,
      casusregieStartDate: '2026-12-09',
      consent: { givenBy: 'moeder', verifiedOn: '2026-12-09' },
    });
    const events = await db.auditEvent.findMany({
      where: { action: 'dossier.instemming' },
      select: { actorPersonId: true, outcome: true, route: true, details: true },
      orderBy: { id: 'asc' },
    });
    expect(events).toEqual([
      {
        actorPersonId: tom.personId,
        outcome: 'allowed',
        route: 'POST /api/dossiers/:code/instemming',
        details: { code: CODE, verifiedOn: '2026-12-09', casusregieStartDate: '2026-12-09', started: true },
      },
    ]);
  });

  it('records each child over 12; when both are accounted for, the obligation is fulfilled', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const first = await tom.post(`/api/dossiers/${CODE}/kinderen`, {
      label: 'kind 1, 14 jaar',
      heard: true,
      heardOn: '2026-12-10',
    });
    expect(await first.json()).toEqual({
      code: CODE,
      expected: 2,
      children: [{ label: 'kind 1, 14 jaar', heardOn: '2026-12-10' }],
      allAccountedFor: false,
    });
    expect((await obligations()).filter((o) => o.startsWith('kinderen'))).toEqual([
      'kinderen-boven-12-gehoord#0 open 2027-02-15T11:00:00.000Z',
    ]);

    clock.set('2026-12-10T10:30:00+01:00');
    const tomPage = await pageUser(t, 'tom.peeters@example.org');
    const incomplete = await tomPage.post(`/dossiers/${CODE}/kinderen`, {
      label: 'kind 2, 16 jaar',
      heard: 'false',
      notHeardReason: '',
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.html).toContain('id="kinderen-notHeardReason-fout"');
    expect(incomplete.html).toContain('value="kind 2, 16 jaar"');
    const done = await tomPage.post(`/dossiers/${CODE}/kinderen`, {
      label: 'kind 2, 16 jaar',
      heard: 'false',
      notHeardReason: 'Verblijft bij de grootouders; gesprek gepland in januari.',
    });
    expect([done.status, done.location]).toEqual([303, `/dossiers/${CODE}?melding=kinderen#kinderen`]);
    expect((await obligations()).filter((o) => o.startsWith('kinderen'))).toEqual([
      'kinderen-boven-12-gehoord#0 fulfilled 2027-02-15T11:00:00.000Z',
    ]);
    const children = (await (await tom.get(`/api/dossiers/${CODE}/kinderen`)).json()) as {
      allAccountedFor: boolean;
    };
    expect(children.allAccountedFor).toBe(true);
    const after = await tomPage.get(`/dossiers/${CODE}?melding=kinderen`);
    expect(after.html).toContain('2 van 2 gehoord of met reden (allemaal)');
    expect(after.html).toContain('niet: Verblijft bij de grootouders; gesprek gepland in januari.');
    const timeline = (await (await tom.get(`/api/dossiers/${CODE}/timeline`)).json()) as {
      items: { kind: string; title: string }[];
    };
    // Newest first (issue #18).
    expect(timeline.items.filter((e) => e.kind === 'casusregie').map((e) => e.title)).toEqual([
      'Kind niet gehoord: kind 2, 16 jaar',
      'Kind gehoord: kind 1, 14 jaar',
      'Instemming van een volwassen gezinslid geregistreerd',
    ]);
  });

  it('with a consulent involved, the afronding waits for the consultation: a task once agendered, a refusal at the Weegploeg', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    expect(
      (await tom.post(`/api/dossiers/${CODE}/consulent`, { involved: true, since: '2026-12-10' })).status,
    ).toBe(200);
    expect((await obligations()).some((o) => o.startsWith('consulent-voor-afronding'))).toBe(false);

    const form = new FormData();
    for (const [k, v] of Object.entries({
      dossierCode: CODE,
      tableKey: 'weegploeg',
      itemType: 'afronding',
      questions: 'Kunnen we afronden?',
      ...briefFields(AFRONDING_BRIEF, 'api'),
    }))
      form.append(k, v);
    form.append('document', new Blob([MINIMAL_PDF]), 'afronding.pdf');
    const agendered = await fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: tom.cookie, 'x-csrf-token': tom.csrfToken, accept: 'application/json' },
      body: form,
    });
    expect(agendered.status).toBe(201);
    const { agendaItemId } = (await agendered.json()) as { agendaItemId: string };
    // The Weegploeg of 15 December closed its agendering on 7 December: 29 December, deadline Monday 21 December.
    expect((await obligations()).filter((o) => o.startsWith('consulent-voor-afronding'))).toEqual([
      'consulent-voor-afronding#0 open 2026-12-21T11:00:00.000Z',
    ]);

    clock.set('2026-12-29T13:10:00+01:00');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const refused = await lotte.post(`/api/agenda-items/${agendaItemId}/decision`, {
      kind: 'afronding_goedgekeurd',
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      code: 'CONSULENT_NOT_CONSULTED',
      field: 'consulentGeconsulteerd',
    });

    const item = await db.agendaItem.findUniqueOrThrow({
      where: { id: agendaItemId },
      select: { sessionId: true },
    });
    const lottePage = await pageUser(t, 'lotte.verbeke@example.be');
    const agenda = await lottePage.get(`/agenda/${item.sessionId}`);
    expect(agenda.html).toContain('Consulent betrokken, maar nog niet geconsulteerd over de afronding');
    const formRefused = await lottePage.post(`/agenda/${item.sessionId}/punten/${agendaItemId}/beslissing`, {
      kind: 'afronding_goedgekeurd',
    });
    expect(formRefused.status).toBe(422);
    expect(formRefused.html).toContain(`id="beslissing-${agendaItemId}-consulentGeconsulteerd-fout"`);

    // Logged in again: the session of 10 December has expired.
    const tomNow = await loginAs(t, 'tom.peeters@example.org');
    const recorded = await tomNow.post(`/api/dossiers/${CODE}/consulent-afronding`, {
      consultedOn: '2026-12-28',
      note: 'Samen afgestemd: OCJ volgt de kinderen verder op.',
    });
    expect(await recorded.json()).toEqual({ code: CODE, consultedOn: '2026-12-28' });
    expect((await obligations()).filter((o) => o.startsWith('consulent-voor-afronding'))).toEqual([
      'consulent-voor-afronding#0 fulfilled 2026-12-21T11:00:00.000Z',
    ]);
    expect((await lottePage.get(`/agenda/${item.sessionId}`)).html).toContain(
      'Consulent geconsulteerd over de afronding op maandag 28 december 2026.',
    );
    const approved = await lotte.post(`/api/agenda-items/${agendaItemId}/decision`, {
      kind: 'afronding_goedgekeurd',
    });
    expect(approved.status).toBe(201);
    expect(await approved.json()).toMatchObject({ phase: 'afgerond' });
  });

  it('documents the three forms in the OpenAPI document with their bodies', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const doc = (await (await lotte.get('/api/docs/openapi.json')).json()) as {
      paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: unknown }> } } }>;
    };
    const fields = (path: string) =>
      Object.keys(
        (
          doc.paths[path]?.post?.requestBody?.content['application/json']?.schema as {
            properties?: Record<string, unknown>;
          }
        )?.properties ?? {},
      ).sort();
    expect(fields('/api/dossiers/{code}/instemming')).toEqual(['adultFamilyMember', 'givenBy', 'verifiedOn']);
    expect(fields('/api/dossiers/{code}/kinderen')).toEqual(['heard', 'heardOn', 'label', 'notHeardReason']);
    expect(fields('/api/dossiers/{code}/consulent-afronding')).toEqual(['consultedOn', 'note']);
  });
});
