import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, PageUser, textOf } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1, for a coordinator's forms on one agendapunt of the agenda page: sharing its
 * contents with the session ("Inhoud delen met de zitting") and moving it (a position, a step).
 * Fifteen posts of one form — a hammered button, a reload of the POST — change the item once,
 * write one audit event and one ledger row, and all answer as the first: no 503 while the racers
 * hold the pool's connections waiting for the table's lock (the move's mails read each holder's
 * reminder choice in the move's own transaction, not on a connection the racers hold). The same key with other content is a 409; over the
 * API the Idempotency-Key does the same. Real HTTP, real PostgreSQL.
 *
 * Monday 16 November 2026, 10:00 in Brussels: three fictitious families are on the ICO of Friday
 * 27 November; Lotte Verbeke coordinates the ICO.
 */
const clock = new ControlledClock('2026-11-16T09:00:00Z');
/** More than the app's pool of ten connections: the racers must not starve the first of one. */
const RACERS = 15;
const REUSED = 'Dit formulier werd al verstuurd, met andere gegevens dan nu.';

describe('an agendapunt is shared and moved once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let lotte: PageUser;
  let lotteApi: Awaited<ReturnType<typeof loginAs>>;
  let sessionId: string;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    const eva = await pageUser(t, 'eva.wouters@example.org');
    const evaRow = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    const codes: string[] = [];
    for (const why of ['Eerste gezin.', 'Tweede gezin.', 'Derde gezin.'])
      codes.push(await fileAanmelding(eva, evaRow.organisationId!, evaRow.email, why));
    const items = await db.agendaItem.findMany({
      where: { dossier: { code: { in: codes } } },
      orderBy: { position: 'asc' },
    });
    sessionId = items[0]!.sessionId;
    ids = items.map((i) => i.id);
    lotte = await pageUser(t, 'lotte.verbeke@example.be');
    lotteApi = await loginAs(t, 'lotte.verbeke@example.be');
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const audited = (action: string, entityId: string) =>
    db.auditEvent.count({ where: { action, entityId, outcome: 'allowed' } });
  const order = async () =>
    (
      await db.agendaItem.findMany({
        where: { sessionId },
        orderBy: { position: 'asc' },
        select: { id: true },
      })
    ).map((i) => i.id);
  const agendaPage = () => `/agenda/${sessionId}`;
  const item = (id: string) => db.agendaItem.findUniqueOrThrow({ where: { id } });

  it('shares once: fifteen posts of one form, one audit event, all redirected alike; a stale form undoes nothing', async () => {
    const url = `/agenda/${sessionId}/punten/${ids[0]}/delen`;
    const submissionKey = formKey((await lotte.get(`/agenda/${sessionId}`)).html, url);
    const answers = await postConcurrently(lotte, url, { shared: 'true', submissionKey }, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/agenda/${sessionId}?melding=gedeeld#punt-${ids[0]}`]),
    );
    expect((await item(ids[0]!)).sharedWithSession).toBe(true);
    expect(await audited('agenda-item.share', ids[0]!)).toBe(1);
    expect(await db.formSubmission.count({ where: { scope: 'agenda-item-share', key: submissionKey } })).toBe(
      1,
    );
    const reload = await lotte.get(answers[0]!.location!);
    expect(reload.status).toBe(200);
    // Stopped by a fresh form; the first form posted again (the browser's back and reload) shares nothing.
    const stop = formKey(reload.html, url);
    expect((await lotte.post(url, { shared: 'false', submissionKey: stop })).status).toBe(303);
    const again = await lotte.post(url, { shared: 'true', submissionKey });
    expect([again.status, again.location]).toEqual([303, answers[0]!.location]);
    expect((await item(ids[0]!)).sharedWithSession).toBe(false);
    expect(await audited('agenda-item.share', ids[0]!)).toBe(1);
    const other = await lotte.post(url, { shared: 'false', submissionKey });
    expect(other.status).toBe(409);
    expect(textOf(other.html)).toContain(REUSED);
    expect(await audited('agenda-item.unshare', ids[0]!)).toBe(1);
  }, 60_000);

  it('shares once over the API: fifteen calls with one Idempotency-Key, one audit event; another body is a 409', async () => {
    const url = `/api/agenda-items/${ids[1]}/share`;
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, lotteApi, url, { shared: true }, 'delen-0001')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(RACERS).fill(204));
    expect((await item(ids[1]!)).sharedWithSession).toBe(true);
    expect(await audited('agenda-item.share', ids[1]!)).toBe(1);
    const reused = await postWithKey(t, lotteApi, url, { shared: false }, 'delen-0001');
    expect([reused.status, (reused.body as { code: string }).code]).toEqual([409, 'SUBMISSION_KEY_REUSED']);
    expect((await item(ids[1]!)).sharedWithSession).toBe(true);
  }, 60_000);

  it('moves once on the page: fifteen posts of one "Naar positie", one move, one audit event, no 503', async () => {
    const url = `/agenda/${sessionId}/punten/${ids[0]}/volgorde`;
    const submissionKey = formKey((await lotte.get(agendaPage())).html, url);
    const fields = { position: '3', reason: 'De aanmelder komt later.', submissionKey };
    const answers = await postConcurrently(lotte, url, fields, RACERS);
    expect(answers.map((a) => [a.status, a.location])).toEqual(
      Array(RACERS).fill([303, `/agenda/${sessionId}?melding=volgorde#punt-${ids[0]}`]),
    );
    expect(await order()).toEqual([ids[1], ids[2], ids[0]]);
    expect(await audited('agenda.item.move', ids[0]!)).toBe(1);
    expect(await db.formSubmission.count({ where: { scope: 'agenda-item-move', key: submissionKey } })).toBe(
      1,
    );
    expect((await lotte.get(answers[0]!.location!)).status).toBe(200);
    const other = await lotte.post(url, { ...fields, position: '1' });
    expect(other.status).toBe(409);
    expect(textOf(other.html)).toContain(REUSED);
    expect(await order()).toEqual([ids[1], ids[2], ids[0]]);
  }, 60_000);

  it('moves once over the API: fifteen identical calls with one key answer as the first, one step, no 503', async () => {
    const url = `/api/agenda-items/${ids[0]}/move`;
    const body = { direction: 'up', reason: 'Toch iets vroeger.' };
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () => postWithKey(t, lotteApi, url, body, 'omhoog-0001')),
    );
    expect(answers).toEqual(Array(RACERS).fill(answers[0]));
    expect(answers[0]!.status).toBe(204);
    // One step up, however many presses.
    expect(await order()).toEqual([ids[1], ids[0], ids[2]]);
    expect(await audited('agenda.item.move', ids[0]!)).toBe(2);
    const reused = await postWithKey(t, lotteApi, url, { ...body, direction: 'down' }, 'omhoog-0001');
    expect(reused.status).toBe(409);
    expect(await order()).toEqual([ids[1], ids[0], ids[2]]);
  }, 60_000);
});
