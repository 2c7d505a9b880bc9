import { ControlledClock } from '@overlegtafels/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';

/**
 * The agenda over the REST API against a real database: aanmelding, agendering with a document,
 * the coordinator's view and actions, decisions and their refusals, and need-to-know.
 */

const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function aanmelding(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    contactEmail: 'eva.wouters@example.org',
    whyNow: 'Escalatie na een nieuw incident.',
    violenceDescription: 'Fysiek en psychisch partnergeweld.',
    situationAtStart: 'Gezin met twee kinderen.',
    situationNow: 'Slachtoffer verblijft tijdelijk elders.',
    mainRisks: 'Herhaling, kinderen getuige.',
    clients: [
      { label: 'Persoon A', role: 'slachtoffer', age: 34 },
      { label: 'Persoon B', role: 'pleger', age: 36 },
      { label: 'Kind 1', role: 'kind', age: 13 },
    ],
    clientRelations: 'A en B zijn partners; kind 1 is hun kind.',
    servicesInvolved: 'CAW (begeleiding), politie (melding).',
    safetyPlanExists: false,
    questionsAndExpectations: 'Afstemming tussen de diensten.',
    confidentialityConfirmed: true,
    familyInformed: true,
    ...overrides,
  };
}

describe('agenda API', () => {
  let t: TestApp;
  let orgId: string;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    orgId = (await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await t.close();
  });

  let evaItem: string;
  let evaCode: string;

  it('files an aanmelding: a new dossier, an ICO slot stated plainly, a confirmation in the outbox', async () => {
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const res = await eva.post('/api/aanmeldingen', aanmelding(orgId));
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      dossierCode: string;
      agendaItemId: string;
      slot: { text: string; provisional: boolean };
    };
    expect(body.dossierCode).toBe('CO3-2026-0007');
    expect(body.slot.text).toBe('vrijdag 4 december 2026, 09:30–10:00, onder voorbehoud tot donderdag 13:00');
    expect(body.slot.provisional).toBe(true);
    evaItem = body.agendaItemId;
    evaCode = body.dossierCode;

    const karim = await loginAs(t, 'karim.bouzid@example.be');
    const second = (await (
      await karim.post('/api/aanmeldingen', aanmelding(orgId, { contactEmail: 'karim.bouzid@example.be' }))
    ).json()) as {
      dossierCode: string;
      slot: { text: string };
    };
    expect(second.dossierCode).toBe('CO3-2026-0008');
    expect(second.slot.text).toBe(
      'vrijdag 4 december 2026, 10:00–10:30, onder voorbehoud tot donderdag 13:00',
    );

    const dossier = await db.dossier.findUniqueOrThrow({
      where: { code: evaCode },
      include: { aanmeldingen: { include: { clients: true } } },
    });
    expect(dossier.phase).toBe('aangemeld');
    expect(dossier.childrenOver12).toBe(1);
    expect(dossier.aanmeldingen[0]!.clients.map((c) => [c.role, c.over12])).toEqual([
      ['slachtoffer', false],
      ['pleger', false],
      ['kind', true],
    ]);
    const mail = await db.mailOutbox.findFirstOrThrow({
      where: { agendaItemId: evaItem, purpose: 'aanmelding-received' },
      include: { body: true },
    });
    expect(mail.subject).toContain(evaCode);
    expect(mail.subject).not.toMatch(/Persoon|Kind 1|partnergeweld/);
    expect(mail.body.textBody).toContain(
      'vrijdag 4 december 2026, 09:30–10:00, onder voorbehoud tot donderdag 13:00',
    );
    const audit = await db.auditEvent.findFirst({
      where: { action: 'aanmelding.create', dossierId: dossier.id },
    });
    expect(audit?.outcome).toBe('allowed');
  });

  it('refuses bad input with 400 naming each field, in Dutch', async () => {
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const res = await eva.post(
      '/api/aanmeldingen',
      aanmelding(orgId, {
        whyNow: '   ',
        clients: [],
        confidentialityConfirmed: false,
        familyInformed: false,
      }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { field: string; errors: { field: string; message: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual(
      ['clients', 'confidentialityConfirmed', 'familyNotInformedReason', 'whyNow'].sort(),
    );
    expect(body.errors.find((e) => e.field === 'whyNow')!.message).toBe('Waarom nu is verplicht.');
    const count = await db.dossier.count();
    expect(count).toBe(8);
  });

  it('lets only aanmelders file aanmeldingen', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    expect((await wim.post('/api/aanmeldingen', aanmelding(orgId))).status).toBe(403);
  });

  function agendering(
    client: Awaited<ReturnType<typeof loginAs>>,
    fields: Record<string, string>,
    file?: { name: string; bytes: Buffer },
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('document', new Blob([file.bytes]), file.name);
    return fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, accept: 'application/json' },
      body: form,
    });
  }

  it('agendering: the casusregisseur puts an own dossier on the Weegploeg with a document; others get 404', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const preview = (await (
      await sara.get('/api/agendering/preview?table=weegploeg&type=plan-van-aanpak')
    ).json()) as {
      sessionText: string;
      deadlineText: string;
      notice?: string;
    };
    // Monday 23 November 09:00: the deadline for 1 December (Monday 23 November 12:00) is still ahead.
    expect(preview.sessionText).toBe('dinsdag 1 december 2026');
    expect(preview.deadlineText).toBe('maandag 23 november 2026 om 12:00');
    expect(preview.notice).toBeUndefined();

    const fields = {
      dossierCode: 'CO3-2026-0001',
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      questions: 'Is het plan haalbaar?',
      ...briefFields(WEEGPLOEG_BRIEF, 'api'),
    };
    await writePlan(t, 'sara.elidrissi@example.org', 'CO3-2026-0001');
    const res = await agendering(
      sara,
      { ...fields, 'guests[0][kind]': 'expert', 'guests[0][email]': 'expert@example.org' },
      { name: 'plan.pdf', bytes: MINIMAL_PDF },
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { agendaItemId: string; slot: { text: string } };
    expect(body.slot.text).toBe('dinsdag 1 december 2026, 13:00–13:30, onder voorbehoud tot donderdag 12:00');
    const item = await db.agendaItem.findUniqueOrThrow({
      where: { id: body.agendaItemId },
      include: { document: true, guests: true },
    });
    expect(item.document?.mimeType).toBe('application/pdf');
    expect(item.document?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(item.guests.map((g) => [g.kind, g.email])).toEqual([['expert', 'expert@example.org']]);

    const tom = await loginAs(t, 'tom.peeters@example.org');
    const foreign = await agendering(tom, fields, { name: 'plan.pdf', bytes: MINIMAL_PDF });
    expect(foreign.status).toBe(404);
    const missing = await agendering(
      tom,
      { ...fields, dossierCode: 'CO3-2026-0999' },
      { name: 'plan.pdf', bytes: MINIMAL_PDF },
    );
    expect(missing.status).toBe(404);
    expect(await foreign.json()).toEqual(expect.objectContaining({ message: 'Dossier niet gevonden.' }));
  });

  it('agendering: the type is read from the bytes, the size is bounded, the document is optional beside the written plan', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const fields = {
      dossierCode: 'CO3-2026-0001',
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      questions: 'Vraag',
      ...briefFields(WEEGPLOEG_BRIEF, 'api'),
    };
    const png = await agendering(sara, fields, { name: 'plan.pdf', bytes: PNG });
    expect(png.status).toBe(400);
    expect(await png.json()).toEqual(
      expect.objectContaining({ field: 'document', code: 'UNSUPPORTED_TYPE' }),
    );
    const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await agendering(sara, fields, { name: 'plan.pdf', bytes: big });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual(expect.objectContaining({ field: 'document', code: 'TOO_LARGE' }));
    const unanswered = await agendering(sara, { ...fields, 'brief[whyNow]': '' });
    expect(unanswered.status).toBe(400);
    expect(await unanswered.json()).toEqual(expect.objectContaining({ field: 'brief.whyNow' }));
    const none = await agendering(sara, fields);
    expect(none.status).toBe(201);
    expect(await none.json()).toEqual(expect.objectContaining({ planVersion: 2 }));
  });

  it('shows members the agenda without contents, coordinators with', async () => {
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: evaItem } });
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const memberView = (await (await wim.get(`/api/sessions/${item.sessionId}/agenda`)).json()) as {
      entries: { dossierCode: string; slotStart: string; contents: unknown }[];
      session: { usedMinutes: number; capacityMinutes: number };
    };
    expect(memberView.entries.map((e) => e.dossierCode)).toEqual(['CO3-2026-0007', 'CO3-2026-0008']);
    expect(memberView.entries.every((e) => e.contents === null)).toBe(true);
    expect(memberView.session).toEqual(expect.objectContaining({ usedMinutes: 60, capacityMinutes: 150 }));
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const full = (await (await lotte.get(`/api/sessions/${item.sessionId}/agenda`)).json()) as {
      entries: { contents: unknown }[];
    };
    expect(full.entries.every((e) => e.contents !== null)).toBe(true);
    // Sharing one item shows its contents to the members.
    expect((await lotte.post(`/api/agenda-items/${evaItem}/share`, { shared: true })).status).toBe(204);
    const shared = (await (await wim.get(`/api/sessions/${item.sessionId}/agenda`)).json()) as {
      entries: { dossierCode: string; contents: unknown }[];
    };
    expect(shared.entries.map((e) => e.contents !== null)).toEqual([true, false]);
    // Someone who is neither member nor coordinator of a table may not open its agendas at all.
    const tom = await loginAs(t, 'tom.peeters@example.org');
    expect((await tom.get(`/api/sessions/${item.sessionId}/agenda`)).status).toBe(403);
  });

  it('records decisions once the session has started, through the lifecycle rules', async () => {
    let lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const tom = await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } });
    const decision = {
      kind: 'met_casusregie',
      casusregisseurId: tom.id,
      startDate: '2026-12-07',
      consentVerified: true,
    };
    const early = await lotte.post(`/api/agenda-items/${evaItem}/decision`, decision);
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual(expect.objectContaining({ code: 'SESSION_NOT_HELD' }));

    clock.set('2026-12-04T09:40:00+01:00');
    lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const wrongKind = await lotte.post(`/api/agenda-items/${evaItem}/decision`, {
      kind: 'pva_besproken',
      terugkomdatum: '2027-01-10',
    });
    expect(wrongKind.status).toBe(422);
    expect(await wrongKind.json()).toEqual(
      expect.objectContaining({ code: 'DECISION_NOT_FOR_ITEM', field: 'kind' }),
    );
    const missingField = await lotte.post(`/api/agenda-items/${evaItem}/decision`, {
      kind: 'geen_ketenaanpak',
      adviceText: 'Advies',
    });
    expect(missingField.status).toBe(400);
    expect(await missingField.json()).toEqual(expect.objectContaining({ field: 'safetyPlanAdvice' }));

    const ok = await lotte.post(`/api/agenda-items/${evaItem}/decision`, decision);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual(
      expect.objectContaining({ dossierCode: 'CO3-2026-0007', phase: 'casusregie' }),
    );
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: 'CO3-2026-0007' } });
    expect(dossier.casusregisseurId).toBe(tom.id);
    expect(dossier.casusregieStartDate?.toISOString().slice(0, 10)).toBe('2026-12-07');
    expect(dossier.consentVerifiedAt).not.toBeNull();
    // The decision planned the dossier's follow-up in the same transaction: the first plan van
    // aanpak on the Weegploeg, owned by the new casusregisseur, shown on the dossier's timeline.
    const obligations = await db.followUpObligation.findMany({
      where: { dossierId: dossier.id, status: 'open' },
    });
    expect(
      obligations.find((o) => o.tableKey === 'weegploeg' && o.itemType === 'plan-van-aanpak')?.ownerId,
    ).toBe(tom.id);
    const tomTimeline = (await (
      await (await loginAs(t, 'tom.peeters@example.org')).get('/api/dossiers/CO3-2026-0007/timeline')
    ).json()) as {
      items: { kind: string; planned: boolean }[];
    };
    expect(tomTimeline.items.filter((e) => e.kind === 'opvolging' && e.planned).length).toBe(
      obligations.length,
    );
    const again = await lotte.post(`/api/agenda-items/${evaItem}/decision`, decision);
    expect(again.status).toBe(409);

    // The appointed casusregisseur now sees the dossier; the aanmelder still does; a stranger does not.
    const tomClient = await loginAs(t, 'tom.peeters@example.org');
    expect((await tomClient.get('/api/dossiers/CO3-2026-0007/timeline')).status).toBe(200);
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    expect((await sara.get('/api/dossiers/CO3-2026-0007/timeline')).status).toBe(404);
    expect((await sara.get('/api/dossiers/CO3-2026-0999/timeline')).status).toBe(404);
  });

  it('herbespreking sends the dossier back to a later ICO; geen ketenaanpak mails the advice letter to the aanmelder', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const karimItem = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code: 'CO3-2026-0008' } } });
    const res = await lotte.post(`/api/agenda-items/${karimItem.id}/decision`, {
      kind: 'herbespreking',
      missingInformation: 'Verslag van de school ontbreekt.',
    });
    expect(res.status).toBe(201);
    const { followUpItemId } = (await res.json()) as { followUpItemId: string };
    const follow = await db.agendaItem.findUniqueOrThrow({
      where: { id: followUpItemId },
      include: { session: true },
    });
    expect(follow.itemType).toBe('herbespreking');
    // Decided Friday 4 December: the deadline for 11 December has passed (Friday 00:00), so 18 December.
    expect(follow.session.startsAt.toISOString()).toBe('2026-12-18T08:30:00.000Z');
  });

  it('cancelling a session rolls its items over ahead of the next session’s own items', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const eva = await loginAs(t, 'eva.wouters@example.org');
    // Friday 4 December 10:00: aanmeldingen now go to the ICO of 18 December.
    const later = (await (await eva.post('/api/aanmeldingen', aanmelding(orgId))).json()) as {
      agendaItemId: string;
      slot: { text: string };
    };
    expect(later.slot.text).toBe(
      'vrijdag 18 december 2026, 10:00–10:30, onder voorbehoud tot donderdag 13:00',
    );
    const session18 = (await db.agendaItem.findUniqueOrThrow({ where: { id: later.agendaItemId } }))
      .sessionId;
    const cancel = await lotte.post(`/api/sessions/${session18}/cancel`, { reason: 'Opleidingsdag' });
    expect(cancel.status).toBe(204);
    const items = await db.agendaItem.findMany({
      where: { dossier: { code: { in: ['CO3-2026-0008', 'CO3-2026-0009'] } }, status: { not: 'discussed' } },
      include: { session: true, dossier: true },
      orderBy: { position: 'asc' },
    });
    // 25 December is Christmas (cancelled): both go to 1 January? No: New Year's Day too; so 8 January.
    expect(
      items.map((i) => [i.dossier.code, i.session.startsAt.toISOString(), i.position, i.status]),
    ).toEqual([
      ['CO3-2026-0008', '2027-01-08T08:30:00.000Z', 1, 'rolled_over'],
      ['CO3-2026-0009', '2027-01-08T08:30:00.000Z', 2, 'rolled_over'],
    ]);
    const cancelReason = await db.session.findUniqueOrThrow({ where: { id: session18 } });
    expect([cancelReason.status, cancelReason.cancelReason]).toEqual(['cancelled', 'Opleidingsdag']);
    const noReason = await lotte.post(`/api/sessions/${items[0]!.sessionId}/cancel`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toEqual(expect.objectContaining({ field: 'reason' }));
  });

  it('documents the API with OpenAPI at /api/docs', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const doc = (await (await wim.get('/api/docs/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/aanmeldingen',
        '/api/agenderingen',
        '/api/agenda-items/{id}/decision',
        '/api/sessions/{id}/cancel',
      ]),
    );
    // Issue #15 item 10: the JSON API only, each operation under one resource with a summary,
    // the error answers described.
    const full = doc as unknown as {
      tags: { name: string; description: string }[];
      paths: Record<
        string,
        Record<string, { tags: string[]; summary?: string; responses: Record<string, unknown> }>
      >;
    };
    const resources = new Set(full.tags.map((tag) => tag.name));
    expect(full.tags.every((tag) => tag.description.length > 10)).toBe(true);
    const problems: string[] = [];
    for (const [path, item] of Object.entries(full.paths)) {
      if (!path.startsWith('/api/') && path !== '/health') problems.push(`page route ${path}`);
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (op.tags.length !== 1 || !resources.has(op.tags[0]!)) problems.push(`${where}: tags ${op.tags}`);
        if (!op.summary) problems.push(`${where}: no summary`);
        if (!op.responses['503']) problems.push(`${where}: no 503`);
        if (path !== '/health' && !op.responses['401']) problems.push(`${where}: no 401`);
      }
    }
    expect(problems).toEqual([]);
    expect(full.paths['/api/aanmeldingen']!.post!.tags).toEqual(['aanmelding']);
    const page = await fetch(`${t.baseUrl}/api/docs`, {
      headers: { cookie: wim.cookie, accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('POST /api/aanmeldingen');
  });
});
