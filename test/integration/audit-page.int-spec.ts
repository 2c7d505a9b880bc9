import { createPrismaClient } from '@overlegtafels/persistence';
import { OTHER_REGION_EMAIL, otherRegionCoordinator, WITH_OTHER_REGION } from '../support/other-region';
import { errorNextTo, pageUser, textOf } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #17 item 8: the audit page for the region's coordinators and its data-protection officer —
 * who saw or changed a dossier, when, filterable, exportable as CSV — showing the region's rows
 * only, and logging its own reads.
 */
describe('the audit page', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const CODE = 'CO3-2026-0001';

  beforeAll(async () => {
    t = await startTestApp({ env: WITH_OTHER_REGION });
    db = createPrismaClient(t.db.url, 2);
    await otherRegionCoordinator(t);
    // Things to find: Sara (casusregisseur) reads her dossier; Eva (aanmelder) is refused it.
    const sara = await pageUser(t, 'sara.elidrissi@example.org');
    expect((await sara.get(`/dossiers/${CODE}`)).status).toBe(200);
    const eva = await pageUser(t, 'eva.wouters@example.org');
    expect((await eva.get(`/dossiers/${CODE}`)).status).toBe(404);
    // And someone without a login asks the API for it.
    expect(
      (await fetch(`${t.baseUrl}/api/dossiers/${CODE}`, { headers: { accept: 'application/json' } })).status,
    ).toBe(401);
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const rowsOf = (html: string) =>
    [...html.matchAll(/<tr class="(?:allowed|denied)"><td class="time">([\s\S]*?)<\/tr>/g)].map((m) =>
      textOf(m[1]!),
    );

  it('shows a coordinator who read a dossier and who was refused it, newest first, with the total', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const page = await lotte.get(`/audit?code=${CODE}&action=dossier.read`);
    expect(page.status).toBe(200);
    const rows = rowsOf(page.html);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Eva Wouters');
    expect(rows[0]).toContain('geweigerd');
    expect(rows[1]).toContain('Sara El Idrissi');
    expect(rows[1]).toContain('toegestaan');
    expect(textOf(page.html)).toContain('2 regels');
    // A coordinator may open the dossier from here.
    expect(page.html).toContain(`href="/dossiers/${CODE}" class="muted">open</a>`);
  });

  it('shows a refusal before login on the dossier it named', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const rows = rowsOf((await lotte.get(`/audit?code=${CODE}&action=route.refused`)).html);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('niet ingelogd');
    expect(rows[0]).toContain('GET /api/dossiers/:code');
  });

  it('exports every matching row as CSV, and logs the export with its filter', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await fetch(`${t.baseUrl}/audit/export.csv?code=${CODE}&action=dossier.read`, {
      headers: { cookie: lotte.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?auditlogboek-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'id;tijdstip;persoon_id;persoon;handeling;uitkomst;dossier;soort;soort_id;route;details',
    );
    expect(lines.slice(1, -1).map((l) => l.split(';').slice(3, 7))).toEqual([
      ['Eva Wouters', 'dossier.read', 'geweigerd', CODE],
      ['Sara El Idrissi', 'dossier.read', 'toegestaan', CODE],
    ]);
    expect(lines.at(-1)).toBe('');
    const logged = await db.auditEvent.findFirstOrThrow({
      where: { action: 'audit.export', actorPersonId: lotte.personId },
    });
    expect(logged.details).toEqual({ filter: `code=${CODE}&action=dossier.read` });
  });

  it('lets the data-protection officer read the log, not the dossier', async () => {
    const hanne = await pageUser(t, 'hanne.vermeersch@example.be');
    const page = await hanne.get(`/audit?code=${CODE}`);
    expect(page.status).toBe(200);
    expect(rowsOf(page.html).length).toBeGreaterThanOrEqual(2);
    expect(page.html).not.toContain(`href="/dossiers/${CODE}"`);
    expect((await hanne.get(`/dossiers/${CODE}`)).status).toBe(404);
    expect((await hanne.get('/dossiers')).status).toBe(403);
    const home = await hanne.get('/');
    expect(home.html).toContain('href="/audit"');
    expect(textOf(home.html)).toContain('functionaris gegevensbescherming');
  });

  it('filters on one person, on refusals and on a period', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const eva = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    const refusals = rowsOf((await lotte.get(`/audit?person=${eva.id}&outcome=denied`)).html);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((r) => r.includes('Eva Wouters') && r.includes('geweigerd'))).toBe(true);
    const longAgo = rowsOf((await lotte.get('/audit?from=2020-01-01&to=2020-12-31')).html);
    expect(longAgo).toEqual([]);
  });

  it('keeps a bad filter in the form with the message next to its field', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const page = await lotte.get('/audit?code=CO3-2026&outcome=misschien');
    expect(page.status).toBe(400);
    expect(errorNextTo(page.html, 'audit-code')).toBe(
      'Dossier: geef een volledige dossiercode, bv. CO3-2026-0012.',
    );
    expect(errorNextTo(page.html, 'audit-outcome')).toBe('Uitkomst: kies toegestaan of geweigerd.');
  });

  it('shows another region’s coordinator none of these rows, and refuses a table member', async () => {
    const rik = await pageUser(t, OTHER_REGION_EMAIL);
    const page = await rik.get(`/audit?code=${CODE}`);
    expect(page.status).toBe(200);
    expect(rowsOf(page.html)).toEqual([]);
    const all = await rik.get('/audit');
    expect(all.html).not.toContain(CODE);
    expect(all.html).not.toContain('Sara El Idrissi');
    const csv = await (
      await fetch(`${t.baseUrl}/audit/export.csv`, {
        headers: { cookie: (await loginAs(t, OTHER_REGION_EMAIL)).cookie },
      })
    ).text();
    // Only Rik's own rows (his looks at the log, whose filter names the code he typed).
    const dossiers = csv
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(';')[6]);
    expect(dossiers.filter((d) => d !== '')).toEqual([]);
    const wim = await pageUser(t, 'wim.jacobs@example.be');
    expect((await wim.get('/audit')).status).toBe(403);
  });

  it('logs each look at the log, with the filter', async () => {
    const rows = await db.auditEvent.findMany({ where: { action: 'audit.read' }, orderBy: { id: 'asc' } });
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0]!.details).toMatchObject({ filter: `code=${CODE}&action=dossier.read`, count: 2 });
  });
});
