import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, pageUser, textOf, tinyPdf } from '../support/page-client';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 8: a new version of an agendapunt's document. The one who brought the item
 * replaces it until the agenda is fixed, a coordinator also after (and then the table is told);
 * the old versions stay readable by the same people, the newest is what readers get, every
 * replacement and read is in the audit log, and the upload goes through the upload gate.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday, before the Weegploeg's deadline

type Api = Awaited<ReturnType<typeof loginAs>>;

describe('a new version of an agendapunt’s document', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sara: Api;
  let lotte: Api;
  let itemId: string;
  let sessionId: string;
  let firstDocumentId: string;

  const upload = (caller: Api, bytes: Buffer | undefined, key?: string, name = 'plan-v2.pdf') => {
    const form = new FormData();
    if (bytes) form.append('document', new Blob([new Uint8Array(bytes)]), name);
    return fetch(`${t.baseUrl}/api/agenda-items/${itemId}/document`, {
      method: 'POST',
      headers: {
        cookie: caller.cookie,
        'x-csrf-token': caller.csrfToken,
        accept: 'application/json',
        ...(key && { 'idempotency-key': key }),
      },
      body: form,
    });
  };
  const replaced = async () =>
    (await db.auditEvent.findMany({ where: { action: 'document.replace' }, orderBy: { id: 'asc' } })).map(
      (e) => [e.actorPersonId, e.outcome, (e.details as { version?: number; code?: string }).version ?? null],
    );

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    sara = await loginAs(t, 'sara.elidrissi@example.org');
    lotte = await loginAs(t, 'lotte.verbeke@example.be');
    await writePlan(t, 'sara.elidrissi@example.org', 'CO3-2026-0001');
    const form = new FormData();
    const fields = {
      dossierCode: 'CO3-2026-0001',
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      questions: 'Is het plan haalbaar?',
      ...briefFields(WEEGPLOEG_BRIEF, 'api'),
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('document', new Blob([new Uint8Array(tinyPdf('Versie 1'))]), 'plan.pdf');
    const res = await fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: sara.cookie, 'x-csrf-token': sara.csrfToken, accept: 'application/json' },
      body: form,
    });
    expect(res.status).toBe(201);
    itemId = ((await res.json()) as { agendaItemId: string }).agendaItemId;
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    sessionId = item.sessionId;
    firstDocumentId = item.documentId!;
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('lists the one version the item came with, and lets its casusregisseur replace it', async () => {
    const res = await sara.get(`/api/agenda-items/${itemId}/documents`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { versions: { id: string; version: number }[]; mayReplace: boolean };
    expect(body.versions.map((v) => [v.id, v.version])).toEqual([[firstDocumentId, 1]]);
    expect(body.mayReplace).toBe(true);
  });

  it('stores a new version once per Idempotency-Key, keeps the old one and hands out the newest', async () => {
    const first = await upload(sara, tinyPdf('Versie 2'), 'vervang-0001-a');
    expect(first.status).toBe(201);
    const made = (await first.json()) as { documentId: string; version: number; told: number };
    expect([made.version, made.told]).toEqual([2, 0]);
    const again = await upload(sara, tinyPdf('Versie 2'), 'vervang-0001-a');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ documentId: made.documentId, repeated: true });
    expect(await db.document.count({ where: { dossier: { code: 'CO3-2026-0001' } } })).toBe(2);
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.documentId).toBe(made.documentId);
    const newest = await db.document.findUniqueOrThrow({ where: { id: made.documentId } });
    expect([newest.version, newest.replacesId, newest.fileName]).toEqual([2, firstDocumentId, 'plan-v2.pdf']);
    // The newest is what readers get; the old one opens for the same people.
    const v2 = Buffer.from(await (await sara.get(`/api/documents/${made.documentId}`)).arrayBuffer());
    expect(v2.toString('latin1')).toContain('Versie 2');
    const v1 = await sara.get(`/api/documents/${firstDocumentId}`);
    expect(v1.status).toBe(200);
    expect(Buffer.from(await v1.arrayBuffer()).toString('latin1')).toContain('Versie 1');
    expect(await replaced()).toEqual([[sara.personId, 'allowed', 2]]);
  });

  it('refuses what is not a document, and a form without a file, on the document field', async () => {
    const bad = await upload(sara, Buffer.from('MZ geen document'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'document', code: 'UNSUPPORTED_TYPE' });
    const none = await upload(sara, undefined);
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ field: 'document', code: 'REQUIRED' });
    expect(await db.document.count({ where: { dossier: { code: 'CO3-2026-0001' } } })).toBe(2);
  });

  it('answers another casusregisseur and a member like an unknown item, and audits the attempt', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    expect((await tom.get(`/api/agenda-items/${itemId}/documents`)).status).toBe(404);
    expect((await upload(tom, tinyPdf('Van Tom'))).status).toBe(404);
    expect((await tom.get(`/api/documents/${firstDocumentId}`)).status).toBe(404);
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    // A member has no upload role: the gate answers before the body.
    expect((await upload(wim, tinyPdf('Van Wim'))).status).toBe(403);
    expect((await wim.get(`/api/agenda-items/${itemId}/documents`)).status).toBe(403);
    const denied = await db.auditEvent.findMany({
      where: { action: { in: ['document.replace', 'document.versions.read'] }, outcome: 'denied' },
    });
    expect(denied.map((e) => [e.actorPersonId, e.action, e.dossierId])).toEqual(
      expect.arrayContaining([
        [tom.personId, 'document.versions.read', null],
        [tom.personId, 'document.replace', null],
      ]),
    );
  });

  it('shows the versions on the page and takes a new one by the form, redirecting after it', async () => {
    const page = await pageUser(t, 'sara.elidrissi@example.org');
    const before = await page.get(`/agendapunten/${itemId}/bijlage`);
    expect(before.status).toBe(200);
    expect([...before.html.matchAll(/<tr data-version="(\d+)">/g)].map((m) => m[1])).toEqual(['2', '1']);
    expect(textOf(before.html)).toContain('2 huidige versie plan-v2.pdf');
    expect(textOf(before.html)).toContain('Sara');
    const key = /name="submissionKey" value="([^"]+)"/.exec(before.html)![1]!;
    const posted = await page.postMultipart(
      `/agendapunten/${itemId}/bijlage`,
      { submissionKey: key },
      { name: 'versie-3.pdf', bytes: tinyPdf('Versie 3') },
    );
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/agendapunten/${itemId}/bijlage?melding=vervangen`);
    // The same form sent again (a reload, a double click) makes nothing.
    const twice = await page.postMultipart(
      `/agendapunten/${itemId}/bijlage`,
      { submissionKey: key },
      { name: 'versie-3.pdf', bytes: tinyPdf('Versie 3') },
    );
    expect(twice.status).toBe(303);
    const after = await page.get(posted.location!);
    expect([...after.html.matchAll(/<tr data-version="(\d+)">/g)].map((m) => m[1])).toEqual(['3', '2', '1']);
    expect(textOf(after.html)).toContain('De nieuwe versie is opgeladen');
    const empty = await page.postMultipart(`/agendapunten/${itemId}/bijlage`, {});
    expect(empty.status).toBe(400);
    expect(errorNextTo(empty.html, 'bijlage-document')).toBe('Kies het bestand van de nieuwe versie.');
    // The dossier page links the versions from the item.
    expect((await page.get('/dossiers/CO3-2026-0001')).html).toContain(
      `href="/agendapunten/${itemId}/bijlage"`,
    );
  });

  it('after the freeze leaves it to a coordinator, and tells the table', async () => {
    const lottePage = await pageUser(t, 'lotte.verbeke@example.be');
    const frozen = await lottePage.post(`/tafels/weegploeg/zittingen/${sessionId}/bevriezen`, {
      reason: 'agenda klaar',
    });
    expect(frozen.status).toBe(303);
    const refused = await upload(sara, tinyPdf('Te laat'));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'AGENDA_FIXED', field: 'document' });
    const saraPage = await pageUser(t, 'sara.elidrissi@example.org');
    const page = await saraPage.get(`/agendapunten/${itemId}/bijlage`);
    expect(page.html).not.toContain('name="document"');
    expect(textOf(page.html)).toContain('De agenda is definitief: enkel een coördinator');

    const coordinatorPage = await lottePage.get(`/agendapunten/${itemId}/bijlage`);
    expect(coordinatorPage.html).toContain('data-tells-table');
    const res = await upload(lotte, tinyPdf('Versie 4'), 'vervang-0001-coord');
    expect(res.status).toBe(201);
    const made = (await res.json()) as { documentId: string; version: number; told: number };
    expect(made.version).toBe(4);
    const mails = await db.mailOutbox.findMany({
      where: { purpose: 'document-replaced', agendaItemId: itemId },
      select: { recipientEmail: true, subject: true },
    });
    const to = mails.map((m) => m.recipientEmail).sort();
    expect(made.told).toBe(mails.length);
    // The standing members, the other coordinator and the casusregisseur; not the coordinator who did it.
    expect(to).toEqual(
      expect.arrayContaining([
        'wim.jacobs@example.be',
        'bram.hermans@example.org',
        'jonas.maes@example.be',
        'sara.elidrissi@example.org',
      ]),
    );
    expect(to).not.toContain('lotte.verbeke@example.be');
    for (const m of mails) expect(m.subject).toMatch(/^Nieuwe versie: CO3-2026-0001 – Weegploeg /);
    const events = await db.auditEvent.findMany({
      where: { action: 'document.replace', outcome: 'allowed' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.actorPersonId, (e.details as { version: number }).version])).toEqual([
      [sara.personId, 2],
      [sara.personId, 3],
      [lotte.personId, 4],
    ]);
    expect(events.every((e) => e.dossierId === events[0]!.dossierId && e.dossierId !== null)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'document.read', outcome: 'allowed' } })).toBe(2);
  });
});
