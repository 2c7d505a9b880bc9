import { createPrismaClient } from '@overlegtafels/persistence';
import { fileFamilyAanmelding } from '../support/family-aanmelding';
import { errorNextTo, inputValue, pageUser, selectedValue, textOf } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #18: the home page and `GET /api/dossiers` returned the 500 *oldest* dossiers by code, so at
 * ten years of history a coordinator saw none of the current ones. The list now runs newest first,
 * running dossiers before ended ones, a page at a time with its total, searchable (issue #15).
 */
describe('the dossier list, at more dossiers than one page holds', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const filed: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    db = createPrismaClient(t.db.url, 2);
    // 55 new families through the aanmelding API, on top of the demo's six dossiers.
    for (let i = 0; i < 55; i++) {
      filed.push(
        (await fileFamilyAanmelding(t, [{ label: 'moeder', role: 'slachtoffer', age: 30 + (i % 20) }]))
          .dossierCode,
      );
    }
  }, 180_000);
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  type ListBody = { dossiers: { code: string; phase: string }[]; total: number; next?: string };

  it('pages through every dossier once over the API: the newest running first, the ended ones last', async () => {
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    const all = await db.dossier.findMany({ select: { code: true, phase: true } });
    const ended = all.filter((d) => d.phase === 'afgesloten' || d.phase === 'geen_ketenaanpak');
    expect(ended.length).toBeGreaterThan(0);
    const expected = [
      ...all
        .filter((d) => !ended.includes(d))
        .map((d) => d.code)
        .sort()
        .reverse(),
      ...ended
        .map((d) => d.code)
        .sort()
        .reverse(),
    ];

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await coordinator.get(`/api/dossiers?limit=20${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as ListBody;
      expect(body.total).toBe(all.length);
      seen.push(...body.dossiers.map((d) => d.code));
      after = body.next;
      pages += 1;
    } while (after && pages < 20);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(all.length / 20));

    // The default page: the 50 newest, and the newest aanmelding is on it.
    const first = (await (await coordinator.get('/api/dossiers')).json()) as ListBody;
    expect(first.dossiers).toHaveLength(50);
    expect(first.dossiers[0]!.code).toBe(filed.at(-1));
    expect(first.next).toBeDefined();
  });

  it('audits which dossier codes a list showed', async () => {
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    await coordinator.get(`/api/dossiers?code=${filed[3]}`);
    const row = await db.auditEvent.findFirstOrThrow({
      where: { action: 'dossier.list', actorPerson: { email: 'lotte.verbeke@example.be' } },
      orderBy: { id: 'desc' },
    });
    expect(row.details).toMatchObject({ count: 1, total: 1, codes: filed[3], filter: `code=${filed[3]}` });
  });

  it('answers a bad filter with 400 naming the field', async () => {
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await coordinator.get('/api/dossiers?phase=opgelost&limit=0');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(['phase', 'limit']);
  });

  it('shows an aanmelder only their own dossiers, and a member none, whatever the filter', async () => {
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const own = await db.dossier.count({ where: { aanmelder: { email: 'eva.wouters@example.org' } } });
    const body = (await (await eva.get('/api/dossiers?limit=200')).json()) as ListBody;
    expect(body.total).toBe(own);
    expect(body.dossiers).toHaveLength(own);
    const member = await loginAs(t, 'wim.jacobs@example.be');
    const none = (await (await member.get('/api/dossiers?limit=200')).json()) as ListBody;
    expect(none).toEqual({ dossiers: [], total: 0 });
    // The page is not theirs at all: a member has no dossier list.
    expect((await (await pageUser(t, 'wim.jacobs@example.be')).get('/dossiers')).status).toBe(403);
  });

  describe('the Dossiers page', () => {
    it('searches by code and phase, shows the total, and pages on with the filter kept', async () => {
      const coordinator = await pageUser(t, 'lotte.verbeke@example.be');
      const page = await coordinator.get('/dossiers?code=2026-00&phase=aangemeld');
      expect(page.status).toBe(200);
      const matching = await db.dossier.count({
        where: { code: { contains: '2026-00' }, phase: 'aangemeld' },
      });
      expect(matching).toBeGreaterThan(50);
      expect(textOf(page.html)).toContain(`${matching} dossiers gevonden`);
      expect(inputValue(page.html, 'zoeken-code')).toBe('2026-00');
      expect(selectedValue(page.html, 'zoeken-phase')).toBe('aangemeld');
      const rows = [...page.html.matchAll(/<td class="code"><a href="\/dossiers\/([^"]+)">/g)].map(
        (m) => m[1],
      );
      expect(rows).toHaveLength(50);
      const next = /<a href="([^"]+)" rel="next">/.exec(page.html)?.[1]?.replaceAll('&amp;', '&');
      expect(next).toMatch(/^\/dossiers\?code=2026-00&phase=aangemeld&after=r\.CO3-2026-\d{4}$/);
      const second = await coordinator.get(next!);
      const more = [...second.html.matchAll(/<td class="code"><a href="\/dossiers\/([^"]+)">/g)].map(
        (m) => m[1],
      );
      expect(more).toHaveLength(matching - 50);
      expect(more.some((c) => rows.includes(c))).toBe(false);
      expect(second.html).toContain('Eerste pagina');
    });

    it('keeps a bad search in the form with the message next to its field', async () => {
      const coordinator = await pageUser(t, 'lotte.verbeke@example.be');
      const page = await coordinator.get('/dossiers?code=CO3%202026&from=2026-02-30');
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'zoeken-code')).toBe(
        'Dossiercode: alleen letters, cijfers en streepjes, hoogstens 40.',
      );
      expect(errorNextTo(page.html, 'zoeken-from')).toBe('Aangemeld vanaf: deze datum bestaat niet.');
      expect(inputValue(page.html, 'zoeken-code')).toBe('CO3 2026');
    });

    it('puts the newest dossiers on the home page, with the way to all of them', async () => {
      const coordinator = await pageUser(t, 'lotte.verbeke@example.be');
      const home = await coordinator.get('/');
      const total = await db.dossier.count();
      expect(home.html).toContain(`href="/dossiers/${filed.at(-1)}"`);
      expect(home.html).not.toContain('href="/dossiers/CO3-2026-0001"');
      expect(textOf(home.html)).toContain(`Alle ${total} dossiers: zoeken en filteren`);
      expect(textOf(home.html)).toContain('Regio CO3 Antwerpen');
      expect(textOf(home.html)).toContain('coördinator aan tafel Verkennend casusoverleg (ICO)');
    });
  });
});
