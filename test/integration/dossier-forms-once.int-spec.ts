import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorSummary, pageUser, textOf } from '../support/page-client';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1, for the casusregisseur's forms of a dossier: the consent, a child heard, the
 * consultation of the consulent and a new version of the risk picture. A form posted fifteen times
 * at once with its one-time key (or an API call sent fifteen times with one Idempotency-Key) records
 * once, writes one audit event and answers the first result every time; the page answers by a
 * redirect, so a reload is a GET; the same key with other content is a 409 that says what to do,
 * the input kept. A fictitious family, referred Monday 23 November 2026; the ICO of Friday 4
 * December appoints Tom Peeters (casusregie awaiting consent). Real HTTP, real PostgreSQL.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const RACERS = 15;
const REUSED = 'Dit formulier werd al verstuurd, met andere gegevens dan nu.';

describe('the dossier’s forms record once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let code: string;
  let dossierId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    const tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
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
      ],
      clientRelations: 'A is de moeder van het kind.',
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
    code = dossierCode;
    dossierId = (await db.dossier.findUniqueOrThrow({ where: { code } })).id;
    clock.set('2026-12-04T09:40:00+01:00');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const decided = await lotte.post(`/api/agenda-items/${agendaItemId}/decision`, {
      kind: 'met_casusregie',
      casusregisseurId: tomId,
      startDate: '2026-12-07',
    });
    expect(decided.status).toBe(201);
    clock.set('2026-12-10T10:00:00+01:00');
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const audits = (action: string) =>
    db.auditEvent.count({ where: { dossierId, action, outcome: 'allowed' } });

  it('the consent: fifteen posts of one form record it once, each redirected to the dossier; a reload is a GET', async () => {
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const action = `/dossiers/${code}/instemming`;
    const submissionKey = formKey((await tom.get(`/dossiers/${code}`)).html, action);
    expect(submissionKey).toMatch(/^[0-9a-f-]{36}$/);
    const fields = { givenBy: 'moeder', verifiedOn: '2026-12-09', adultFamilyMember: 'on', submissionKey };
    const answers = await postConcurrently(tom, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/dossiers/${code}?melding=instemming#instemming`]),
    );
    expect(await audits('dossier.instemming')).toBe(1);
    expect(await db.formSubmission.count({ where: { key: submissionKey, scope: 'consent' } })).toBe(1);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect([dossier.phase, dossier.consentGivenBy]).toEqual(['casusregie', 'moeder']);
    // The answer is a page of its own: a reload reads it and records nothing.
    const reload = await tom.get(answers[0]!.location!);
    expect(reload.status).toBe(200);
    expect(textOf(reload.html)).toContain('De instemming is geregistreerd');
    expect(await audits('dossier.instemming')).toBe(1);
    // The same key with other content: refused with the reason in the summary (the form itself is
    // gone: the consent is recorded), nothing changed.
    const changed = await tom.post(action, { ...fields, givenBy: 'vader' });
    expect(changed.status).toBe(409);
    expect(
      errorSummary(changed.html)
        .map((e) => e.message)
        .join(' '),
    ).toContain(REUSED);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).consentGivenBy).toBe('moeder');
    // Without the key (an old form), the repeat is the refusal it always was.
    const { submissionKey: _k, ...keyless } = fields;
    expect((await tom.post(action, keyless)).status).toBe(409);
  }, 60_000);

  it('a child heard: fifteen posts make one hearing and one audit event', async () => {
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const action = `/dossiers/${code}/kinderen`;
    const submissionKey = formKey((await tom.get(`/dossiers/${code}`)).html, action);
    const fields = { label: 'kind 1, 14 jaar', heard: 'true', heardOn: '2026-12-10', submissionKey };
    const answers = await postConcurrently(tom, action, fields, RACERS);
    expect(new Set(answers.map((a) => `${a.status} ${a.location}`))).toEqual(
      new Set([`303 /dossiers/${code}?melding=kinderen#kinderen`]),
    );
    expect(await db.childHearing.count({ where: { dossierId } })).toBe(1);
    expect(await audits('dossier.kind-gehoord')).toBe(1);
    const changed = await tom.post(action, { ...fields, heardOn: '2026-12-09' });
    expect(changed.status).toBe(409);
    expect(textOf(changed.html)).toContain(REUSED);
    expect((await db.childHearing.findFirstOrThrow({ where: { dossierId } })).heardOn).toEqual(
      new Date('2026-12-10T00:00:00Z'),
    );
  }, 60_000);

  it('the consultation of the consulent over the API: fifteen calls with one Idempotency-Key record it once', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    expect(
      (await tom.post(`/api/dossiers/${code}/consulent`, { involved: true, since: '2026-12-08' })).status,
    ).toBe(200);
    const url = `/api/dossiers/${code}/consulent-afronding`;
    const body = { consultedOn: '2026-12-10', note: 'Samen afgestemd over de afronding.' };
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, tom, url, body, 'consult-tom-0001')),
    );
    expect(answers).toEqual(Array(RACERS).fill({ status: 200, body: { code, consultedOn: '2026-12-10' } }));
    expect(await audits('dossier.consulent-geconsulteerd')).toBe(1);
    const reused = await postWithKey(t, tom, url, { ...body, note: 'Iets anders.' }, 'consult-tom-0001');
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'SUBMISSION_KEY_REUSED' });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).consulentConsultationNote).toBe(
      body.note,
    );
    expect(await audits('dossier.consulent-geconsulteerd')).toBe(1);
  }, 60_000);

  it('the risk picture: fifteen calls with one key make one version; the page’s form carries a key', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const url = `/api/dossiers/${code}/risicotaxatie`;
    const body = { occasion: 'update', factors: [{ factorKey: 'geweld-angst', mark: 'niet-gekend' }] };
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, tom, url, body, 'risico-tom-0001')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(RACERS).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0]!.body).toMatchObject({ version: 1 });
    expect(await db.riskPicture.count({ where: { dossierId } })).toBe(1);
    const reused = await postWithKey(
      t,
      tom,
      url,
      { ...body, factors: [{ factorKey: 'geweld-angst', mark: 'aanwezig', motivation: 'Nieuw feit.' }] },
      'risico-tom-0001',
    );
    expect(reused.status).toBe(409);
    expect(await db.riskPicture.count({ where: { dossierId } })).toBe(1);
    // A new key is a new version.
    expect((await postWithKey(t, tom, url, body, 'risico-tom-0002')).body).toMatchObject({ version: 2 });
    const page = await pageUser(t, 'tom.peeters@example.org');
    expect(
      formKey(
        (await page.get(`/dossiers/${code}/risicotaxatie/nieuw`)).html,
        `/dossiers/${code}/risicotaxatie`,
      ),
    ).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);

  it('the consulent form: fifteen posts record the involvement once, each redirected; a reload is a GET; other content is a 409', async () => {
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const action = `/dossiers/${code}/consulent`;
    const submissionKey = formKey((await tom.get(`/dossiers/${code}`)).html, action);
    const fields = { involved: 'true', since: '2026-12-09', email: '', submissionKey };
    const before = await audits('dossier.consulent');
    const answers = await postConcurrently(tom, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/dossiers/${code}?melding=consulent#consulent`]),
    );
    expect(await audits('dossier.consulent')).toBe(before + 1);
    expect(await db.formSubmission.count({ where: { key: submissionKey, scope: 'consulent' } })).toBe(1);
    const reload = await tom.get(answers[0]!.location!);
    expect(reload.status).toBe(200);
    expect(textOf(reload.html)).toContain('De betrokkenheid van de consulent is geregistreerd');
    expect(await audits('dossier.consulent')).toBe(before + 1);
    const changed = await tom.post(action, { ...fields, since: '2026-12-10' });
    expect(changed.status).toBe(409);
    expect(
      errorSummary(changed.html)
        .map((e) => e.message)
        .join(' '),
    ).toContain(REUSED);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).consulentInvolvedSince).toEqual(
      new Date('2026-12-09T00:00:00Z'),
    );
    // Over the API: fifteen calls with one Idempotency-Key audit once and answer alike.
    const url = `/api/dossiers/${code}/consulent`;
    const api = await loginAs(t, 'tom.peeters@example.org');
    const body = { involved: true, since: '2026-12-10' };
    const calls = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, api, url, body, 'consulent-tom-0001')),
    );
    expect(calls).toEqual(
      Array(RACERS).fill({
        status: 200,
        body: { code, consulent: { involved: true, since: '2026-12-10', email: null } },
      }),
    );
    expect(await audits('dossier.consulent')).toBe(before + 2);
    const reused = await postWithKey(t, api, url, { ...body, since: '2026-12-09' }, 'consulent-tom-0001');
    expect(reused).toMatchObject({ status: 409, body: { code: 'SUBMISSION_KEY_REUSED' } });
    expect(await audits('dossier.consulent')).toBe(before + 2);
  }, 60_000);

  it('the start correction: fifteen posts correct once and audit once; the API with one key too; other content is a 409', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const action = `/dossiers/${code}/casusregie-start`;
    const submissionKey = formKey((await lotte.get(`/dossiers/${code}`)).html, action);
    const fields = { startDate: '2026-12-10', reason: 'Tikfout in de beslissing.', submissionKey };
    const answers = await postConcurrently(lotte, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/dossiers/${code}?melding=startdatum#startdatum`]),
    );
    expect(await audits('dossier.casusregie-start')).toBe(1);
    const reload = await lotte.get(answers[0]!.location!);
    expect(reload.status).toBe(200);
    expect(textOf(reload.html)).toContain('De startdatum van de casusregie is gecorrigeerd');
    expect(await audits('dossier.casusregie-start')).toBe(1);
    const changed = await lotte.post(action, { ...fields, startDate: '2026-12-09' });
    expect(changed.status).toBe(409);
    expect(
      errorSummary(changed.html)
        .map((e) => e.message)
        .join(' '),
    ).toContain(REUSED);
    const startOf = async () =>
      (await db.dossier.findUniqueOrThrow({ where: { id: dossierId } })).casusregieStartDate;
    expect(await startOf()).toEqual(new Date('2026-12-10T00:00:00Z'));
    const api = await loginAs(t, 'lotte.verbeke@example.be');
    const url = `/api/dossiers/${code}/casusregie-start`;
    const body = { startDate: '2026-12-09', reason: 'De dag van de instemming.' };
    const calls = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, api, url, body, 'start-lotte-0001')),
    );
    // Every repeat answers the first, `changed: true`, not the `changed: false` of a second run.
    expect(calls).toEqual(
      Array(RACERS).fill({ status: 200, body: { code, casusregieStartDate: '2026-12-09', changed: true } }),
    );
    expect(await audits('dossier.casusregie-start')).toBe(2);
    const reused = await postWithKey(t, api, url, { ...body, startDate: '2026-12-10' }, 'start-lotte-0001');
    expect(reused).toMatchObject({ status: 409, body: { code: 'SUBMISSION_KEY_REUSED' } });
    expect(await startOf()).toEqual(new Date('2026-12-09T00:00:00Z'));
  }, 60_000);
});
