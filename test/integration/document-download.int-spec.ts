import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, tinyPdf } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';

/** Monday 16 November 2026, 10:00 in Brussels: the Weegploeg of 1 December is open. */
const MONDAY = '2026-11-16T09:00:00Z';

describe('GET /api/documents/:id (need-to-know of the document’s dossier)', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let documentId: string;
  const pdf = tinyPdf('Plan van aanpak (download)');

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock: new ControlledClock(MONDAY) });
    db = createPrismaClient(t.db.url, 1);
    const sara = await pageUser(t, 'sara.elidrissi@example.org');
    await writePlan(t, 'sara.elidrissi@example.org', 'CO3-2026-0001');
    const page = await sara.postMultipart(
      '/agendering',
      {
        dossierCode: 'CO3-2026-0001',
        soort: 'weegploeg:plan-van-aanpak',
        questions: 'Feedback graag.',
        ...briefFields(WEEGPLOEG_BRIEF, 'page'),
      },
      { name: 'plan van aanpak.pdf', bytes: pdf },
    );
    expect(page.status).toBe(303);
    documentId = (await db.document.findFirstOrThrow({ orderBy: { uploadedAt: 'desc' } })).id;
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const readsOf = (email: string) =>
    db.auditEvent.findMany({
      where: { action: 'document.read', actorPerson: { email } },
      select: { entityId: true, dossierId: true, outcome: true, route: true },
    });

  it('streams the stored bytes to the dossier’s casusregisseur, as an attachment, and logs the read', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const res = await sara.get(`/api/documents/${documentId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="plan van aanpak.pdf"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: 'CO3-2026-0001' } });
    expect(await readsOf('sara.elidrissi@example.org')).toEqual([
      { entityId: documentId, dossierId: dossier.id, outcome: 'allowed', route: 'GET /api/documents/:id' },
    ]);
  });

  it('answers a table member 404, the same as an unknown id, and logs both as denied', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const denied = await wim.get(`/api/documents/${documentId}`);
    const unknown = await wim.get('/api/documents/00000000-0000-4000-8000-000000000000');
    expect([denied.status, unknown.status]).toEqual([404, 404]);
    expect(await denied.json()).toEqual(await unknown.json());
    expect(await readsOf('wim.jacobs@example.be')).toEqual([
      { entityId: documentId, dossierId: null, outcome: 'denied', route: 'GET /api/documents/:id' },
      { entityId: null, dossierId: null, outcome: 'denied', route: 'GET /api/documents/:id' },
    ]);
  });

  it('refuses an id that is not a UUID before anything is looked up', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    expect((await wim.get('/api/documents/nope')).status).toBe(400);
  });
});
