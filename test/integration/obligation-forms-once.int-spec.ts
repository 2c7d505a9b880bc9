import { ReconcileObligationsUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, textOf } from '../support/page-client';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1, for the forms that fulfil an obligation after the afronding of demo dossier
 * CO3-2026-0003 (Pieter Vandamme; afgerond Tuesday 8 September 2026): the six-month report, which
 * mails the Ronde Tafel's two coordinators, and the strategic coordinator's quality check after the
 * afsluiting. Fifteen posts of one form (or fifteen calls with one Idempotency-Key) fulfil it once,
 * write one report and one mail per coordinator, and all land on the task's page; the same key
 * with other content is a 409 in the form's summary. Real HTTP, real PostgreSQL.
 */
const clock = new ControlledClock('2027-03-01T10:00:00+01:00');
const CODE = 'CO3-2026-0003';
const RACERS = 15;
const REUSED = 'Dit formulier werd al verstuurd, met andere gegevens dan nu.';

describe('the obligation forms are fulfilled once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    await t.app.get(ReconcileObligationsUseCase).execute();
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const obligation = (ruleKey: string) =>
    db.followUpObligation.findFirstOrThrow({ where: { dossier: { code: CODE }, ruleKey } });
  const reportMails = () =>
    db.mailOutbox.count({ where: { dossier: { code: CODE }, purpose: 'follow-up-report' } });

  it('the six-month report: fifteen posts of its form fulfil it once, two mails, all redirected; a reload is a GET', async () => {
    const task = await obligation('controle-zes-maanden-na-afronding');
    const pieter = await pageUser(t, 'pieter.vandamme@example.be');
    const action = `/opvolging/${task.id}/vervolghulp`;
    const submissionKey = formKey((await pieter.get(`/opvolging/${task.id}`)).html, action);
    const fields = {
      started: 'gedeeltelijk',
      helpKinds: 'cgg',
      remarks: 'CGG pas na de wachtlijst, in april.',
      submissionKey,
    };
    const answers = await postConcurrently(pieter, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/opvolging/${task.id}?melding=ingediend`]),
    );
    expect(await reportMails()).toBe(2);
    expect(await db.obligationReport.count({ where: { obligationId: task.id } })).toBe(1);
    expect(await obligation('controle-zes-maanden-na-afronding')).toMatchObject({ status: 'fulfilled' });
    const reload = await pieter.get(answers[0]!.location!);
    expect(reload.status).toBe(200);
    expect(textOf(reload.html)).toContain('Het formulier is ingediend; de taak is afgerond.');
    const changed = await pieter.post(action, { ...fields, started: 'ja' });
    expect(changed.status).toBe(409);
    expect(textOf(changed.html)).toContain(REUSED);
    expect(await reportMails()).toBe(2);
    expect(
      (await db.obligationReport.findUniqueOrThrow({ where: { obligationId: task.id } })).answers,
    ).toMatchObject({ started: 'gedeeltelijk' });
  }, 60_000);

  it('the quality check over the API: fifteen calls with one Idempotency-Key complete it once and answer alike', async () => {
    clock.set('2027-03-09T10:00:00+01:00');
    const pieter = await loginAs(t, 'pieter.vandamme@example.be');
    const agendering = await pieter.post('/api/agenderingen', {
      dossierCode: CODE,
      tableKey: 'ronde-tafel',
      itemType: 'afsluiting',
      questions: 'Laatste check op nieuwe feiten.',
    });
    expect(agendering.status).toBe(201);
    const { agendaItemId } = (await agendering.json()) as { agendaItemId: string };
    clock.set('2027-03-18T10:30:00+01:00');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const decision = await lotte.post(`/api/agenda-items/${agendaItemId}/decision`, {
      kind: 'afsluiting_bevestigd',
    });
    expect(decision.status).toBe(201);

    clock.set('2027-03-25T14:00:00+01:00');
    const check = await obligation('kwaliteitscontrole');
    const ines = await loginAs(t, 'ines.goossens@example.be');
    const url = `/api/opvolging/${check.id}/kwaliteitscontrole`;
    const body = {
      checks: {
        instemming: true,
        'plan-van-aanpak': true,
        afronding: true,
        vervolghulp: true,
        afsluiting: true,
      },
    };
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, ines, url, body, 'kwaliteit-ines-0001')),
    );
    expect(answers).toEqual(
      Array(RACERS).fill({ status: 200, body: { obligationId: check.id, outcome: 'in-orde' } }),
    );
    expect(await db.obligationReport.count({ where: { obligationId: check.id } })).toBe(1);
    expect(await obligation('kwaliteitscontrole')).toMatchObject({ status: 'fulfilled' });
    const reused = await postWithKey(
      t,
      ines,
      url,
      { checks: { ...body.checks, instemming: false }, remarks: 'Navragen.' },
      'kwaliteit-ines-0001',
    );
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'SUBMISSION_KEY_REUSED' });
    expect(
      await db.formSubmission.count({ where: { scope: 'quality-check', key: 'kwaliteit-ines-0001' } }),
    ).toBe(1);
  }, 90_000);

  it('"afgerond": fifteen posts of one form mark it done once, one audit event, all redirected; the API key too', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    // Open obligations of the demo region a coordinator of the ICO may close with a note.
    const open = await db.followUpObligation.findMany({
      where: { status: 'open' },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: 40,
    });
    const closable: { id: string; key: string }[] = [];
    for (const o of open) {
      const html = (await lotte.get(`/opvolging/${o.id}`)).html;
      if (html.includes(`action="/opvolging/${o.id}/afgerond"`))
        closable.push({ id: o.id, key: formKey(html, `/opvolging/${o.id}/afgerond`) });
      if (closable.length === 2) break;
    }
    expect(closable).toHaveLength(2);
    const [task, next] = closable as [{ id: string; key: string }, { id: string; key: string }];
    const submissionKey = task.key;
    const action = `/opvolging/${task.id}/afgerond`;
    const audited = () =>
      db.auditEvent.count({ where: { action: 'obligation.mark-done', entityId: task.id } });
    const fields = { note: 'Telefonisch afgestemd.', terug: 'opvolging', submissionKey };
    const answers = await postConcurrently(lotte, action, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, '/opvolging?melding=afgerond']),
    );
    expect(await db.followUpObligation.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: 'fulfilled',
      fulfilmentNote: 'Telefonisch afgestemd.',
    });
    expect(await audited()).toBe(1);
    const changed = await lotte.post(action, { ...fields, note: 'Iets anders.' });
    expect(changed.status).toBe(409);
    expect(textOf(changed.html)).toContain(REUSED);

    // Over the API: a retried call with its Idempotency-Key answers the first result, not 409.
    const api = await loginAs(t, 'lotte.verbeke@example.be');
    const url = `/api/opvolging/${next.id}/afgerond`;
    const calls = await Promise.all(
      Array.from({ length: 5 }, () => postWithKey(t, api, url, { note: 'Afgestemd.' }, 'afgerond-api-0001')),
    );
    expect(calls).toEqual(Array(5).fill({ status: 200, body: { ok: true, obligationId: next.id } }));
    expect(
      await db.auditEvent.count({
        where: { action: 'obligation.mark-done', entityId: next.id, outcome: 'allowed' },
      }),
    ).toBe(1);
    const without = await api.post(url, { note: 'Afgestemd.' });
    expect(without.status).toBe(409);
  }, 60_000);
});
