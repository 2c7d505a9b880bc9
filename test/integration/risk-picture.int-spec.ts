import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, pageUser, tinyPdf } from '../support/page-client';
import { fileFamilyAanmelding } from '../support/family-aanmelding';
import { AFRONDING_BRIEF, briefFields } from '../support/plan-van-aanpak';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

interface PictureJson {
  code: string;
  clients: { id: string; label: string; role: string }[];
  versions: { version: number; occasion: string; recordedByName: string }[];
  current: {
    version: number;
    domains: { key: string; factors: { key: string; mark: string; clients: { label: string }[] }[] }[];
  } | null;
  comparison: {
    riskFactorsGone: number;
    protectiveFactorsNew: number;
    domains: {
      key: string;
      rows: { factorKey: string; start: string | null; now: string | null; change: string }[];
    }[];
  } | null;
}

/**
 * The risk picture of a fictitious family through the real use cases (API and pages): recorded with
 * the ICO's decision for instroom on Friday 16 January 2026, updated by the casusregisseur in
 * March, required again for the interim evaluation at the Ronde Tafel (refused in October while
 * the last update is older than three months, allowed after a new one), and at the afronding
 * compared with the picture at the start.
 */
describe('the risk picture of a dossier', () => {
  const clock = new ControlledClock('2026-01-05T09:00:00+01:00');
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let tomId: string;
  let code: string;
  let moeder: string;
  let vader: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 1);
    tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const picture = async (email: string) => {
    const who = await loginAs(t, email);
    const res = await who.get(`/api/dossiers/${code}/risicotaxatie`);
    return { status: res.status, body: res.status === 200 ? ((await res.json()) as PictureJson) : undefined };
  };

  it('is recorded with the ICO’s decision for instroom, in one transaction', async () => {
    const filed = await fileFamilyAanmelding(t, [
      { label: 'moeder', role: 'slachtoffer', age: 35 },
      { label: 'vader', role: 'pleger', age: 38 },
    ]);
    code = filed.dossierCode;

    clock.set('2026-01-16T09:40:00+01:00');
    const before = await picture('lotte.verbeke@example.be');
    expect(before.body!.versions).toEqual([]);
    [moeder, vader] = before.body!.clients.map((c) => c.id) as [string, string];
    expect(before.body!.clients.map((c) => [c.label, c.role])).toEqual([
      ['moeder', 'slachtoffer'],
      ['vader', 'pleger'],
    ]);

    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const decision = {
      kind: 'met_casusregie',
      casusregisseurId: tomId,
      startDate: '2026-01-16',
      consentVerified: true,
    };
    const unknown = await lotte.post(`/api/agenda-items/${filed.agendaItemId}/decision`, {
      ...decision,
      riskPicture: { factors: [{ factorKey: 'geweld-wapenbezit', mark: 'aanwezig', motivation: 'x' }] },
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      field: 'riskPicture.factors.0.factorKey',
      code: 'UNKNOWN_FACTOR',
    });
    expect(await db.decision.count({ where: { dossier: { code } } })).toBe(0);

    const decided = await lotte.post(`/api/agenda-items/${filed.agendaItemId}/decision`, {
      ...decision,
      riskPicture: {
        factors: [
          {
            factorKey: 'geweld-angst',
            mark: 'aanwezig',
            motivation: 'Vreest voor haar leven.',
            clientIds: [moeder],
          },
          {
            factorKey: 'individu-middelen',
            mark: 'aanwezig',
            motivation: 'Alcohol bij de feiten.',
            clientIds: [vader],
          },
          { factorKey: 'sociaal-geen-steun', mark: 'niet-gekend', clientIds: [moeder] },
        ],
      },
    });
    expect(decided.status).toBe(201);
    const { decisionId } = (await decided.json()) as { decisionId: string };
    expect(
      await db.riskPicture.findMany({
        where: { dossier: { code } },
        select: { version: true, occasion: true, decisionId: true },
      }),
    ).toEqual([{ version: 1, occasion: 'ico', decisionId }]);

    const tom = await picture('tom.peeters@example.org');
    expect(
      tom.body!.current!.domains.map((d) => [
        d.key,
        d.factors.map((f) => [f.key, f.mark, f.clients.map((c) => c.label)]),
      ]),
    ).toEqual([
      ['geweld', [['geweld-angst', 'aanwezig', ['moeder']]]],
      ['individu', [['individu-middelen', 'aanwezig', ['vader']]]],
      ['sociale-ondersteuning', [['sociaal-geen-steun', 'niet-gekend', ['moeder']]]],
    ]);
    // The aanmelder sees the dossier, not its risk picture.
    expect((await picture('eva.wouters@example.org')).status).toBe(404);
    const evaId = (await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } })).id;
    expect(
      await db.auditEvent.findMany({
        where: { action: 'risk-picture.read', actorPersonId: evaId },
        select: { outcome: true, details: true, route: true },
      }),
    ).toEqual([{ outcome: 'denied', details: { code }, route: 'GET /api/dossiers/:code/risicotaxatie' }]);
  });

  it('is updated by the casusregisseur as a new version, validated against the kijkschema', async () => {
    clock.set('2026-03-10T10:00:00+01:00');
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const bad = await tom.post(`/api/dossiers/${code}/risicotaxatie`, {
      factors: [{ factorKey: 'geweld-onbekend', mark: 'aanwezig', motivation: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'factors.0.factorKey', code: 'UNKNOWN_FACTOR' });
    const other = await loginAs(t, 'pieter.vandamme@example.be');
    expect((await other.post(`/api/dossiers/${code}/risicotaxatie`, { factors: [] })).status).toBe(404);

    const updated = await tom.post(`/api/dossiers/${code}/risicotaxatie`, {
      factors: [
        { factorKey: 'geweld-angst', mark: 'aanwezig', motivation: 'Nog steeds bang.', clientIds: [moeder] },
        {
          factorKey: 'individu-middelen',
          mark: 'aanwezig',
          motivation: 'In behandeling.',
          clientIds: [vader],
        },
      ],
    });
    expect([updated.status, await updated.json()]).toEqual([201, { id: expect.any(String), version: 2 }]);
    expect(
      await db.auditEvent.findMany({
        where: { action: 'risk-picture.record', outcome: 'allowed' },
        select: { details: true },
        orderBy: { id: 'asc' },
      }),
    ).toEqual([
      { details: { code, version: 1, occasion: 'ico', factors: 3, present: 2 } },
      { details: { code, version: 2, occasion: 'update', factors: 2, present: 2 } },
    ]);
  });

  it('is required again, recent, to agendering the interim evaluation at the Ronde Tafel', async () => {
    clock.set('2026-10-20T10:00:00+01:00');
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const agendering = {
      dossierCode: code,
      tableKey: 'ronde-tafel',
      itemType: 'tussentijdse-evaluatie',
      questions: 'Tussentijdse evaluatie van het plan van aanpak.',
    };
    const refused = await tom.post('/api/agenderingen', agendering);
    expect(refused.status).toBe(422);
    const refusal = (await refused.json()) as { code: string; field: string; message: string };
    expect([refusal.code, refusal.field]).toEqual(['RISK_PICTURE_TOO_OLD', 'itemType']);
    expect(refusal.message).toContain('recente risicotaxatie');
    expect(
      await db.agendaItem.count({ where: { dossier: { code }, itemType: 'tussentijdse-evaluatie' } }),
    ).toBe(0);

    const renewed = await tom.post(`/api/dossiers/${code}/risicotaxatie`, {
      occasion: 'tussentijdse-evaluatie',
      factors: [
        { factorKey: 'geweld-angst', mark: 'niet-gekend', clientIds: [moeder] },
        {
          factorKey: 'individu-middelen',
          mark: 'aanwezig',
          motivation: 'Hervalt af en toe.',
          clientIds: [vader],
        },
        {
          factorKey: 'geweld-veiligheidsplan',
          mark: 'aanwezig',
          motivation: 'Werkt sinds de zomer.',
          clientIds: [moeder, vader],
        },
      ],
    });
    expect(renewed.status).toBe(201);
    const allowed = await tom.post('/api/agenderingen', agendering);
    expect(allowed.status).toBe(201);
  });

  it('at the afronding stands beside the picture at the start, on the API and the dossier page', async () => {
    clock.set('2026-12-01T10:00:00+01:00');
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const last = await tom.post(`/api/dossiers/${code}/risicotaxatie`, {
      occasion: 'afronding',
      factors: [
        { factorKey: 'individu-middelen', mark: 'niet-gekend', clientIds: [vader] },
        {
          factorKey: 'geweld-veiligheidsplan',
          mark: 'aanwezig',
          motivation: 'Werkt.',
          clientIds: [moeder, vader],
        },
        {
          factorKey: 'sociaal-versterkt-netwerk',
          mark: 'aanwezig',
          motivation: 'Zus helpt.',
          clientIds: [moeder],
        },
      ],
    });
    expect(last.status).toBe(201);
    const { body } = await picture('tom.peeters@example.org');
    expect(body!.versions.map((v) => [v.version, v.occasion])).toEqual([
      [1, 'ico'],
      [2, 'update'],
      [3, 'tussentijdse-evaluatie'],
      [4, 'afronding'],
    ]);
    expect(
      body!.comparison!.domains.map((d) => [
        d.key,
        d.rows.map((r) => [r.factorKey, r.start, r.now, r.change]),
      ]),
    ).toEqual([
      [
        'geweld',
        [
          ['geweld-angst', 'aanwezig', null, 'weg'],
          ['geweld-veiligheidsplan', null, 'aanwezig', 'nieuw'],
        ],
      ],
      ['individu', [['individu-middelen', 'aanwezig', 'niet-gekend', 'gewijzigd']]],
      [
        'sociale-ondersteuning',
        [
          ['sociaal-geen-steun', 'niet-gekend', null, 'weg'],
          ['sociaal-versterkt-netwerk', null, 'aanwezig', 'nieuw'],
        ],
      ],
    ]);
    expect([body!.comparison!.riskFactorsGone, body!.comparison!.protectiveFactorsNew]).toEqual([2, 2]);

    const page = await (await pageUser(t, 'tom.peeters@example.org')).get(`/dossiers/${code}`);
    expect(page.html).toContain('<section class="card" id="risicotaxatie">');
    expect(page.html).toContain('data-risk-comparison');
    expect(page.html).toContain('<tr data-factor="geweld-angst" data-change="weg">');
    expect(page.html).toContain(`href="/dossiers/${code}/risicotaxatie/nieuw"`);
    const eva = await (await pageUser(t, 'eva.wouters@example.org')).get(`/dossiers/${code}`);
    expect(eva.status).toBe(200);
    expect(eva.html).not.toContain('id="risicotaxatie"');
  });

  it('keeps what was typed and shows the error next to the factor on the edit page', async () => {
    const tomPage = await pageUser(t, 'tom.peeters@example.org');
    const form = await tomPage.get(`/dossiers/${code}/risicotaxatie/nieuw`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="risico.sociaal-versterkt-netwerk" value="aanwezig" checked');
    const bad = await tomPage.post(`/dossiers/${code}/risicotaxatie`, {
      occasion: 'afronding',
      'risico.kind-zwangerschap': 'aanwezig',
      'motivering.kind-zwangerschap': '',
      'risico.geweld-angst': 'niet-gekend',
      'motivering.geweld-angst': 'Getypt en bewaard.',
    });
    expect(bad.status).toBe(400);
    expect(errorNextTo(bad.html, 'risicotaxatie-motivering-kind-zwangerschap')).toBe(
      'Motiveer waarom deze factor aanwezig is.',
    );
    expect(bad.html).toContain('Getypt en bewaard.</textarea>');
    expect(
      (await (await pageUser(t, 'eva.wouters@example.org')).get(`/dossiers/${code}/risicotaxatie/nieuw`))
        .status,
    ).toBe(403);
  });

  it('shows the comparison on the afronding’s agendapunt: to the coordinator, to the members once shared', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const form = new FormData();
    for (const [k, v] of Object.entries({
      dossierCode: code,
      tableKey: 'weegploeg',
      itemType: 'afronding',
      questions: 'Afronding: de doelen zijn bereikt.',
      // What annex G asks of an afronding (the plan van aanpak branch made them fields).
      ...briefFields(AFRONDING_BRIEF, 'api'),
    })) {
      form.append(k, v);
    }
    form.append('document', new Blob([tinyPdf('Motivatie afronding')]), 'afronding.pdf');
    const agendered = await fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: tom.cookie, 'x-csrf-token': tom.csrfToken, accept: 'application/json' },
      body: form,
    });
    expect(agendered.status).toBe(201);
    const { agendaItemId } = (await agendered.json()) as { agendaItemId: string };
    const { sessionId } = await db.agendaItem.findUniqueOrThrow({ where: { id: agendaItemId } });

    const coordinator = await (await pageUser(t, 'lotte.verbeke@example.be')).get(`/agenda/${sessionId}`);
    expect(coordinator.html).toContain('data-risk-comparison');
    expect(coordinator.html).toContain('<tr data-factor="sociaal-versterkt-netwerk" data-change="nieuw">');
    const bram = await pageUser(t, 'bram.hermans@example.org');
    expect((await bram.get(`/agenda/${sessionId}`)).html).not.toContain('data-risk-comparison');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    expect((await lotte.post(`/api/agenda-items/${agendaItemId}/share`, { shared: true })).status).toBe(204);
    const shared = await bram.get(`/agenda/${sessionId}`);
    expect(shared.html).toContain('<tr data-factor="geweld-angst" data-change="weg">');
    const bramId = (await db.person.findFirstOrThrow({ where: { email: 'bram.hermans@example.org' } })).id;
    expect(
      await db.auditEvent.findMany({
        where: { action: 'risk-picture.read', actorPersonId: bramId },
        select: { details: true, outcome: true },
      }),
    ).toEqual([{ outcome: 'allowed', details: { code, versions: 4, via: agendaItemId } }]);
  });

  it('puts the picture’s error next to the factor in the ICO’s decision form, with what was typed', async () => {
    clock.set('2026-12-07T09:00:00+01:00');
    const filed = await fileFamilyAanmelding(t, [{ label: 'partner A', role: 'slachtoffer', age: 30 }]);
    const { agendaItemId, dossierCode } = filed;
    const { sessionId, session } = await db.agendaItem.findUniqueOrThrow({
      where: { id: agendaItemId },
      include: { session: true },
    });
    clock.set(new Date(session.startsAt.getTime() + 30 * 60_000).toISOString());
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const agenda = await lotte.get(`/agenda/${sessionId}`);
    expect(agenda.html).toContain(`name="risico.geweld-angst"`);
    const bad = await lotte.post(`/agenda/${sessionId}/punten/${agendaItemId}/beslissing`, {
      kind: 'met_casusregie',
      casusregisseurId: tomId,
      startDate: session.startsAt.toISOString().slice(0, 10),
      consentVerified: 'on',
      risicotaxatie: 'ja',
      'risico.geweld-escalatie': 'aanwezig',
      'motivering.geweld-escalatie': '',
      'risico.geweld-angst': 'niet-gekend',
      'motivering.geweld-angst': 'Nog niet gevraagd.',
    });
    expect(bad.status).toBe(400);
    expect(errorNextTo(bad.html, `beslissing-${agendaItemId}-motivering-geweld-escalatie`)).toBe(
      'Motiveer waarom deze factor aanwezig is.',
    );
    expect(bad.html).toContain('Nog niet gevraagd.</textarea>');
    expect(await db.decision.count({ where: { dossier: { code: dossierCode } } })).toBe(0);
  });
});
