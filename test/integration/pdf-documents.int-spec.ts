import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { confidentialityNotice } from '@overlegtafels/mail';
import { pdfText } from '@overlegtafels/pdf/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
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

async function download(t: TestApp, email: string, url: string) {
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
async function readPdf(t: TestApp, email: string, url: string, artifact: string) {
  const { res, bytes } = await download(t, email, url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('cache-control')).toBe('no-store');
  keep(artifact, bytes);
  const pdf = await pdfText(bytes);
  expectNoticeOnEveryPage(pdf.pages);
  return { res, pdf, text: pdf.pages.join(' ') };
}

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

  /** What everyone who may see the agenda reads in it: the session, and every item by code and type. */
  function expectAgendaFrame(text: string) {
    expect(text).toContain('Weegploeg: agenda van dinsdag 1 december 2026');
    expect(text).toContain('13:00–16:00');
    expect(text).toContain(`13:00–13:30 · ${sharedCode} · Plan van aanpak`);
    expect(text).toContain(`13:30–14:00 · ${unsharedCode} · Plan van aanpak`);
  }

  it('gives a coordinator the whole agenda: date, codes, types, questions, the notice on every page', async () => {
    const { res, pdf, text } = await readPdf(
      t,
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
    const { text } = await readPdf(
      t,
      'wim.jacobs@example.be',
      `/agenda/${sessionId}/pdf`,
      'agenda-member.pdf',
    );
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
      t,
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
    const otherTable = await download(t, 'bram.hermans@example.org', `/agenda/${icoSessionId}/pdf`);
    const unknown = await download(
      t,
      'bram.hermans@example.org',
      '/agenda/00000000-0000-4000-8000-000000000000/pdf',
    );
    expect([otherTable.res.status, unknown.res.status]).toEqual([404, 404]);
    expect(otherTable.bytes.toString()).toBe(unknown.bytes.toString());
    expect((await download(t, 'sara.elidrissi@example.org', `/agenda/${sessionId}/pdf`)).res.status).toBe(
      403,
    );
    expect((await download(t, 'wim.jacobs@example.be', '/api/sessions/nope/agenda.pdf')).res.status).toBe(
      400,
    );
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

  describe('the plan van aanpak an item brought, as PDF', () => {
    const itemOf = async (code: string) => {
      const db = createPrismaClient(t.db.url, 1);
      const row = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code }, sessionId } });
      await db.$disconnect();
      return row.id;
    };

    it('gives the coordinator the frozen version with the agendering’s answers, landscape', async () => {
      const itemId = await itemOf(sharedCode);
      const { res, pdf, text } = await readPdf(
        t,
        'lotte.verbeke@example.be',
        `/agendapunten/${itemId}/plan-van-aanpak/pdf`,
        'plan-coordinator.pdf',
      );
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="plan-van-aanpak-${sharedCode}-v1.pdf"`,
      );
      expect(pdf.title).toBe(`Plan van aanpak ${sharedCode}, versie 1`);
      expect(text).toContain('Weegploeg: Plan van aanpak, zitting van dinsdag 1 december 2026 om 13:00');
      expect(text).toContain(`Vraag aan de tafel: ${SHARED_QUESTION}`);
      expect(text).toContain('Er is een veiligheidsplan met de moeder.');
      expect(text).toContain('Dit is de eerste versie die Weegploeg ziet.');
      expect(text).toContain('Veiligheidsplan opvolgen');
      const page = await (
        await pageUser(t, 'lotte.verbeke@example.be')
      ).get(`/agendapunten/${itemId}/plan-van-aanpak`);
      expect(page.html).toContain(`href="/agendapunten/${itemId}/plan-van-aanpak/pdf"`);
      expect(page.html).toContain('data-confidentiality');
    });

    it('gives a member the shared item’s plan, and nothing of the unshared one’s', async () => {
      const shared = await readPdf(
        t,
        'wim.jacobs@example.be',
        `/api/agenda-items/${await itemOf(sharedCode)}/plan-van-aanpak.pdf`,
        'plan-member.pdf',
      );
      expect(shared.text).toContain('Veiligheidsplan opvolgen');
      const unshared = await download(
        t,
        'wim.jacobs@example.be',
        `/agendapunten/${await itemOf(unsharedCode)}/plan-van-aanpak/pdf`,
      );
      expect(unshared.res.status).toBe(404);
      expect(unshared.res.headers.get('content-type')).not.toMatch(/pdf/);
      expect(unshared.bytes.toString()).not.toMatch(/Veiligheidsplan|Vraag-enkel-coordinatie|CO3-2026-0002/);
    });
  });
});

describe('the verslag of a session as PDF', () => {
  const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
  const SECRET_A = 'Afspraken over de veilige plek (niet gedeeld).';
  const SECRET_B = 'De politie kent twee eerdere interventies (gedeeld met de zitting).';
  let t: TestApp;
  let sessionId: string;
  const item = { eva: '', karim: '' };
  const code = { eva: '', karim: '' };

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    const db = createPrismaClient(t.db.url, 1);
    for (const [key, email] of [
      ['eva', 'eva.wouters@example.org'],
      ['karim', 'karim.bouzid@example.be'],
    ] as const) {
      const organisationId = (await db.person.findFirstOrThrow({ where: { email } })).organisationId!;
      const res = await (
        await loginAs(t, email)
      ).post('/api/aanmeldingen', aanmeldingInput(organisationId, email, `Aanmelding ${key}.`));
      expect(res.status).toBe(201);
      const filed = (await res.json()) as { dossierCode: string; agendaItemId: string };
      [item[key], code[key]] = [filed.agendaItemId, filed.dossierCode];
    }
    sessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: item.eva } })).sessionId;
    await db.$disconnect();
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    expect((await lotte.post(`/api/agenda-items/${item.karim}/share`, { shared: true })).status).toBe(204);
    // Each moment logs in anew: a session cookie of 23 November has expired by 4 December.
    clock.set('2026-12-04T09:40:00+01:00');
    const jonas = await loginAs(t, 'jonas.maes@example.be');
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    for (const [key, text] of [
      ['eva', SECRET_A],
      ['karim', SECRET_B],
    ] as const) {
      const written = await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${item[key]}`, { text });
      expect(written.status).toBe(200);
      const decided = await coordinator.post(`/api/agenda-items/${item[key]}/decision`, {
        kind: 'geen_ketenaanpak',
        adviceText: 'Advies aan de aanmelder.',
        safetyPlanAdvice: 'Een veiligheidsplan opmaken.',
      });
      expect(decided.status).toBe(201);
    }
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const point = await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${item.karim}/actiepunten`, {
      what: 'Politie bezorgt het overzicht van de interventies.',
      dueDate: '2026-12-18',
      ownerPersonId: wim.personId,
    });
    expect(point.status).toBe(201);
    clock.set('2026-12-04T14:00:00+01:00');
    const chair = await loginAs(t, 'lotte.verbeke@example.be');
    expect((await chair.post(`/api/zittingen/${sessionId}/verslag/afsluiten`)).status).toBe(200);
  }, 120_000);
  afterAll(async () => t?.close());

  const url = () => `/verslag/${sessionId}/pdf`;

  it('gives the coordinator every item with its verslag, decision and action points', async () => {
    const { res, pdf, text } = await readPdf(t, 'lotte.verbeke@example.be', url(), 'verslag-coordinator.pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="verslag-ico-2026-12-04.pdf"');
    expect(pdf.title).toBe('Verslag Verkennend casusoverleg (ICO): vrijdag 4 december 2026');
    expect(text).toContain('Afgesloten op vrijdag 4 december 2026 om 14:00');
    expect(text).toContain('Aanwezigheid');
    for (const c of [code.eva, code.karim]) expect(text).toContain(`${c} · Aanmelding`);
    expect(text).toContain(`Verslag: ${SECRET_A}`);
    expect(text).toContain(`Verslag: ${SECRET_B}`);
    expect(text).toContain('Beslissing: geen ketenaanpak');
    expect(text).toContain('Politie bezorgt het overzicht van de interventies.');
    expect(text).toContain('vrijdag 18 december 2026');
  });

  it('gives a member the shared item in full and the other by its code only', async () => {
    const { text } = await readPdf(t, 'wim.jacobs@example.be', url(), 'verslag-member.pdf');
    expect(text).toContain(`${code.karim} · Aanmelding`);
    expect(text).toContain(SECRET_B);
    expect(text).toContain(
      `${code.eva} · Aanmelding Dit agendapunt is niet gedeeld met de leden van de zitting.`,
    );
    expect(text).not.toContain(SECRET_A);
    expect(text).not.toContain('veilige plek');
  });

  it('gives an aanmelder their own item’s outcome only, on the API route too', async () => {
    const { text } = await readPdf(
      t,
      'eva.wouters@example.org',
      `/api/zittingen/${sessionId}/verslag.pdf`,
      'verslag-aanmelder.pdf',
    );
    expect(text).toContain(`${code.eva} · Aanmelding`);
    expect(text).toContain('Beslissing: geen ketenaanpak');
    for (const hidden of [SECRET_A, SECRET_B, code.karim, 'Aanwezigheid', 'interventies'])
      expect(text).not.toContain(hidden);
  });

  it('refuses a casusregisseur with no item on it, as the page does', async () => {
    const { res } = await download(t, 'sara.elidrissi@example.org', url());
    expect(res.status).toBe(404);
  });
});
