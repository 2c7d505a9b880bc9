import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, pageUser, PageUser, textareaValue, textOf, tinyPdf } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { briefFields, WEEGPLOEG_BRIEF } from '../support/plan-van-aanpak';

/** Monday 16 November 2026, 10:00 in Brussels. */
const MONDAY = '2026-11-16T09:00:00Z';

/** The body of a 404 page, for comparing "not yours" with "does not exist". */
const notFoundText = (html: string) => textOf(/<main[\s\S]*<\/main>/.exec(html)![0]);

describe('need-to-know on the pages', () => {
  let t: TestApp;
  let eva: PageUser;
  let karim: PageUser;
  let sara: PageUser;
  let wim: PageUser;
  let bram: PageUser;
  let lotte: PageUser;
  let evaCode: string;
  let karimCode: string;
  let icoSessionId: string;
  const clock = new ControlledClock(MONDAY);

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    eva = await pageUser(t, 'eva.wouters@example.org');
    karim = await pageUser(t, 'karim.bouzid@example.be');
    sara = await pageUser(t, 'sara.elidrissi@example.org');
    wim = await pageUser(t, 'wim.jacobs@example.be');
    bram = await pageUser(t, 'bram.hermans@example.org');
    lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const db = createPrismaClient(t.db.url, 1);
    const orgOf = async (email: string) =>
      (await db.person.findFirstOrThrow({ where: { email } })).organisationId!;
    evaCode = await fileAanmelding(
      eva,
      await orgOf('eva.wouters@example.org'),
      'eva.wouters@example.org',
      'Vraag van de huisarts: geheim-eva.',
    );
    karimCode = await fileAanmelding(
      karim,
      await orgOf('karim.bouzid@example.be'),
      'karim.bouzid@example.be',
      'Vraag van de politie: geheim-karim.',
    );
    const item = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code: evaCode } } });
    icoSessionId = item.sessionId;
    await db.$disconnect();
  }, 60_000);
  afterAll(async () => t?.close());

  async function expectSameNotFound(user: PageUser, code: string) {
    const refused = await user.get(`/dossiers/${code}`);
    const missing = await user.get('/dossiers/CO3-2099-9999');
    expect(refused.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(notFoundText(refused.html)).toBe(notFoundText(missing.html));
    expect(refused.html).not.toContain('geheim');
  }

  it('an aanmelder sees their own aanmelding and dossier, and another’s answers like a code that does not exist', async () => {
    const own = await eva.get(`/dossiers/${evaCode}`);
    expect(own.status).toBe(200);
    expect(textOf(own.html)).toContain('geheim-eva');
    await expectSameNotFound(eva, karimCode);
    await expectSameNotFound(eva, 'CO3-2026-0001');
    const home = await eva.get('/');
    expect(home.html).toContain(evaCode);
    expect(home.html).not.toContain(karimCode);
  });

  it('a casusregisseur sees only the dossiers they direct', async () => {
    expect((await sara.get('/dossiers/CO3-2026-0001')).status).toBe(200);
    await expectSameNotFound(sara, 'CO3-2026-0002');
    await expectSameNotFound(sara, evaCode);
  });

  it('a casusregisseur cannot agenderen someone else’s dossier: the form says so, the same as for one that does not exist', async () => {
    const send = (dossierCode: string) =>
      sara.postMultipart(
        '/agendering',
        {
          dossierCode,
          soort: 'weegploeg:plan-van-aanpak',
          questions: 'Vraag.',
          ...briefFields(WEEGPLOEG_BRIEF, 'page'),
        },
        { name: 'plan.pdf', bytes: tinyPdf() },
      );
    const others = await send('CO3-2026-0002');
    const unknown = await send('CO3-2026-0999');
    // Issue #15: the input kept and why, in Dutch, next to the field; nothing tells the two apart.
    for (const page of [others, unknown]) {
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'agendering-dossierCode')).toBe(
        'U kunt enkel een dossier agenderen waarvan u de casusregisseur (of voor de ICO de aanmelder) bent. Kies een dossier uit de lijst.',
      );
      expect(textareaValue(page.html, 'agendering-questions')).toBe('Vraag.');
    }
    expect(errorNextTo(others.html, 'agendering-dossierCode')).toBe(
      errorNextTo(unknown.html, 'agendering-dossierCode'),
    );
  });

  it('a member sees the agenda (times, codes, types, who) but no contents and no dossier', async () => {
    const page = await wim.get(`/agenda/${icoSessionId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain(evaCode);
    expect(text).toContain(karimCode);
    expect(text).toContain('09:30–10:00');
    expect(text).toContain('Aanmelding');
    expect(text).toContain('Gebracht door Eva Wouters');
    expect(page.html).not.toContain('data-contents');
    expect(page.html.match(/data-no-contents/g)).toHaveLength(2);
    expect(page.html).not.toContain(`href="/dossiers/${evaCode}"`);
    expect(page.html).not.toContain('Agendapunt beheren');
    await expectSameNotFound(wim, evaCode);
  });

  it('a member sees the contents of an item only once the coordinator shares it with the session', async () => {
    const db = createPrismaClient(t.db.url, 1);
    const item = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code: evaCode } } });
    await db.$disconnect();
    const shared = await lotte.post(`/agenda/${icoSessionId}/punten/${item.id}/delen`, { shared: 'true' });
    expect(shared.status).toBe(303);
    expect(shared.location).toBe(`/agenda/${icoSessionId}?melding=gedeeld#punt-${item.id}`);
    const page = await wim.get(`/agenda/${icoSessionId}`);
    expect(page.html.match(/data-contents/g)).toHaveLength(1);
    expect(page.html.match(/data-no-contents/g)).toHaveLength(1);
    const unshared = await lotte.post(`/agenda/${icoSessionId}/punten/${item.id}/delen`, { shared: 'false' });
    expect(unshared.status).toBe(303);
    expect((await wim.get(`/agenda/${icoSessionId}`)).html).not.toContain('data-contents');
  });

  it('a member of another table gets the same not-found for the session as for one that does not exist', async () => {
    const other = await bram.get(`/agenda/${icoSessionId}`);
    const missing = await bram.get('/agenda/00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(notFoundText(other.html)).toBe(notFoundText(missing.html));
  });

  it('aanmelders and casusregisseurs have no agenda pages, members take no decisions', async () => {
    expect((await eva.get('/tafels')).status).toBe(403);
    expect((await eva.get(`/agenda/${icoSessionId}`)).status).toBe(403);
    expect((await sara.get(`/agenda/${icoSessionId}`)).status).toBe(403);
    expect((await sara.get('/aanmelding')).status).toBe(403);
    expect((await wim.get('/casusregie-capaciteit')).status).toBe(403);
    expect((await wim.get('/agendering')).status).toBe(403);
    const db = createPrismaClient(t.db.url, 1);
    const item = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code: evaCode } } });
    await db.$disconnect();
    const decided = await wim.post(`/agenda/${icoSessionId}/punten/${item.id}/beslissing`, {
      kind: 'zonder_casusregisseur',
    });
    expect(decided.status).toBe(403);
    const shared = await wim.post(`/agenda/${icoSessionId}/punten/${item.id}/delen`, { shared: 'true' });
    expect(shared.status).toBe(403);
  });

  it('writes every look at a dossier page to the audit log, refusals included, with ids and codes only', async () => {
    const db = createPrismaClient(t.db.url, 1);
    const evaId = (await loginAs(t, 'eva.wouters@example.org')).personId;
    const rows = await db.auditEvent.findMany({
      where: { actorPersonId: evaId, route: 'GET /dossiers/:code' },
      orderBy: { id: 'asc' },
    });
    await db.$disconnect();
    expect(rows.map((r) => r.outcome)).toEqual(expect.arrayContaining(['allowed', 'denied']));
    const denied = rows.find(
      (r) => r.outcome === 'denied' && (r.details as { code?: string }).code === karimCode,
    );
    expect(denied).toBeDefined();
    expect(denied!.dossierId).toBeNull();
    expect(JSON.stringify(rows.map((r) => r.details))).not.toContain('geheim');
  });
});
