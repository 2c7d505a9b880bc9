import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, textOf, tinyPdf } from '../support/page-client';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1: fifty identical agendering POSTs made fifty items, fifty-two documents and
 * fifty-two mails. Now the page form carries a one-time key and the API takes an Idempotency-Key:
 * fifty concurrent identical submissions make one item, one document and one mail, and every
 * answer points to that one item; the same key with another body is refused (409) and makes
 * nothing. Real HTTP, real PostgreSQL.
 */
const clock = new ControlledClock('2026-11-16T09:00:00Z');
const CODE = 'CO3-2026-0001';
const RACERS = 50;

describe('an agendering is made once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    await writePlan(t, 'sara.elidrissi@example.org', CODE);
  }, 60_000);
  afterAll(async () => {
    await db.$disconnect();
    await t?.close();
  });

  const counts = async () => {
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: CODE } });
    return {
      items: await db.agendaItem.count({ where: { dossierId: dossier.id } }),
      documents: await db.document.count({ where: { dossierId: dossier.id } }),
      mails: await db.mailOutbox.count({ where: { dossierId: dossier.id, purpose: 'agendering-received' } }),
    };
  };

  it('from the page: fifty concurrent posts of one form make one item, one document, one mail, all redirected to it', async () => {
    const sara = await pageUser(t, 'sara.elidrissi@example.org');
    const form = await sara.get('/agendering');
    const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(form.html)![1]!;
    expect(submissionKey).toMatch(/^[0-9a-f-]{36}$/);
    const before = await counts();
    const fields = {
      submissionKey,
      dossierCode: CODE,
      soort: 'weegploeg:plan-van-aanpak',
      questions: 'Graag feedback op de doelen.',
      ...briefFields(WEEGPLOEG_BRIEF, 'page'),
    };
    const pdf = { name: 'genogram.pdf', bytes: tinyPdf() };
    const answers = await Promise.all(
      Array.from({ length: RACERS }, () => sara.postMultipart('/agendering', fields, pdf)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(RACERS).fill(303));
    const locations = new Set(answers.map((a) => a.location));
    expect(locations.size).toBe(1);
    const [location] = [...locations];
    expect(location).toMatch(/^\/agendering\/verstuurd\/[0-9a-f-]{36}$/);
    expect(await counts()).toEqual({
      items: before.items + 1,
      documents: before.documents + 1,
      mails: before.mails + 1,
    });
    expect(await db.formSubmission.count({ where: { key: submissionKey } })).toBe(1);
    // The confirmation is a GET of its own: a reload makes nothing.
    const page = await sara.get(location!);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('dinsdag 1 december 2026, 13:00–13:30, onder voorbehoud tot');
    expect((await sara.get(location!)).status).toBe(200);
    expect(await counts()).toEqual({
      items: before.items + 1,
      documents: before.documents + 1,
      mails: before.mails + 1,
    });
    // Nobody else reads it.
    const eva = await pageUser(t, 'eva.wouters@example.org');
    expect((await eva.get(location!)).status).toBe(404);
    // The same key with another content: refused with the reason, the input kept, nothing made.
    const changed = await sara.postMultipart('/agendering', { ...fields, questions: 'Iets anders.' }, pdf);
    expect(changed.status).toBe(409);
    expect(textOf(changed.html)).toContain('Dit formulier werd al verstuurd, met andere gegevens dan nu.');
    expect(changed.html).toContain('Iets anders.');
    expect(await counts()).toEqual({
      items: before.items + 1,
      documents: before.documents + 1,
      mails: before.mails + 1,
    });
  }, 120_000);

  it('from the API: fifty concurrent calls with one Idempotency-Key make one item and answer it each time', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const before = await counts();
    const send = (key: string, questions = 'Wat weet de school?') => {
      const form = new FormData();
      form.set('dossierCode', CODE);
      form.set('tableKey', 'ronde-tafel');
      form.set('itemType', 'vraag');
      form.set('questions', questions);
      form.set('document', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'verslag.pdf');
      return fetch(`${t.baseUrl}/api/agenderingen`, {
        method: 'POST',
        headers: {
          cookie: sara.cookie,
          'x-csrf-token': sara.csrfToken,
          accept: 'application/json',
          'idempotency-key': key,
        },
        body: form,
      });
    };
    const results = await Promise.all(Array.from({ length: RACERS }, () => send('api-herhaald-0001')));
    const bodies = (await Promise.all(results.map((r) => r.json()))) as { agendaItemId?: string }[];
    expect(results.map((r) => r.status).sort()).toEqual([...Array(RACERS - 1).fill(200), 201]);
    expect(new Set(bodies.map((b) => b.agendaItemId)).size).toBe(1);
    expect(bodies[0]!.agendaItemId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await counts()).toEqual({
      items: before.items + 1,
      documents: before.documents + 1,
      mails: before.mails + 1,
    });
    const reused = await send('api-herhaald-0001', 'Een andere vraag.');
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ message: expect.stringContaining('Idempotency-Key') });
    expect(await counts()).toEqual({
      items: before.items + 1,
      documents: before.documents + 1,
      mails: before.mails + 1,
    });
  }, 120_000);
});
