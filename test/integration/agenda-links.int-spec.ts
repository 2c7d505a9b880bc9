import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, textOf, tinyPdf } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 2: a member who sees a shared item got a document link that answered raw JSON
 * and a dossier link that answered 404. The agenda page links only to what its reader may open:
 * the member reads the shared item's question and the attachment's name, without links, and every
 * link of their page opens (the verslag only once it opens for them); the coordinator gets the
 * links, and they open.
 */
const clock = new ControlledClock('2026-11-16T09:00:00Z');
const CODE = 'CO3-2026-0001';

describe('links on the agenda page are only to what the reader may open', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
  }, 60_000);
  afterAll(async () => t?.close());

  it('gives a member the shared item without dossier or document links, the others links that open', async () => {
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const form = new FormData();
    form.set('dossierCode', CODE);
    form.set('tableKey', 'ronde-tafel');
    form.set('itemType', 'vraag');
    form.set('questions', 'Wat weet de school?');
    form.set(
      'document',
      new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }),
      'schoolverslag.pdf',
    );
    const made = await fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: sara.cookie, 'x-csrf-token': sara.csrfToken, accept: 'application/json' },
      body: form,
    });
    expect(made.status).toBe(201);
    const { agendaItemId, slot } = (await made.json()) as {
      agendaItemId: string;
      slot: { sessionId: string };
    };
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    expect(
      (await lotte.post(`/api/agenda-items/${agendaItemId}/share`, { shared: true })).status,
    ).toBeLessThan(300);

    const entryOf = (html: string) => {
      const at = html.indexOf(CODE);
      expect(at).toBeGreaterThan(-1);
      return html.slice(html.lastIndexOf('<h2', at), html.indexOf('<h2', at + 1) >>> 0 || undefined);
    };
    // A member: the question and the file's name, no link to the dossier or the document.
    const wim = await pageUser(t, 'wim.jacobs@example.be');
    const memberPage = await wim.get(`/agenda/${slot.sessionId}`);
    expect(memberPage.status).toBe(200);
    const memberEntry = entryOf(memberPage.html);
    expect(textOf(memberEntry)).toContain('Wat weet de school?');
    expect(textOf(memberEntry)).toContain('schoolverslag.pdf');
    expect(memberEntry).not.toContain(`href="/dossiers/${CODE}"`);
    expect(memberEntry).not.toContain('href="/api/documents/');
    // Every link the member's agenda page has opens for them.
    const hrefs = [...memberPage.html.matchAll(/href="(\/[^"#]*)"/g)]
      .map((m) => m[1]!)
      .filter((h) => !h.startsWith('/static/') && h !== '/logout');
    for (const href of new Set(hrefs)) {
      const res = await wim.get(href);
      expect([href, res.status]).toEqual([href, res.status < 400 ? res.status : 'opens']);
    }
    // The coordinator: both links, and they open.
    for (const email of ['lotte.verbeke@example.be']) {
      const who = await pageUser(t, email);
      const entry = entryOf((await who.get(`/agenda/${slot.sessionId}`)).html);
      expect(entry).toContain(`href="/dossiers/${CODE}"`);
      const doc = /href="(\/api\/documents\/[0-9a-f-]{36})"/.exec(entry)![1]!;
      const res = await fetch(`${t.baseUrl}${doc}`, {
        headers: { cookie: (await loginAs(t, email)).cookie },
      });
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      expect((await who.get(`/dossiers/${CODE}`)).status).toBe(200);
    }
  }, 60_000);
});
