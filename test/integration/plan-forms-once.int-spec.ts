import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorSummary, pageUser, textOf } from '../support/page-client';
import { familyInCasusregie } from '../support/plan-van-aanpak';
import { formKey, postConcurrently } from '../support/submit-once';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1, for the plan van aanpak's forms: the IFG profiles, changing a row and removing
 * one, and the API's PUT of the whole plan. A form posted fifteen times at once with its one-time
 * key (or the PUT sent fifteen times with one Idempotency-Key) changes the draft once, writes one
 * audit event and answers the first result every time (a removal's repeat lands where the first
 * did, not on "deze rij staat niet meer in het plan"); the same key with other content is a 409
 * that says what to do. A fictitious family in casusregie for Tom Peeters. Real HTTP, real
 * PostgreSQL.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const RACERS = 15;
const REUSED = 'Dit formulier werd al verstuurd, met andere gegevens dan nu.';

interface PlanJson {
  profiles: string[];
  rows: { id: string; factorKey: string; actie: string }[];
}

describe('the plan van aanpak’s forms change the draft once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let code: string;
  let dossierId: string;
  let rowId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    code = await familyInCasusregie(t, clock, [
      { label: 'Persoon A', role: 'slachtoffer', age: 41 },
      { label: 'kind 1', role: 'kind', age: 14 },
    ]);
    dossierId = (await db.dossier.findUniqueOrThrow({ where: { code } })).id;
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const edits = () =>
    db.auditEvent.count({ where: { dossierId, action: 'plan-van-aanpak.edit', outcome: 'allowed' } });
  const planPage = () => `/dossiers/${code}/plan-van-aanpak`;
  const put = async (who: { cookie: string; csrfToken: string }, body: unknown, key: string) => {
    const res = await fetch(`${t.baseUrl}/api${planPage()}`, {
      method: 'PUT',
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as PlanJson & { code?: string } };
  };
  const summary = (html: string) =>
    errorSummary(html)
      .map((e) => e.message)
      .join(' ');

  it('the profiles: fifteen posts of one form save them once, each redirected; a reload is a GET; other profiles are a 409', async () => {
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const action = `${planPage()}/profielen`;
    const submissionKey = formKey((await tom.get(planPage())).html, action);
    expect(submissionKey).toMatch(/^[0-9a-f-]{36}$/);
    const fields = { profiles: 'situationeel-geweld', submissionKey };
    const answers = await postConcurrently(tom, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `${planPage()}?melding=profielen#profielen`]),
    );
    expect(await edits()).toBe(1);
    expect(await db.formSubmission.count({ where: { key: submissionKey, scope: 'plan-van-aanpak' } })).toBe(
      1,
    );
    const reload = await tom.get(answers[0]!.location!);
    expect(reload.status).toBe(200);
    expect(textOf(reload.html)).toContain('De IFG-profielen zijn bewaard.');
    expect(await edits()).toBe(1);
    const changed = await tom.post(action, { ...fields, profiles: '' });
    expect(changed.status).toBe(409);
    expect(summary(changed.html)).toContain(REUSED);
    expect(await edits()).toBe(1);
  }, 60_000);

  it('the whole plan over the API: fifteen PUTs with one Idempotency-Key write it once, with the same row ids', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const body = {
      profiles: ['situationeel-geweld'],
      rows: [{ domainKey: 'geweld', factorKey: 'geweld-escalatie', actie: 'Veiligheidsplan opvolgen' }],
    };
    const calls = await Promise.all(Array.from({ length: RACERS }, () => put(tom, body, 'plan-tom-0001')));
    expect(calls).toEqual(Array(RACERS).fill({ status: 200, body: calls[0]!.body }));
    expect(calls[0]!.body.rows).toHaveLength(1);
    rowId = calls[0]!.body.rows[0]!.id;
    expect(await edits()).toBe(2);
    const reused = await put(tom, { ...body, rows: [] }, 'plan-tom-0001');
    expect([reused.status, reused.body.code]).toEqual([409, 'SUBMISSION_KEY_REUSED']);
    expect(await edits()).toBe(2);
  }, 60_000);

  it('a row changed: fifteen posts change it once; other content with the key is a 409, the input kept', async () => {
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const action = `${planPage()}/rijen/${rowId}`;
    const submissionKey = formKey((await tom.get(planPage())).html, action);
    const fields = { factorKey: 'geweld-escalatie', actie: 'Agressieregulatie', submissionKey };
    const answers = await postConcurrently(tom, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `${planPage()}?melding=gewijzigd#rij-${rowId}`]),
    );
    expect(await edits()).toBe(3);
    const changed = await tom.post(action, { ...fields, actie: 'Iets anders' });
    expect(changed.status).toBe(409);
    expect(textOf(changed.html)).toContain(REUSED);
    expect(changed.html).toContain('Iets anders</textarea>');
    expect(await edits()).toBe(3);
  }, 60_000);

  it('a row removed: fifteen posts remove it once and all land where the first did; without the key it is gone', async () => {
    const tom = await pageUser(t, 'tom.peeters@example.org');
    const action = `${planPage()}/rijen/${rowId}/verwijderen`;
    const submissionKey = formKey((await tom.get(planPage())).html, action);
    const answers = await postConcurrently(tom, action, { submissionKey }, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `${planPage()}?melding=verwijderd#rijen`]),
    );
    expect(await edits()).toBe(4);
    const reload = await tom.get(answers[0]!.location!);
    expect(textOf(reload.html)).toContain('De rij is verwijderd.');
    // Without the key (an old form), the repeat is told the row is no longer there.
    const keyless = await tom.post(action, {});
    expect(keyless.status).toBe(404);
    expect(await edits()).toBe(4);
  }, 60_000);
});
