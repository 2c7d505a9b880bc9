import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser } from '../support/page-client';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Casusregie that waits for consent and never gets it (CO3 guide I.G), through the real use cases:
 * a fictitious family referred on Monday 23 November 2026; the ICO of Friday 4 December appoints
 * Tom Peeters from Monday 7 December without consent; on Friday 11 December he records that no
 * adult family member consents. The dossier goes to "geen instemming", his appointment and its
 * obligations end with his access, the aanmelder and the ICO's coordinators are told (code only),
 * and the aanmelder can bring the dossier back to the ICO.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const CODE = 'CO3-2026-0007';
const NOTE = 'Beide ouders weigeren elke medewerking.';

describe('no consent after the ICO', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let tomId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 1);
    tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const organisationId = (await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } })).id;
    const filed = await eva.post('/api/aanmeldingen', {
      organisationId,
      contactEmail: 'eva.wouters@example.org',
      whyNow: 'Nieuw incident.',
      violenceDescription: 'Partnergeweld.',
      situationAtStart: 'Gezin met een jong kind.',
      situationNow: 'Spanningen blijven.',
      mainRisks: 'Herhaling.',
      clients: [
        { label: 'Persoon A', role: 'slachtoffer', age: 41 },
        { label: 'Persoon B', role: 'pleger', age: 44 },
      ],
      clientRelations: 'A en B zijn partners.',
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
      vervolgoverlegDate: '2026-12-15',
    });
    expect(decided.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const obligations = async () =>
    (
      await db.followUpObligation.findMany({
        where: { dossier: { code: CODE } },
        select: { ruleKey: true, status: true },
        orderBy: { ruleKey: 'asc' },
      })
    ).map((o) => `${o.ruleKey} ${o.status}`);

  it('offers the form while casusregie awaits consent, and keeps what was typed when it is refused', async () => {
    clock.set('2026-12-11T10:00:00+01:00');
    expect(await obligations()).toEqual(['eerste-vervolgoverleg open', 'instemming-volwassene open']);
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const page = await tom.get(`/dossiers/${CODE}`);
    expect(page.html).toContain(`action="/dossiers/${CODE}/geen-instemming"`);
    const bad = await tom.post(`/dossiers/${CODE}/geen-instemming`, {
      establishedOn: '2026-12-12',
      note: NOTE,
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain(
      '<p class="error" id="geen-instemming-establishedOn-fout"><span class="visually-hidden">Fout: </span>De datum kan niet in de toekomst liggen.</p>',
    );
    expect(bad.html).toContain(NOTE);
    const api = await loginAs(t, 'tom.peeters@example.org');
    const missing = await api.post(`/api/dossiers/${CODE}/geen-instemming`, { establishedOn: '2026-12-10' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ field: 'note' });
    // Another casusregisseur of the region gets the same "not found" as for an unknown code.
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    expect(
      (await sara.post(`/api/dossiers/${CODE}/geen-instemming`, { establishedOn: '2026-12-10', note: NOTE }))
        .status,
    ).toBe(404);
    expect((await db.dossier.findUniqueOrThrow({ where: { code: CODE } })).phase).toBe('casusregie');
  });

  it('ends the appointment, its obligations and the access in one step, and tells the aanmelder and the ICO', async () => {
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const action = `/dossiers/${CODE}/geen-instemming`;
    const submissionKey = formKey((await tom.get(`/dossiers/${CODE}`)).html, action);
    const fields = { establishedOn: '2026-12-10', note: NOTE, submissionKey };
    // A double click (eight posts at once) and a reload of the POST: all land where the first did,
    // although the first ended Tom's appointment and his access (issue #15), not on "not found".
    const racing = await postConcurrently(tom, action, fields, 8);
    expect(racing.map((r) => [r.status, r.location])).toEqual(
      Array(8).fill([303, '/opvolging?melding=geen-instemming']),
    );
    const done = await tom.post(action, fields);
    expect([done.status, done.location]).toEqual([303, '/opvolging?melding=geen-instemming']);
    const api = await loginAs(t, 'tom.peeters@example.org');
    const retried = await postWithKey(
      t,
      api,
      `/api/dossiers/${CODE}/geen-instemming`,
      { establishedOn: '2026-12-10', note: NOTE },
      'geen-instemming-api-01',
    );
    // Another key is another submission: that one is refused, the dossier being no longer his.
    expect(retried.status).toBe(404);
    expect(
      await db.auditEvent.count({ where: { action: 'dossier.geen-instemming', outcome: 'allowed' } }),
    ).toBe(1);
    expect((await tom.get('/opvolging?melding=geen-instemming')).html).toContain(
      'Geen instemming is geregistreerd: de casusregie start niet en het dossier is niet meer van u.',
    );

    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: CODE } });
    expect([dossier.phase, dossier.casusregisseurId, dossier.casusregiePlannedStartDate]).toEqual([
      'geen_instemming',
      null,
      null,
    ]);
    expect([
      dossier.noConsentEstablishedOn?.toISOString().slice(0, 10),
      dossier.noConsentRecordedById,
    ]).toEqual(['2026-12-10', tomId]);
    // The consent and what the ICO planned with the appointment are no longer anyone's task.
    expect(await obligations()).toEqual([
      'eerste-vervolgoverleg cancelled',
      'instemming-volwassene cancelled',
    ]);
    // Need-to-know: the former casusregisseur no longer opens the dossier.
    expect((await tom.get(`/dossiers/${CODE}`)).status).toBe(404);

    const mails = await eventually(async () => {
      const found = (await t.sink.list(1000)).filter(
        (m) => m.subject === `Geen instemming: ${CODE} – CO3 Antwerpen`,
      );
      return found.length >= 3 && found;
    }, 'the aanmelder and the two ICO coordinators are told');
    const recipients = mails.flatMap((m) => m.to).sort();
    expect(recipients).toEqual([
      'eva.wouters@example.org',
      'jonas.maes@example.be',
      'lotte.verbeke@example.be',
    ]);
    const toEva = (await t.sink.read(mails.find((m) => m.to.includes('eva.wouters@example.org'))!.id))!;
    expect(toEva.text).toContain('Op donderdag 10 december 2026 bleek dat geen van de gezinsleden instemt.');
    expect(toEva.text).toContain('U kunt nog 2 keer terugkomen naar het verkennend casusoverleg');
    expect(toEva.text).toContain(`/dossiers/${CODE}`);
    for (const m of mails) expect((await t.sink.read(m.id))!.text).not.toContain('weigeren');

    const audit = await db.auditEvent.findMany({
      where: { action: 'dossier.geen-instemming', outcome: 'allowed' },
      select: { actorPersonId: true, dossierId: true, details: true },
    });
    expect(audit).toEqual([
      {
        actorPersonId: tomId,
        dossierId: dossier.id,
        details: { code: CODE, establishedOn: '2026-12-10', returnsLeft: 2, formerCasusregisseur: tomId },
      },
    ]);
  });

  it('shows it on the dossier page and lets the aanmelder bring the dossier back to the ICO', async () => {
    const eva = await pageUser(t, 'eva.wouters@example.org');
    const page = await eva.get(`/dossiers/${CODE}`);
    expect(page.html).toContain('Geen instemming: de casusregie start niet');
    expect(page.html).not.toContain(`action="/dossiers/${CODE}/geen-instemming"`);
    const api = await loginAs(t, 'eva.wouters@example.org');
    const again = await api.post(`/api/dossiers/${CODE}/geen-instemming`, {
      establishedOn: '2026-12-10',
      note: NOTE,
    });
    expect(again.status).toBe(403);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      dossierCode: CODE,
      tableKey: 'ico',
      itemType: 'herbespreking',
      questions: 'Nieuwe feiten; graag opnieuw bespreken.',
    })) {
      form.append(k, v);
    }
    const back = await fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: api.cookie, 'x-csrf-token': api.csrfToken, accept: 'application/json' },
      body: form,
    });
    expect(back.status).toBe(201);
  });
});
