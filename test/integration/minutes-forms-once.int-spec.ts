import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
import { errorSummary, pageUser, textOf } from '../support/page-client';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1, for the verslaggever's forms of a verslag: the attendance and an item's
 * verslag. A form posted fifteen times at once with its one-time key (or an API call sent fifteen
 * times with one Idempotency-Key) records once, writes one audit event and answers the first
 * result every time; the page answers by a redirect, so a reload is a GET; the same key with other
 * content is a 409 that says what to do. The ICO of Friday 4 December 2026 with one fictitious
 * aanmelding, written up by Jonas Maes. Real HTTP, real PostgreSQL.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const RACERS = 15;
const REUSED = 'Dit formulier werd al verstuurd, met andere gegevens dan nu.';

describe('the verslag’s forms record once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;
  let itemId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    const email = 'eva.wouters@example.org';
    const { organisationId } = await db.person.findFirstOrThrow({ where: { email } });
    const eva = await loginAs(t, email);
    const filed = await eva.post('/api/aanmeldingen', aanmeldingInput(organisationId!, email, 'Nieuw feit.'));
    expect(filed.status).toBe(201);
    itemId = ((await filed.json()) as { agendaItemId: string }).agendaItemId;
    sessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).sessionId;
    clock.set('2026-12-04T09:40:00+01:00');
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const audits = (action: string) =>
    db.auditEvent.count({ where: { entityId: sessionId, action, outcome: 'allowed' } });
  const politie = async () =>
    (await db.sessionAttendance.findFirst({ where: { sessionId, participant: 'politie' } }))?.status;

  it('the attendance: fifteen posts of one form record it once, each redirected; a reload is a GET; other content is a 409', async () => {
    const jonas = await pageUser(t, 'jonas.maes@example.be');
    const action = `/verslag/${sessionId}/aanwezigheid`;
    const submissionKey = formKey((await jonas.get(`/verslag/${sessionId}`)).html, action);
    expect(submissionKey).toMatch(/^[0-9a-f-]{36}$/);
    const fields = { 'aanwezigheid-politie': 'aanwezig', 'aanwezigheid-parket': 'afwezig', submissionKey };
    const answers = await postConcurrently(jonas, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/verslag/${sessionId}?melding=aanwezigheid#aanwezigheid`]),
    );
    expect(await audits('minutes.attendance')).toBe(1);
    expect(
      await db.formSubmission.count({ where: { key: submissionKey, scope: 'minutes-attendance' } }),
    ).toBe(1);
    const reload = await jonas.get(answers[0]!.location!);
    expect(reload.status).toBe(200);
    expect(textOf(reload.html)).toContain('De aanwezigheid is bewaard.');
    expect(await audits('minutes.attendance')).toBe(1);
    const changed = await jonas.post(action, { ...fields, 'aanwezigheid-politie': 'verontschuldigd' });
    expect(changed.status).toBe(409);
    expect(
      errorSummary(changed.html)
        .map((e) => e.message)
        .join(' '),
    ).toContain(REUSED);
    expect(await politie()).toBe('aanwezig');
    // Over the API: fifteen calls with one Idempotency-Key record once and answer alike.
    const api = await loginAs(t, 'jonas.maes@example.be');
    const url = `/api/zittingen/${sessionId}/verslag/aanwezigheid`;
    const body = { attendance: { politie: 'verontschuldigd' } };
    const calls = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, api, url, body, 'aanwezig-jonas-0001')),
    );
    expect(calls).toEqual(Array(RACERS).fill({ status: 200, body: { recorded: 1 } }));
    expect(await audits('minutes.attendance')).toBe(2);
    const reused = await postWithKey(
      t,
      api,
      url,
      { attendance: { politie: 'afwezig' } },
      'aanwezig-jonas-0001',
    );
    expect(reused).toMatchObject({ status: 409, body: { code: 'SUBMISSION_KEY_REUSED' } });
    expect(await politie()).toBe('verontschuldigd');
    expect(await audits('minutes.attendance')).toBe(2);
  }, 60_000);

  it('an item’s verslag: fifteen posts write it once and audit once; the API with one key too; other text is a 409', async () => {
    const jonas = await pageUser(t, 'jonas.maes@example.be');
    const action = `/verslag/${sessionId}/punten/${itemId}`;
    const submissionKey = formKey((await jonas.get(`/verslag/${sessionId}`)).html, action);
    const fields = { text: 'Besproken: een veilige plek.', submissionKey };
    const answers = await postConcurrently(jonas, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/verslag/${sessionId}?melding=verslag#verslag-${itemId}`]),
    );
    expect(await audits('minutes.item-write')).toBe(1);
    const reload = await jonas.get(answers[0]!.location!);
    expect(reload.status).toBe(200);
    expect(textOf(reload.html)).toContain('Het verslag van het agendapunt is bewaard.');
    expect(await audits('minutes.item-write')).toBe(1);
    const changed = await jonas.post(action, { ...fields, text: 'Iets anders.' });
    expect(changed.status).toBe(409);
    expect(textOf(changed.html)).toContain(REUSED);
    const textOfItem = async () =>
      (await db.itemMinutes.findUniqueOrThrow({ where: { agendaItemId: itemId } })).text;
    expect(await textOfItem()).toBe(fields.text);
    const api = await loginAs(t, 'jonas.maes@example.be');
    const url = `/api/zittingen/${sessionId}/verslag/punten/${itemId}`;
    const body = { text: 'Besproken: een veilige plek, en de school.' };
    const calls = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, api, url, body, 'verslag-jonas-0001')),
    );
    expect(calls).toEqual(Array(RACERS).fill({ status: 200, body: { itemId } }));
    expect(await audits('minutes.item-write')).toBe(2);
    const reused = await postWithKey(t, api, url, { text: 'Nog iets anders.' }, 'verslag-jonas-0001');
    expect(reused).toMatchObject({ status: 409, body: { code: 'SUBMISSION_KEY_REUSED' } });
    expect(await textOfItem()).toBe(body.text);
    expect(await audits('minutes.item-write')).toBe(2);
  }, 60_000);
});
