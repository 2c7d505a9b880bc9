import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, errorSummary, inputValue, pageUser, PageUser, textOf } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels; the ICO of Friday 27 November is open. */
const MONDAY = '2026-11-16T09:00:00Z';
/** Friday 27 November 2026, 10:15 in Brussels: that ICO has started. */
const ICO_FRIDAY = '2026-11-27T09:15:00Z';

describe('the coordinator’s agenda pages', () => {
  let t: TestApp;
  let lotte: PageUser;
  let eva: PageUser;
  let codes: string[];
  let icoSessionId: string;
  let itemIds: string[];
  let saraId: string;
  const clock = new ControlledClock(MONDAY);

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    lotte = await pageUser(t, 'lotte.verbeke@example.be');
    eva = await pageUser(t, 'eva.wouters@example.org');
    const db = createPrismaClient(t.db.url, 1);
    const eva0 = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    saraId = (await db.person.findFirstOrThrow({ where: { email: 'sara.elidrissi@example.org' } })).id;
    codes = [
      await fileAanmelding(eva, eva0.organisationId!, eva0.email, 'Eerste gezin.'),
      await fileAanmelding(eva, eva0.organisationId!, eva0.email, 'Tweede gezin.'),
      await fileAanmelding(eva, eva0.organisationId!, eva0.email, 'Derde gezin.'),
    ];
    const items = await db.agendaItem.findMany({
      where: { dossier: { code: { in: codes } } },
      orderBy: { position: 'asc' },
    });
    icoSessionId = items[0]!.sessionId;
    itemIds = items.map((i) => i.id);
    await db.$disconnect();
  }, 60_000);
  afterAll(async () => t?.close());

  it('lists the tables and each session’s fill level, status and deadline', async () => {
    const tables = await lotte.get('/tafels');
    expect(textOf(tables.html)).toEqual(expect.stringContaining('ICO'));
    expect(tables.html).toContain('href="/tafels/weegploeg"');
    const ico = await lotte.get('/tafels/ico');
    expect(ico.status).toBe(200);
    const row = new RegExp(`<tr id="zitting-${icoSessionId}">[\\s\\S]*?</tr>`).exec(ico.html)![0];
    const text = textOf(row);
    expect(text).toContain('vrijdag 27 november 2026, 09:30–12:00');
    expect(text).toContain('90 van 150 minuten');
    expect(text).toContain('3 agendapunten');
    expect(text).toContain('in voorbereiding');
    expect(text).toContain('donderdag 19 november 2026 om 24:00');
    expect(text).toContain('donderdag 26 november 2026 om 13:00');
    expect(row).toContain(`href="/agenda/${icoSessionId}"`);
    expect((await lotte.get('/tafels/koffietafel')).status).toBe(404);
  });

  it('keeps a session action without a reason on the page, with the error next to the field', async () => {
    const page = await lotte.post(`/tafels/ico/zittingen/${icoSessionId}/annuleren`, { reason: '' });
    expect(page.status).toBe(400);
    expect(errorNextTo(page.html, `annuleren-${icoSessionId}-reason`)).toBe('Reden is verplicht.');
    expect(errorSummary(page.html)).toEqual([
      { href: `#annuleren-${icoSessionId}-reason`, message: 'Reden is verplicht.' },
    ]);
    const capacity = await lotte.post(`/tafels/ico/zittingen/${icoSessionId}/capaciteit`, {
      capacityMinutes: 'veel',
      reason: 'extra tijd',
    });
    expect(capacity.status).toBe(400);
    expect(errorNextTo(capacity.html, `capaciteit-${icoSessionId}-capacityMinutes`)).toBe(
      'Capaciteit: geef een aantal minuten.',
    );
    expect(inputValue(capacity.html, `capaciteit-${icoSessionId}-capacityMinutes`)).toBe('veel');
    expect(inputValue(capacity.html, `capaciteit-${icoSessionId}-reason`)).toBe('extra tijd');
    expect(capacity.html).toContain('<details open>');
    const period = await lotte.post('/tafels/ico/sluiten', {
      from: '2026-12-31',
      to: '2026-12-21',
      tableKey: 'ico',
      reason: 'kerstvakantie',
    });
    expect(period.status).toBe(400);
    expect(errorNextTo(period.html, 'sluiten-to')).toBe('Tot en met moet na Van liggen.');
  });

  it('changes a session’s capacity, freezes and reopens its agenda, each with a reason', async () => {
    const tooMuch = await lotte.post(`/tafels/ico/zittingen/${icoSessionId}/capaciteit`, {
      capacityMinutes: '200',
      reason: 'extra tijd',
    });
    expect(tooMuch.status).toBe(400);
    expect(errorNextTo(tooMuch.html, `capaciteit-${icoSessionId}-capacityMinutes`)).toBe(
      'Capaciteit: hoogstens 150 minuten, de duur van de zitting.',
    );
    const capacity = await lotte.post(`/tafels/ico/zittingen/${icoSessionId}/capaciteit`, {
      capacityMinutes: '120',
      reason: 'korter',
    });
    expect(capacity.status).toBe(303);
    expect(capacity.location).toBe('/tafels/ico?melding=capaciteit');
    expect(textOf((await lotte.get(capacity.location!)).html)).toContain('90 van 120 minuten');
    const frozen = await lotte.post(`/tafels/ico/zittingen/${icoSessionId}/bevriezen`, {
      reason: 'vroeger klaar',
    });
    expect(frozen.status).toBe(303);
    expect(frozen.location).toBe('/tafels/ico?melding=bevroren');
    const afterFreeze = textOf((await lotte.get(frozen.location!)).html);
    expect(afterFreeze).toContain('De agenda is definitief');
    expect(afterFreeze).toContain('agenda definitief');
    const again = await lotte.post(`/tafels/ico/zittingen/${icoSessionId}/bevriezen`, { reason: 'nog eens' });
    expect(again.status).toBe(409);
    const reopened = await lotte.post(`/tafels/ico/zittingen/${icoSessionId}/ontdooien`, {
      reason: 'nog een laattijdige aanmelding',
    });
    expect(reopened.status).toBe(303);
    expect(textOf((await lotte.get('/tafels/ico')).html)).toContain('in voorbereiding');
  });

  it('shows the agenda with slot times and moves an item down, with a reason', async () => {
    const before = await lotte.get(`/agenda/${icoSessionId}`);
    expect(before.status).toBe(200);
    const order = (html: string) => [...html.matchAll(/<li id="punt-([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(order(before.html)).toEqual(itemIds);
    expect(textOf(before.html)).toContain(`09:30–10:00 · ${codes[0]} · Aanmelding`);
    expect(textOf(before.html)).toContain('Een beslissing kan vanaf het begin van de zitting');
    const refused = await lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[0]}/volgorde`, {
      direction: 'down',
      reason: '',
    });
    expect(refused.status).toBe(400);
    expect(errorNextTo(refused.html, `volgorde-${itemIds[0]}-reason`)).toBe('Reden is verplicht.');
    const moved = await lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[0]}/volgorde`, {
      direction: 'down',
      reason: 'aanmelder pas om 10 uur beschikbaar',
    });
    expect(moved.status).toBe(303);
    const after = await lotte.get(`/agenda/${icoSessionId}`);
    expect(order(after.html)).toEqual([itemIds[1], itemIds[0], itemIds[2]]);
    expect(textOf(after.html)).toContain(`10:00–10:30 · ${codes[0]} · Aanmelding`);
    expect(textOf(after.html)).toContain(
      'Aangepast door de coördinator: aanmelder pas om 10 uur beschikbaar',
    );
  });

  it('audits each page action under the route that served it, the session action by its name', async () => {
    const db = createPrismaClient(t.db.url, 1);
    const routes = async (action: string) =>
      (await db.auditEvent.findMany({ where: { action, outcome: 'allowed' }, orderBy: { id: 'asc' } })).map(
        (e) => e.route,
      );
    try {
      expect(await routes('aanmelding.create')).toEqual(Array(3).fill('POST /aanmelding'));
      expect(await routes('session.capacity')).toEqual(['POST /tafels/:key/zittingen/:id/capaciteit']);
      expect(await routes('session.freeze')).toEqual(['POST /tafels/:key/zittingen/:id/bevriezen']);
      expect(await routes('session.unfreeze')).toEqual(['POST /tafels/:key/zittingen/:id/ontdooien']);
      expect(await routes('agenda.item.move')).toEqual(['POST /agenda/:sessionId/punten/:itemId/volgorde']);
      // Every item event names its dossier (issue #17), the move and the reads of the agenda too.
      const dossierOf = new Map(
        (
          await db.agendaItem.findMany({
            where: { id: { in: itemIds } },
            select: { id: true, dossierId: true },
          })
        ).map((i) => [i.id, i.dossierId]),
      );
      const itemEvents = await db.auditEvent.findMany({ where: { entityType: 'agenda_item' } });
      expect(itemEvents.filter((e) => e.action === 'agenda.item.move')).toHaveLength(1);
      expect(itemEvents.filter((e) => e.action === 'agenda-item.read').length).toBeGreaterThan(2);
      for (const e of itemEvents)
        expect([e.action, e.dossierId]).toEqual([e.action, dossierOf.get(e.entityId!)]);
      // The agenda page's read names the dossiers it showed.
      const read = await db.auditEvent.findFirstOrThrow({
        where: { action: 'agenda.read', outcome: 'allowed' },
      });
      expect(
        String((read.details as { codes: string }).codes)
          .split(',')
          .sort(),
      ).toEqual([...codes].sort());
    } finally {
      await db.$disconnect();
    }
  });

  it('moves an item to a later session, a full one included, and lists the targets with their fill level', async () => {
    const page = await lotte.get(`/agenda/${icoSessionId}`);
    const select = new RegExp(`<select id="verplaatsen-${itemIds[2]}-sessionId"[\\s\\S]*?</select>`).exec(
      page.html,
    )![0];
    expect(textOf(select)).toContain('vrijdag 4 december 2026 – in voorbereiding – 0 van 150 minuten');
    const target = /<option value="([0-9a-f-]{36})">vrijdag 4 december/.exec(select)![1]!;
    const missing = await lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[2]}/verplaatsen`, {
      sessionId: '',
      reason: 'te vol',
    });
    expect(missing.status).toBe(400);
    expect(errorNextTo(missing.html, `verplaatsen-${itemIds[2]}-sessionId`)).toBe(
      'Kies een zitting of een richting.',
    );
    const moved = await lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[2]}/verplaatsen`, {
      sessionId: target,
      reason: 'te vol',
    });
    expect(moved.status).toBe(303);
    const later = await lotte.get(`/agenda/${target}`);
    expect(textOf(later.html)).toContain(codes[2]);
  });

  it('records a decision only from the start of the session, with only the kinds that fit the item', async () => {
    clock.set(ICO_FRIDAY);
    lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const page = await lotte.get(`/agenda/${icoSessionId}`);
    const form = new RegExp(`<form id="beslissing-${itemIds[1]}"[\\s\\S]*?</form>`).exec(page.html)![0];
    const kinds = [...form.matchAll(/name="kind" value="([a-z_]+)"/g)].map((m) => m[1]);
    expect(kinds).toEqual([
      'geen_ketenaanpak',
      'zonder_casusregisseur',
      'met_casusregie',
      'herbespreking',
      'geen_instemming',
    ]);
    // Instroom volgens capaciteit: every casusregisseur with the dossiers they carry.
    expect(textOf(form)).toContain('Sara El Idrissi (1)');
    expect(form).toContain('<caption>Casusregie-capaciteit</caption>');
    expect(inputValue(form, `beslissing-${itemIds[1]}-startDate`)).toBe('2026-11-27');

    const missing = await lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[1]}/beslissing`, {
      kind: 'met_casusregie',
      casusregisseurId: '',
      startDate: '2026-11-27',
    });
    expect(missing.status).toBe(400);
    expect(errorNextTo(missing.html, `beslissing-${itemIds[1]}-casusregisseurId`)).toBe(
      'Casusregisseur is verplicht.',
    );
    expect(missing.html).toContain(`value="met_casusregie" checked`);
    expect(missing.html).toContain(`<details open>`);

    const none = await lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[0]}/beslissing`, {
      kind: 'geen_ketenaanpak',
      adviceText: '',
      safetyPlanAdvice: '',
    });
    expect(none.status).toBe(400);
    expect(errorNextTo(none.html, `beslissing-${itemIds[0]}-adviceText`)).toBe('Advies is verplicht.');
    expect(errorNextTo(none.html, `beslissing-${itemIds[0]}-safetyPlanAdvice`)).toBe(
      'Advies over een veiligheidsplan is verplicht.',
    );

    // The form's one-time key: sent twice at once (a double click), it is one decision.
    const submissionKey = /name="submissionKey" value="([0-9a-f-]{36})"/.exec(form)![1]!;
    const fields = {
      submissionKey,
      kind: 'met_casusregie',
      casusregisseurId: saraId,
      startDate: '2026-11-27',
      consentVerified: 'on',
    };
    const db = createPrismaClient(t.db.url, 1);
    const [decided, doubled] = await Promise.all([
      lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[1]}/beslissing`, fields),
      lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[1]}/beslissing`, fields),
    ]);
    expect([decided.status, doubled.status]).toEqual([303, 303]);
    expect(decided.location).toBe(`/agenda/${icoSessionId}?melding=beslissing#punt-${itemIds[1]}`);
    expect(doubled.location).toBe(decided.location);
    expect(await db.decision.count({ where: { agendaItemId: itemIds[1] } })).toBe(1);
    await db.$disconnect();
    const after = textOf((await lotte.get(decided.location!)).html);
    expect(after).toContain('De beslissing is geregistreerd.');
    expect(after).toContain('Beslissing: ketenaanpak met casusregie');
    const dossier = textOf((await lotte.get(`/dossiers/${codes[1]}`)).html);
    expect(dossier).toContain('Fase casusregie');
    expect(dossier).toContain('Beslissing: ketenaanpak met casusregie');
    expect(dossier).toContain('casusregisseur Sara El Idrissi');

    const twice = await lotte.post(`/agenda/${icoSessionId}/punten/${itemIds[1]}/beslissing`, {
      kind: 'zonder_casusregisseur',
    });
    expect(twice.status).toBe(409);
    expect(errorSummary(twice.html)[0]!.message).toBe(
      'Voor dit agendapunt is al een beslissing geregistreerd.',
    );
  });

  it('shows the casusregie capacity per organisation', async () => {
    const page = await lotte.get('/casusregie-capaciteit');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('CAW Regio Noord (fictief)');
    expect(text).toMatch(/Sara El Idrissi 2/);
  });
});
