import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, inputValue, pageUser, PageUser, textOf } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels; the ICO of Friday 27 November is open. */
const MONDAY = '2026-11-16T09:00:00Z';

/**
 * Issue #15, item 8: a coordinator moves an agendapunt to a position in one step (the page's
 * "Naar positie", the API's `position`), the slot times follow, and a position off the agenda is
 * a 400 naming the field, on an open and on a frozen agenda alike.
 */
describe('moving an agendapunt to a position', () => {
  let t: TestApp;
  let lotte: PageUser;
  let lotteApi: Awaited<ReturnType<typeof loginAs>>;
  let codes: string[];
  let sessionId: string;
  let ids: string[];
  const clock = new ControlledClock(MONDAY);
  const db = () => createPrismaClient(t.db.url, 1);
  const order = (html: string) => [...html.matchAll(/<li id="punt-([0-9a-f-]{36})"/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    lotte = await pageUser(t, 'lotte.verbeke@example.be');
    lotteApi = await loginAs(t, 'lotte.verbeke@example.be');
    const eva = await pageUser(t, 'eva.wouters@example.org');
    const client = db();
    const eva0 = await client.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    codes = [];
    for (const text of ['Eerste gezin.', 'Tweede gezin.', 'Derde gezin.', 'Vierde gezin.'])
      codes.push(await fileAanmelding(eva, eva0.organisationId!, eva0.email, text));
    const items = await client.agendaItem.findMany({
      where: { dossier: { code: { in: codes } } },
      orderBy: { position: 'asc' },
    });
    sessionId = items[0]!.sessionId;
    ids = items.map((i) => i.id);
    await client.$disconnect();
  }, 60_000);
  afterAll(async () => t?.close());

  it('shows each item’s place and a position field, and the drag-and-drop script for the coordinator', async () => {
    const page = await lotte.get(`/agenda/${sessionId}`);
    expect(page.status).toBe(200);
    expect(order(page.html)).toEqual(ids);
    expect(textOf(page.html)).toContain('Nu op positie 2 van 4.');
    expect(page.html).toContain(`id="volgorde-${ids[0]}-position"`);
    expect(page.html).toContain(`data-order-position="4"`);
    expect(page.html).toContain('<script src="/static/agenda-volgorde.js" defer></script>');
    const script = await fetch(`${t.baseUrl}/static/agenda-volgorde.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('data-order-list');
  });

  it('moves the first item to position 3 in one step, the slots following', async () => {
    const moved = await lotte.post(`/agenda/${sessionId}/punten/${ids[0]}/volgorde`, {
      position: '3',
      reason: 'aanmelder pas om 10.30 uur beschikbaar',
    });
    expect(moved.status).toBe(303);
    expect(moved.location).toBe(`/agenda/${sessionId}?melding=volgorde#punt-${ids[0]}`);
    const after = await lotte.get(`/agenda/${sessionId}`);
    expect(order(after.html)).toEqual([ids[1], ids[2], ids[0], ids[3]]);
    const text = textOf(after.html);
    expect(text).toContain(`09:30–10:00 · ${codes[1]} · Aanmelding`);
    expect(text).toContain(`10:00–10:30 · ${codes[2]} · Aanmelding`);
    expect(text).toContain(`10:30–11:00 · ${codes[0]} · Aanmelding`);
    expect(text).toContain(`11:00–11:30 · ${codes[3]} · Aanmelding`);
    const client = db();
    try {
      const events = await client.auditEvent.findMany({ where: { action: 'agenda.item.move' } });
      expect(events.map((e) => [e.entityId, (e.details as { position?: number }).position])).toEqual([
        [ids[0], 3],
      ]);
    } finally {
      await client.$disconnect();
    }
  });

  it('keeps the form with the message next to the field when the position is missing or off the agenda', async () => {
    const blank = await lotte.post(`/agenda/${sessionId}/punten/${ids[3]}/volgorde`, {
      position: '',
      reason: 'Dringend',
    });
    expect(blank.status).toBe(400);
    expect(errorNextTo(blank.html, `volgorde-${ids[3]}-position`)).toBe(
      'Positie: geef een positie, of kies Naar boven of Naar beneden.',
    );
    expect(inputValue(blank.html, `volgorde-${ids[3]}-reason`)).toBe('Dringend');
    const far = await lotte.post(`/agenda/${sessionId}/punten/${ids[3]}/volgorde`, {
      position: '7',
      reason: 'Dringend',
    });
    expect(far.status).toBe(400);
    expect(errorNextTo(far.html, `volgorde-${ids[3]}-position`)).toBe(
      'Positie: kies een positie van 1 tot en met 4.',
    );
    expect(inputValue(far.html, `volgorde-${ids[3]}-position`)).toBe('7');
    expect(far.html).toContain('<details open>');
    // A step button still wins over a typed number.
    const down = await lotte.post(`/agenda/${sessionId}/punten/${ids[1]}/volgorde`, {
      position: '4',
      direction: 'down',
      reason: 'even wisselen',
    });
    expect(down.status).toBe(303);
    expect(order((await lotte.get(`/agenda/${sessionId}`)).html)).toEqual([ids[2], ids[1], ids[0], ids[3]]);
  });

  it('takes the position in the API’s move body: 400 naming the field when out of range, 204 when moved', async () => {
    for (const [position, message] of [
      [5, 'Positie: kies een positie van 1 tot en met 4.'],
      [0, 'Positie: geef een getal vanaf 1.'],
      [1.5, 'Positie: geef een geheel getal.'],
    ] as const) {
      const res = await lotteApi.post(`/api/agenda-items/${ids[3]}/move`, { position, reason: 'Dringend' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(message);
    }
    const both = await lotteApi.post(`/api/agenda-items/${ids[3]}/move`, {
      position: 1,
      direction: 'up',
      reason: 'Dringend',
    });
    expect(both.status).toBe(400);
    expect(JSON.stringify(await both.json())).toContain('"position"');
    const res = await lotteApi.post(`/api/agenda-items/${ids[3]}/move`, { position: 1, reason: 'Dringend' });
    expect(res.status).toBe(204);
    const text = textOf((await lotte.get(`/agenda/${sessionId}`)).html);
    expect(text).toContain(`09:30–10:00 · ${codes[3]} · Aanmelding`);
    expect(text).toContain(`11:00–11:30 · ${codes[0]} · Aanmelding`);
  });

  it('reorders a frozen agenda in place, slot times back to back', async () => {
    const frozen = await lotte.post(`/tafels/ico/zittingen/${sessionId}/bevriezen`, {
      reason: 'vroeger klaar',
    });
    expect(frozen.status).toBe(303);
    const before = order((await lotte.get(`/agenda/${sessionId}`)).html);
    const res = await lotteApi.post(`/api/agenda-items/${before[3]}/move`, {
      position: 2,
      reason: 'Dringend',
    });
    expect(res.status).toBe(204);
    const after = await lotte.get(`/agenda/${sessionId}`);
    expect(order(after.html)).toEqual([before[0], before[3], before[1], before[2]]);
    const client = db();
    try {
      const rows = await client.agendaItem.findMany({ where: { sessionId }, orderBy: { position: 'asc' } });
      expect(rows.map((r) => [r.id, r.position, r.slotStart?.toISOString()])).toEqual([
        [before[0], 1, '2026-11-27T08:30:00.000Z'],
        [before[3], 2, '2026-11-27T09:00:00.000Z'],
        [before[1], 3, '2026-11-27T09:30:00.000Z'],
        [before[2], 4, '2026-11-27T10:00:00.000Z'],
      ]);
    } finally {
      await client.$disconnect();
    }
    const far = await lotteApi.post(`/api/agenda-items/${before[3]}/move`, {
      position: 9,
      reason: 'Dringend',
    });
    expect(far.status).toBe(400);
  });
});
