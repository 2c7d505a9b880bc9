import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, PageUser, textOf } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1, for the coordinator's session forms on the table page (freeze, unfreeze,
 * capacity, move, cancel) and the place form of the agenda page: fifteen posts of one form — a
 * double click, a reload of the POST — change the session once, write one audit event, mail nothing
 * more than the first did, and all land on the page the first was sent to. The same key with other
 * content is a 409. Over the API the Idempotency-Key does the same. Real HTTP, real PostgreSQL.
 *
 * Monday 16 November 2026, 10:00 in Brussels: two fictitious families are on the ICO of Friday
 * 27 November (09:30–12:00); Lotte Verbeke coordinates the ICO.
 */
const clock = new ControlledClock('2026-11-16T09:00:00Z');
/**
 * More than the app's pool of ten connections: each racer holds one while it waits for the
 * table's lock, so the first must read what its mails need (the reminder choices) in its own
 * transaction; a read on the pool waited until it gave up (503s after about 17 s).
 */
const RACERS = 15;
const REUSED = 'Dit formulier werd al verstuurd, met andere gegevens dan nu.';

describe('the session forms change a session once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let lotte: PageUser;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    const eva = await pageUser(t, 'eva.wouters@example.org');
    const evaRow = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    const codes = [
      await fileAanmelding(eva, evaRow.organisationId!, evaRow.email, 'Eerste gezin.'),
      await fileAanmelding(eva, evaRow.organisationId!, evaRow.email, 'Tweede gezin.'),
    ];
    sessionId = (await db.agendaItem.findFirstOrThrow({ where: { dossier: { code: codes[0]! } } })).sessionId;
    lotte = await pageUser(t, 'lotte.verbeke@example.be');
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const audited = (action: string, outcome: 'allowed' | 'denied' = 'allowed') =>
    db.auditEvent.count({ where: { action, outcome, entityId: sessionId } });
  const mails = () => db.mailOutbox.count();
  const session = () => db.session.findUniqueOrThrow({ where: { id: sessionId } });
  const action = (name: string) => `/tafels/ico/zittingen/${sessionId}/${name}`;

  /** Draws the table page, posts its form `name` RACERS times at once, and answers the posts. */
  async function race(name: string, fields: Record<string, string>) {
    const submissionKey = formKey((await lotte.get('/tafels/ico')).html, action(name));
    const answers = await postConcurrently(lotte, action(name), { ...fields, submissionKey }, RACERS);
    return { submissionKey, answers: answers.map((a) => [a.status, a.location]) };
  }

  it('makes the agenda definitive once: one freeze, one audit event, the slot confirmations once', async () => {
    const before = await mails();
    const { submissionKey, answers } = await race('bevriezen', { reason: 'Vroeger klaar.' });
    expect(answers).toEqual(Array(RACERS).fill([303, '/tafels/ico?melding=bevroren']));
    expect((await session()).status).toBe('frozen');
    expect([await audited('session.freeze'), await audited('session.freeze', 'denied')]).toEqual([1, 0]);
    const confirmations = (await mails()) - before;
    // Eva submitted both items: each slot is confirmed to her once.
    expect(confirmations).toBe(2);
    // A reload of the POST answers as the first, not "already definitive".
    const reload = await lotte.post(action('bevriezen'), { reason: 'Vroeger klaar.', submissionKey });
    expect([reload.status, reload.location]).toEqual([303, '/tafels/ico?melding=bevroren']);
    expect(textOf((await lotte.get(reload.location!)).html)).toContain('De agenda is definitief');
    expect(await mails()).toBe(before + confirmations);
    const other = await lotte.post(action('bevriezen'), { reason: 'Iets anders.', submissionKey });
    expect(other.status).toBe(409);
    expect(textOf(other.html)).toContain(REUSED);
    expect(await audited('session.freeze')).toBe(1);
  }, 60_000);

  it('opens the agenda again once', async () => {
    const { answers } = await race('ontdooien', { reason: 'Een laattijdig punt.' });
    expect(answers).toEqual(Array(RACERS).fill([303, '/tafels/ico?melding=ontdooid']));
    expect((await session()).status).toBe('planned');
    expect(await audited('session.unfreeze')).toBe(1);
  }, 60_000);

  it('changes the capacity once', async () => {
    const { answers } = await race('capaciteit', { capacityMinutes: '120', reason: 'Korter.' });
    expect(answers).toEqual(Array(RACERS).fill([303, '/tafels/ico?melding=capaciteit']));
    expect((await session()).capacityMinutes).toBe(120);
    expect(await audited('session.capacity')).toBe(1);
  }, 60_000);

  it('moves the session once: one move, one audit event, one new invitation per holder', async () => {
    const before = await mails();
    const { answers } = await race('verplaatsen', {
      date: '2026-11-25',
      start: '09:30',
      end: '12:00',
      reason: 'De zaal is vrijdag bezet.',
    });
    expect(answers).toEqual(Array(RACERS).fill([303, '/tafels/ico?melding=verplaatst']));
    expect((await session()).startsAt.toISOString()).toBe('2026-11-25T08:30:00.000Z');
    expect(await audited('session.move')).toBe(1);
    // Eva holds the two slots' invitations: she gets the moved session once per slot, not per post.
    expect((await mails()) - before).toBe(2);
  }, 60_000);

  it('sets the place once on the agenda page', async () => {
    const url = `/agenda/${sessionId}/locatie`;
    const submissionKey = formKey((await lotte.get(`/agenda/${sessionId}`)).html, url);
    const fields = { location: 'Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen', onlineMeetingUrl: '' };
    const answers = await postConcurrently(lotte, url, { ...fields, submissionKey }, RACERS);
    expect(new Set(answers.map((a) => `${a.status} ${a.location}`)).size).toBe(1);
    expect(answers[0]!.status).toBe(303);
    expect((await session()).location).toBe(fields.location);
    expect(await audited('session.place')).toBe(1);
  }, 60_000);

  it('cancels once: one cancellation, one audit event, each person told once', async () => {
    const before = await mails();
    const { submissionKey, answers } = await race('annuleren', { reason: 'De voorzitter is ziek.' });
    expect(answers).toEqual(Array(RACERS).fill([303, '/tafels/ico?melding=geannuleerd']));
    expect((await session()).status).toBe('cancelled');
    expect(await audited('session.cancel')).toBe(1);
    const told = (await mails()) - before;
    expect(told).toBeGreaterThan(0);
    const reload = await lotte.post(action('annuleren'), { reason: 'De voorzitter is ziek.', submissionKey });
    expect([reload.status, reload.location]).toEqual([303, '/tafels/ico?melding=geannuleerd']);
    expect([await mails(), await audited('session.cancel')]).toEqual([before + told, 1]);
  }, 60_000);

  it('over the API: fifteen cancellations with one Idempotency-Key cancel once; another reason is a 409', async () => {
    const next = await db.session.findFirstOrThrow({
      where: { tableKey: 'ico', status: 'planned', startsAt: { gt: new Date('2026-11-30T00:00:00Z') } },
      orderBy: { startsAt: 'asc' },
    });
    const api = await loginAs(t, 'lotte.verbeke@example.be');
    const url = `/api/sessions/${next.id}/cancel`;
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () =>
        postWithKey(t, api, url, { reason: 'Feestdag.' }, 'annuleren-api-0001'),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(RACERS).fill(204));
    expect(await db.auditEvent.count({ where: { action: 'session.cancel', entityId: next.id } })).toBe(1);
    const reused = await postWithKey(t, api, url, { reason: 'Iets anders.' }, 'annuleren-api-0001');
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'SUBMISSION_KEY_REUSED' });
    expect(
      await db.formSubmission.count({ where: { scope: 'session-cancel', key: 'annuleren-api-0001' } }),
    ).toBe(1);
  }, 60_000);
});
