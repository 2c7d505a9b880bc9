import type { Pool } from 'pg';
import { createPrismaClient, PrismaService, verifyAuditChain } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, textOf } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #18, the agenda page and the dossier page: what a read costs in statements, that every
 * read still writes its audit rows (the agenda's in one INSERT, the chain intact), and the
 * dossier page's agendapunten and beslissingen a page at a time with their totals. The items and
 * decisions come through the use cases: the casusregisseur agendeert three opvolgingen at the
 * Ronde Tafel, the coordinator decides each once its session has started.
 */
const clock = new ControlledClock('2026-05-04T10:00:00+02:00');
const CODE = 'CO3-2026-0001';
const LOTTE = 'lotte.verbeke@example.be';

describe('the agenda and dossier pages: statements, audit rows and paged lists', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let dossierId: string;
  /** The three agendapunten, in the order they were submitted. */
  const items: { id: string; sessionId: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { code: CODE },
      include: { casusregisseur: true },
    });
    dossierId = dossier.id;
    const regisseur = await loginAs(t, dossier.casusregisseur!.email);
    for (let i = 0; i < 3; i++) {
      clock.set(new Date(Date.parse('2026-05-04T10:00:00+02:00') + i * 60_000).toISOString());
      const res = await regisseur.post('/api/agenderingen', {
        dossierCode: CODE,
        tableKey: 'ronde-tafel',
        itemType: 'opvolging',
        questions: `Opvolging ${i + 1}: hoe loopt het plan?`,
      });
      expect(res.status).toBe(201);
      const { agendaItemId } = (await res.json()) as { agendaItemId: string };
      const item = await db.agendaItem.findUniqueOrThrow({ where: { id: agendaItemId } });
      items.push({ id: agendaItemId, sessionId: item.sessionId });
    }
    const sessions = await db.session.findMany({
      where: { id: { in: items.map((i) => i.sessionId) } },
      orderBy: { startsAt: 'desc' },
    });
    // Past the start of the last of their sessions: the coordinator records each decision.
    clock.set(new Date(sessions[0]!.startsAt.getTime() + 30 * 60_000).toISOString());
    const lotte = await loginAs(t, LOTTE);
    for (const item of items) {
      const decided = await lotte.post(`/api/agenda-items/${item.id}/decision`, {
        kind: 'opvolging_genoteerd',
      });
      expect(decided.status).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  /** Every statement the app's pool runs while `run` runs. */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const pool = (t.app.get(PrismaService) as unknown as { pool: Pool }).pool;
    const spy = jest.spyOn(pool, 'query');
    try {
      await run();
      return spy.mock.calls.map(([q]) => (typeof q === 'string' ? q : (q as { text: string }).text));
    } finally {
      spy.mockRestore();
    }
  }
  const auditInserts = (sql: string[]) =>
    sql.filter((s) => /^\s*INSERT INTO "public"\."audit_events"/.test(s));
  const auditRows = (action: string) =>
    db.auditEvent.findMany({ where: { action, actorPerson: { email: LOTTE } }, orderBy: { id: 'asc' } });

  it('reads the agenda in a bounded number of statements, its audit rows in one INSERT, the chain intact', async () => {
    const sessionId = items[0]!.sessionId;
    const onSession = await db.agendaItem.findMany({
      where: { sessionId, status: { not: 'withdrawn' } },
      include: { dossier: { select: { code: true } } },
    });
    expect(onSession.length).toBeGreaterThan(0);
    const lotte = await pageUser(t, LOTTE);
    await lotte.get(`/agenda/${sessionId}`);
    const agendaReads = (await auditRows('agenda.read')).length;
    const itemReads = (await auditRows('agenda-item.read')).length;
    let status = 0;
    const sql = await statementsOf(async () => {
      status = (await lotte.get(`/agenda/${sessionId}`)).status;
    });
    expect(status).toBe(200);
    // Before: 31, the agenda’s row and its items’ rows in two INSERTs, and the table’s calendar
    // read once for the agenda and once more for the sessions to move an item to.
    expect(auditInserts(sql)).toHaveLength(1);
    expect(sql.filter((s) => s.includes('"public"."closed_periods"'))).toHaveLength(1);
    expect(sql.length).toBeLessThanOrEqual(18);

    const agenda = (await auditRows('agenda.read')).slice(agendaReads);
    const perItem = (await auditRows('agenda-item.read')).slice(itemReads);
    expect(agenda).toHaveLength(1);
    expect(agenda[0]).toMatchObject({
      entityType: 'session',
      entityId: sessionId,
      outcome: 'allowed',
      details: { items: onSession.length, withContents: onSession.length },
    });
    expect(String((agenda[0]!.details as { codes: string }).codes).split(',')).toContain(CODE);
    // A coordinator sees every item's contents: one row each, after the agenda's, with its dossier.
    expect(perItem.map((r) => r.entityId).sort()).toEqual(onSession.map((i) => i.id).sort());
    for (const row of perItem) {
      const item = onSession.find((i) => i.id === row.entityId)!;
      expect(row).toMatchObject({ dossierId: item.dossierId, details: { code: item.dossier.code } });
      expect(row.id > agenda[0]!.id).toBe(true);
      expect(row.at).toEqual(agenda[0]!.at);
    }
    expect((await verifyAuditChain(t.db.url)).broken).toBeUndefined();
  });

  it('reads the dossier page in a bounded number of statements and audits the read', async () => {
    const lotte = await pageUser(t, LOTTE);
    await lotte.get(`/dossiers/${CODE}`);
    const reads = (await auditRows('dossier.read')).length;
    let html = '';
    const sql = await statementsOf(async () => {
      html = (await lotte.get(`/dossiers/${CODE}`)).html;
    });
    expect(html).toContain('Beslissing: ');
    // The timeline is one statement on the dossier's facts (it read every agendapunt and
    // decision with all their relations before); the lists read their own page.
    expect(sql.filter((s) => /^\s*WITH e AS/.test(s))).toHaveLength(1);
    expect(sql.length).toBeLessThanOrEqual(51);
    const read = (await auditRows('dossier.read')).slice(reads);
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ entityId: dossierId, dossierId, outcome: 'allowed' });
    expect((await verifyAuditChain(t.db.url)).broken).toBeUndefined();
  });

  /** The ids of the agendapunten a dossier page lists, in its order. */
  const listedItems = (html: string) =>
    [...html.matchAll(/href="\/agendapunten\/([0-9a-f-]{36})\/bijlage"/g)].map((m) => m[1]);
  const listedDecisions = (html: string) => (html.match(/class="card decision"/g) ?? []).length;
  const link = (html: string, rel: 'next' | 'prev', label: string) =>
    new RegExp(`<nav class="pager" aria-label="${label}">[\\s\\S]*?</nav>`)
      .exec(html)?.[0]
      .match(new RegExp(`href="([^"]+)" rel="${rel}"`))?.[1]
      ?.replace(/&amp;/g, '&');

  it('pages the agendapunten: the last submitted first, the total, next and back', async () => {
    const lotte = await pageUser(t, LOTTE);
    const first = await lotte.get(`/dossiers/${CODE}?puntenLimit=2`);
    expect(first.status).toBe(200);
    expect(textOf(first.html)).toContain('3 agendapunten, het laatst ingediende eerst; u ziet er 2.');
    expect(listedItems(first.html)).toEqual([items[2]!.id, items[1]!.id]);
    const label = 'Pagina’s van de agendapunten';
    expect(link(first.html, 'prev', label)).toBeUndefined();
    const next = link(first.html, 'next', label);
    expect(next).toMatch(/^\/dossiers\/CO3-2026-0001\?puntenLimit=2&puntenAfter=[^&]+#agendapunten$/);
    const second = await lotte.get(next!.replace('#agendapunten', ''));
    expect(listedItems(second.html)).toEqual([items[0]!.id]);
    expect(textOf(second.html)).toContain('3 agendapunten');
    expect(link(second.html, 'next', label)).toBeUndefined();
    const back = await lotte.get(link(second.html, 'prev', label)!.replace('#agendapunten', ''));
    expect(listedItems(back.html)).toEqual(listedItems(first.html));
    expect(link(back.html, 'prev', label)).toBeUndefined();
    // The other lists stay where they are: the whole three decisions on every page of these.
    expect([listedDecisions(first.html), listedDecisions(second.html)]).toEqual([3, 3]);

    const bad = await lotte.get(`/dossiers/${CODE}?puntenAfter=morgen`);
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Agendapunten – Volgende pagina: deze verwijzing is ongeldig.');
  });

  it('pages the beslissingen: the last taken first, the total, next and back', async () => {
    const lotte = await pageUser(t, LOTTE);
    const label = 'Pagina’s van de beslissingen';
    const first = await lotte.get(`/dossiers/${CODE}?beslissingenLimit=2`);
    expect(textOf(first.html)).toContain('3 beslissingen, de laatste eerst; u ziet er 2.');
    expect(listedDecisions(first.html)).toBe(2);
    expect(listedItems(first.html)).toHaveLength(3);
    const next = link(first.html, 'next', label);
    expect(next).toMatch(
      /^\/dossiers\/CO3-2026-0001\?beslissingenLimit=2&beslissingenAfter=[^&]+#beslissingen$/,
    );
    const second = await lotte.get(next!.replace('#beslissingen', ''));
    expect(listedDecisions(second.html)).toBe(1);
    expect(link(second.html, 'next', label)).toBeUndefined();
    const back = await lotte.get(link(second.html, 'prev', label)!.replace('#beslissingen', ''));
    expect(listedDecisions(back.html)).toBe(2);
    expect(link(back.html, 'prev', label)).toBeUndefined();
    // Newest first: the decision on the last submitted item is the one of the first page's top.
    const decidedAt = await db.decision.findMany({
      where: { dossierId },
      orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
      select: { decidedAt: true },
    });
    expect(decidedAt).toHaveLength(3);

    const bad = await lotte.get(`/dossiers/${CODE}?beslissingenBefore=gisteren&beslissingenLimit=0`);
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Beslissingen – Vorige pagina: deze verwijzing is ongeldig.');
    expect(textOf(bad.html)).toContain('Beslissingen – Aantal: minstens 1.');
  });

  it('pages the casusregisseurs: the present one first, the total, next and back', async () => {
    const current = (await db.dossier.findUniqueOrThrow({ where: { code: CODE } })).casusregisseurId!;
    const others = await db.person.findMany({
      where: {
        email: {
          in: ['tom.peeters@example.org', 'pieter.vandamme@example.be', 'sara.elidrissi@example.org'],
        },
        id: { not: current },
      },
      orderBy: { email: 'asc' },
    });
    // Two handovers on two days: three periods.
    for (const [i, to] of others.slice(0, 2).entries()) {
      if (i > 0) clock.set(new Date(clock.now().getTime() + 24 * 3600_000).toISOString());
      // A day later the login of the day before has lapsed.
      const lotte = await loginAs(t, LOTTE);
      const day = clock.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
      const res = await lotte.post(`/api/dossiers/${CODE}/casusregisseur`, {
        casusregisseurId: to.id,
        effectiveDate: day,
        reason: 'vertrek',
      });
      expect(res.status).toBe(200);
    }
    const page = await pageUser(t, LOTTE);
    const label = 'Pagina’s van de casusregisseurs';
    const rows = (html: string) =>
      [
        ...(/<section class="card" id="casusregisseurs">[\s\S]*?<\/tbody>/.exec(html)?.[0] ?? '').matchAll(
          /<tr><td>([^<]+)<\/td>/g,
        ),
      ].map((m) => m[1]);
    const whole = await page.get(`/dossiers/${CODE}`);
    expect(textOf(whole.html)).toContain('3 periodes, de huidige eerst.');
    expect(rows(whole.html)).toEqual([others[1]!.displayName, others[0]!.displayName, expect.any(String)]);
    const first = await page.get(`/dossiers/${CODE}?casusregisseursLimit=2`);
    expect(textOf(first.html)).toContain('3 periodes, de huidige eerst; u ziet er 2.');
    expect(rows(first.html)).toEqual(rows(whole.html).slice(0, 2));
    const next = link(first.html, 'next', label);
    expect(next).toMatch(/casusregisseursAfter=[^&]+#casusregisseurs$/);
    const second = await page.get(next!.replace('#casusregisseurs', ''));
    expect(rows(second.html)).toEqual(rows(whole.html).slice(2));
    expect(link(second.html, 'next', label)).toBeUndefined();
    const back = await page.get(link(second.html, 'prev', label)!.replace('#casusregisseurs', ''));
    expect(rows(back.html)).toEqual(rows(first.html));
    const bad = await page.get(`/dossiers/${CODE}?casusregisseursBefore=vroeger`);
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Casusregisseurs – Vorige pagina: deze verwijzing is ongeldig.');
  });
});
