import { MailOutbox } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
import { pageUser, textOf } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #18: the lists that grow with history are paged (fifty a page unless `limit` says
 * otherwise), newest first, with the total and the links to the pages beside it, continued from a
 * row's key. Driven through the real use cases: three ICO sessions of 2026 each get an aanmelding
 * and its decision, which makes them held.
 */
const clock = new ControlledClock('2026-11-16T10:00:00+01:00');

interface ArchivePage {
  items: { sessionId: string; dateText: string; dossierCodes: string[] }[];
  total: number;
  next?: string;
  previous?: string;
}

describe('paged history lists', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  /** The held sessions, oldest first, and the dossier decided on each. */
  const held: { sessionId: string; code: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
    const eva = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    for (const [i, filedAt] of [
      '2026-11-16T10:00:00+01:00',
      '2026-11-30T10:00:00+01:00',
      '2026-12-14T10:00:00+01:00',
    ].entries()) {
      clock.set(filedAt);
      const aanmelder = await loginAs(t, eva.email);
      const res = await aanmelder.post(
        '/api/aanmeldingen',
        aanmeldingInput(eva.organisationId!, eva.email, `Gezin ${i}.`),
      );
      expect(res.status).toBe(201);
      const filed = (await res.json()) as { dossierCode: string; agendaItemId: string };
      const item = await db.agendaItem.findUniqueOrThrow({
        where: { id: filed.agendaItemId },
        select: { session: { select: { id: true, startsAt: true } } },
      });
      clock.set(new Date(item.session.startsAt.getTime() + 45 * 60_000).toISOString());
      const lotte = await loginAs(t, 'lotte.verbeke@example.be');
      const decided = await lotte.post(`/api/agenda-items/${filed.agendaItemId}/decision`, {
        kind: 'geen_ketenaanpak',
        adviceText: 'Advies aan de aanmelder.',
        safetyPlanAdvice: 'Maak een veiligheidsplan.',
      });
      expect(decided.status).toBe(201);
      held.push({ sessionId: item.session.id, code: filed.dossierCode });
    }
    expect(new Set(held.map((h) => h.sessionId)).size).toBe(3);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('pages a table’s archive of held sessions: newest first, the total, next and previous', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const get = async (query: string) => {
      const res = await lotte.get(`/api/tables/ico/archief?${query}`);
      expect(res.status).toBe(200);
      return (await res.json()) as ArchivePage;
    };
    const newestFirst = [...held].reverse();
    const first = await get('limit=2');
    expect(first.items.map((s) => [s.sessionId, s.dossierCodes])).toEqual(
      newestFirst.slice(0, 2).map((h) => [h.sessionId, [h.code]]),
    );
    expect([first.total, first.previous, typeof first.next]).toEqual([3, undefined, 'string']);
    const second = await get(`limit=2&after=${first.next}`);
    expect(second.items.map((s) => s.sessionId)).toEqual([newestFirst[2]!.sessionId]);
    expect([second.total, second.next, typeof second.previous]).toEqual([3, undefined, 'string']);
    const back = await get(`limit=2&before=${second.previous}`);
    expect(back.items.map((s) => s.sessionId)).toEqual(first.items.map((s) => s.sessionId));
    expect(back.previous).toBeUndefined();
    // The default page holds fifty: all three here.
    expect((await get('')).items).toHaveLength(3);
    const wrong = await lotte.get('/api/tables/ico/archief?after=gisteren');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('Volgende pagina: deze verwijzing is ongeldig.');

    const page = await pageUser(t, 'lotte.verbeke@example.be');
    const html = (await page.get('/tafels/ico/archief?limit=2')).html;
    expect(textOf(html)).toContain('3 gehouden zittingen – u ziet er 2, de nieuwste eerst');
    const next = /href="([^"]+)" rel="next">Volgende pagina/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBe(`/tafels/ico/archief?limit=2&after=${encodeURIComponent(first.next!)}`);
    expect(html).not.toContain('Vorige pagina');
    const html2 = (await page.get(next!)).html;
    expect(html2).toContain(`/verslag/${newestFirst[2]!.sessionId}`);
    expect(html2).not.toContain(`/verslag/${newestFirst[0]!.sessionId}`);
    expect(html2).toMatch(/rel="prev">Vorige pagina/);
    expect(html2).not.toContain('Volgende pagina');
  });

  it('pages the failed mails: the latest failure first, the total, next and previous', async () => {
    // Three mails the sender gave up on, through the outbox the use cases and the sender use.
    const outbox = t.app.get(MailOutbox);
    const keys: string[] = [];
    for (const [i, failedAt] of [
      '2026-12-01T08:00:00Z',
      '2026-12-02T08:00:00Z',
      '2026-12-03T08:00:00Z',
    ].entries()) {
      const key = `history-lists|failed|${i}`;
      const { id } = await outbox.add({
        idempotencyKey: key,
        purpose: 'test',
        templateKey: 'test',
        recipientEmail: `mislukt-${i}@example.org`,
        messageId: `<history-lists-${i}@overlegtafels.example.be>`,
        fromAddress: 'CO3 Antwerpen overlegtafels <overlegtafels@example.be>',
        subject: `Agenda ICO ${i}`,
        textBody: 'Testbericht.',
      });
      expect(await outbox.claim(id, new Date(failedAt))).toBeDefined();
      await outbox.markAttemptFailed(id, '550 mailbox unavailable', new Date(failedAt), true);
      keys.push(key);
    }
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const get = async (query: string) => {
      const res = await lotte.get(`/api/admin/mail/failed?${query}`);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        items: { idempotencyKey: string }[];
        total: number;
        next?: string;
        previous?: string;
      };
    };
    const first = await get('limit=2');
    expect([first.items.map((m) => m.idempotencyKey), first.total, first.previous]).toEqual([
      [keys[2], keys[1]],
      3,
      undefined,
    ]);
    const second = await get(`limit=2&after=${first.next}`);
    expect([second.items.map((m) => m.idempotencyKey), second.total, second.next]).toEqual([
      [keys[0]],
      3,
      undefined,
    ]);
    expect((await get(`limit=2&before=${second.previous}`)).items.map((m) => m.idempotencyKey)).toEqual([
      keys[2],
      keys[1],
    ]);
    expect((await lotte.get('/api/admin/mail/failed?limit=0')).status).toBe(400);

    const page = await pageUser(t, 'lotte.verbeke@example.be');
    const html = (await page.get('/beheer/mails?limit=2')).html;
    expect(textOf(html)).toContain('3 mislukte mails – u ziet er 2, de laatst mislukte eerst');
    expect(html).toContain('mislukt-2@example.org');
    expect(html).not.toContain('mislukt-0@example.org');
    const next = /href="([^"]+)" rel="next">Volgende pagina/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBe(`/beheer/mails?limit=2&after=${encodeURIComponent(first.next!)}`);
    const html2 = (await page.get(next!)).html;
    expect(html2).toContain('mislukt-0@example.org');
    expect(html2).not.toContain('mislukt-2@example.org');
    expect(html2).toMatch(/rel="prev">Vorige pagina/);
  });

  it('pages a dossier’s timeline: planned and newest first, the total, next and previous, on the page too', async () => {
    const code = held[0]!.code;
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const get = async (query: string) => {
      const res = await lotte.get(`/api/dossiers/${code}/timeline?${query}`);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        code: string;
        items: { at: string; kind: string; title: string }[];
        total: number;
        next?: string;
        previous?: string;
      };
    };
    const reads = () =>
      db.auditEvent.count({
        where: { action: 'dossier.timeline.read', actorPerson: { email: 'lotte.verbeke@example.be' } },
      });
    const readsBefore = await reads();
    // The whole timeline in one page (fifty by default): the aanmelding, its agendapunt and the decision.
    const all = await get('');
    expect(all.code).toBe(code);
    expect(all.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['aanmelding', 'agendapunt', 'beslissing']),
    );
    expect(all.total).toBe(all.items.length);
    expect([all.next, all.previous]).toEqual([undefined, undefined]);
    const ats = all.items.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(all.items[all.items.length - 1]!.title).toBe('Aanmelding ingediend');

    const first = await get('limit=2');
    expect([first.items, first.total, first.previous, typeof first.next]).toEqual([
      all.items.slice(0, 2),
      all.total,
      undefined,
      'string',
    ]);
    const second = await get(`limit=2&after=${first.next}`);
    expect(second.items).toEqual(all.items.slice(2, 4));
    expect([second.total, typeof second.previous]).toEqual([all.total, 'string']);
    const back = await get(`limit=2&before=${second.previous}`);
    expect([back.items, back.previous]).toEqual([first.items, undefined]);
    // Every page is a read of the dossier, audited as before.
    expect(await reads()).toBe(readsBefore + 4);

    const wrong = await lotte.get(`/api/dossiers/${code}/timeline?before=eergisteren`);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('Vorige pagina: deze verwijzing is ongeldig.');
    // Need-to-know is unchanged: the aanmelder of another dossier gets the same 404 as before.
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    expect((await sara.get(`/api/dossiers/${code}/timeline?limit=2`)).status).toBe(404);

    const page = await pageUser(t, 'lotte.verbeke@example.be');
    const html = (await page.get(`/dossiers/${code}?limit=2`)).html;
    expect(textOf(html)).toContain(
      `${all.total} gebeurtenissen, wat gepland is en het nieuwste eerst; u ziet er 2.`,
    );
    const next = /href="([^"]+)" rel="next">Volgende pagina/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBe(`/dossiers/${code}?limit=2&after=${encodeURIComponent(first.next!)}#tijdlijn`);
    expect(html).not.toContain('Vorige pagina');
    expect(html).not.toContain('Aanmelding ingediend');
    const html2 = (await page.get(next!.replace('#tijdlijn', ''))).html;
    expect(html2).toMatch(/rel="prev">Vorige pagina/);
    expect(html2.includes('Volgende pagina')).toBe(second.next !== undefined);
    expect(html2.includes('Aanmelding ingediend')).toBe(all.total <= 4);
    // A bad page on the page: 400, naming the field.
    const bad = await page.get(`/dossiers/${code}?after=morgen`);
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Volgende pagina: deze verwijzing is ongeldig.');
  });
});
