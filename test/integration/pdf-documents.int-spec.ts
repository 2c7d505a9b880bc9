import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { confidentialityNotice } from '@overlegtafels/mail';
import { pdfText } from '@overlegtafels/pdf/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, textOf } from '../support/page-client';
import { SHARED_QUESTION, UNSHARED_QUESTION, weegploegWithOneSharedItem } from '../support/print-flow';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels: the Weegploeg of Tuesday 1 December is open. */
const MONDAY = '2026-11-16T09:00:00Z';
const NOTICE = confidentialityNotice().document;
/** Long enough that the coordinator's agenda runs over more than one page. */
const LONG_CONTEXT = Array.from(
  { length: 80 },
  (_, i) => `Achtergrondzin ${i + 1} over de context van het plan.`,
).join(' ');

describe('the agenda of a session as PDF', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;
  let icoSessionId: string;
  let sharedCode: string;
  let unsharedCode: string;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock: new ControlledClock(MONDAY) });
    db = createPrismaClient(t.db.url, 1);
    ({ sessionId, sharedCode, unsharedCode } = await weegploegWithOneSharedItem(t, LONG_CONTEXT));
    const ico = await (await loginAs(t, 'lotte.verbeke@example.be')).get('/api/tables/ico/agenda');
    icoSessionId = ((await ico.json()) as { sessions: { id: string }[] }).sessions[0]!.id;
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  async function download(email: string, url: string) {
    const res = await (await loginAs(t, email)).get(url);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** Kept for a look (test-artifacts/ is not committed), like the browser suite's screenshots. */
  function keep(name: string, bytes: Buffer) {
    const dir = path.join(__dirname, '..', '..', 'test-artifacts', 'pdf');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }

  function expectNoticeOnEveryPage(pages: string[]) {
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((page, i) => {
      expect(page).toContain(NOTICE);
      expect(page).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
  }

  /** A PDF as its reader gets it: 200, the notice and page number on every page; its text. */
  async function readPdf(email: string, url: string, artifact: string) {
    const { res, bytes } = await download(email, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    keep(artifact, bytes);
    const pdf = await pdfText(bytes);
    expectNoticeOnEveryPage(pdf.pages);
    return { res, pdf, text: pdf.pages.join(' ') };
  }

  /** What everyone who may see the agenda reads in it: the session, and every item by code and type. */
  function expectAgendaFrame(text: string) {
    expect(text).toContain('Weegploeg: agenda van dinsdag 1 december 2026');
    expect(text).toContain('13:00–16:00');
    expect(text).toContain(`13:00–13:30 · ${sharedCode} · Plan van aanpak`);
    expect(text).toContain(`13:30–14:00 · ${unsharedCode} · Plan van aanpak`);
  }

  it('gives a coordinator the whole agenda: date, codes, types, questions, the notice on every page', async () => {
    const { res, pdf, text } = await readPdf(
      'lotte.verbeke@example.be',
      `/agenda/${sessionId}/pdf`,
      'agenda-coordinator.pdf',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="agenda-weegploeg-2026-12-01.pdf"',
    );
    expect(pdf.title).toBe('Weegploeg: agenda van dinsdag 1 december 2026');
    expect(pdf.pages.length).toBeGreaterThan(1);
    expectAgendaFrame(text);
    expect(text).toContain('Gebracht door: Sara El Idrissi, CAW Regio Noord (fictief)');
    expect(text).toContain(`Vraag aan de tafel: ${SHARED_QUESTION}`);
    expect(text).toContain(UNSHARED_QUESTION);
    expect(text).toContain('Achtergrondzin 80 over de context van het plan.');
    expect(text).toContain('Bijlage: plan.pdf');
  });

  it('gives a member what the agenda page shows them: the shared item’s question, not the other’s', async () => {
    const { text } = await readPdf('wim.jacobs@example.be', `/agenda/${sessionId}/pdf`, 'agenda-member.pdf');
    expectAgendaFrame(text);
    expect(text).toContain(SHARED_QUESTION);
    expect(text).toContain('De inhoud is niet gedeeld met de leden van de zitting.');
    expect(text).not.toContain('Vraag-enkel-coordinatie');
    expect(text).not.toContain('Achtergrondzin');
    // The unshared item's attachment is not named either: only the shared one's is.
    expect(text.match(/Bijlage: plan\.pdf/g)).toHaveLength(1);
  });

  it('serves the same document on the API route, audited under the route that served it', async () => {
    const { res, text } = await readPdf(
      'wim.jacobs@example.be',
      `/api/sessions/${sessionId}/agenda.pdf`,
      'agenda-member-api.pdf',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="agenda-weegploeg-2026-12-01.pdf"',
    );
    expectAgendaFrame(text);
    expect(text).not.toContain('Vraag-enkel-coordinatie');
    const openapi = (await (
      await (await loginAs(t, 'wim.jacobs@example.be')).get('/api/docs/openapi.json')
    ).json()) as {
      paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    expect(
      Object.keys(openapi.paths['/api/sessions/{id}/agenda.pdf']?.get?.responses?.['200']?.content ?? {}),
    ).toEqual(['application/pdf']);
    expect(openapi.paths['/agenda/{sessionId}/pdf']).toBeUndefined();
    const reads = await db.auditEvent.findMany({
      where: { action: 'agenda.read', entityId: sessionId, route: { endsWith: 'pdf' } },
      select: { route: true, outcome: true, actorPerson: { select: { email: true } } },
    });
    expect(reads.map((r) => [r.actorPerson?.email, r.route, r.outcome]).sort()).toEqual([
      ['lotte.verbeke@example.be', 'GET /agenda/:sessionId/pdf', 'allowed'],
      ['wim.jacobs@example.be', 'GET /agenda/:sessionId/pdf', 'allowed'],
      ['wim.jacobs@example.be', 'GET /api/sessions/:id/agenda.pdf', 'allowed'],
    ]);
  });

  it('refuses whoever may not see the agenda, as the page does', async () => {
    const otherTable = await download('bram.hermans@example.org', `/agenda/${icoSessionId}/pdf`);
    const unknown = await download(
      'bram.hermans@example.org',
      '/agenda/00000000-0000-4000-8000-000000000000/pdf',
    );
    expect([otherTable.res.status, unknown.res.status]).toEqual([404, 404]);
    expect(otherTable.bytes.toString()).toBe(unknown.bytes.toString());
    expect((await download('sara.elidrissi@example.org', `/agenda/${sessionId}/pdf`)).res.status).toBe(403);
    expect((await download('wim.jacobs@example.be', '/api/sessions/nope/agenda.pdf')).res.status).toBe(400);
    expect((await fetch(`${t.baseUrl}/agenda/${sessionId}/pdf`, { redirect: 'manual' })).status).not.toBe(
      200,
    );
  });

  it('links the PDF from the agenda page, and prints the page with the notice and without the forms', async () => {
    const page = await (await pageUser(t, 'lotte.verbeke@example.be')).get(`/agenda/${sessionId}`);
    expect(page.html).toContain(`href="/agenda/${sessionId}/pdf"`);
    expect(page.html).toContain('<link rel="stylesheet" href="/static/print.css">');
    const footer = /<footer class="print-only vertrouwelijk" data-confidentiality>([\s\S]*?)<\/footer>/.exec(
      page.html,
    );
    expect(textOf(footer![1]!)).toBe(NOTICE);
    const css = await (await fetch(`${t.baseUrl}/static/print.css`)).text();
    expect(css).toMatch(/@media print \{[\s\S]*form,[\s\S]*display: none !important/);
    expect(css).toMatch(/\.print-only\.vertrouwelijk \{\s*display: block;/);
    expect(page.html).toContain('<link rel="stylesheet" href="/print/vertrouwelijk.css" media="print">');
    const margins = await (await loginAs(t, 'wim.jacobs@example.be')).get('/print/vertrouwelijk.css');
    expect(margins.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const marginCss = await margins.text();
    expect(marginCss).toContain(`@bottom-left {\n      content: "${NOTICE}";`);
    expect(marginCss).toContain('content: "Pagina " counter(page) " van " counter(pages);');
    const anonymous = await fetch(`${t.baseUrl}/print/vertrouwelijk.css`, { redirect: 'manual' });
    expect(anonymous.status).not.toBe(200);
  });
});
