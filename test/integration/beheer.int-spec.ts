import { parseInvitation, receivedMails } from '@overlegtafels/mail/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { brussels } from '@overlegtafels/persistence/testing';
import { ControlledClock } from '@overlegtafels/testing';
import { AgendaPlanningCron } from '../../apps/worker/src/crons/agenda-planning.cron';
import { pageUser } from '../support/page-client';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #14, item 4: the beheerder runs the region's people. Through the API a beheerder adds a
 * fictitious person and seats them at the Weegploeg as a standing participant; when a coordinator
 * sends that table's next agenda, the new person's mailbox has it with their own invitation.
 * Deactivated, their session ends at once (the old cookie is a login again) and their calendar
 * feed is gone. Every change is audited with who and why, ids and keys only besides the reason;
 * another region's person is "not found" and the attempt audited; the beheerder sees no dossier.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday
const BEHEERDER = 'beheer@example.be';
const COORDINATOR = 'lotte.verbeke@example.be';
const FIEN = 'fien.fictief@example.org';
const SUBJECT = 'Weegploeg 1 december 2026 – CO3 Antwerpen';

describe('the beheerder adds a person, seats them at a table, and deactivates them', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let beheerder: Awaited<ReturnType<typeof loginAs>>;
  let politie: string;
  let fien: string;

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${url}`, {
      method: 'POST',
      headers: {
        cookie: beheerder.cookie,
        'x-csrf-token': beheerder.csrfToken,
        'content-type': 'application/json',
        accept: 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await t.app.get(AgendaPlanningCron, { strict: false }).settled();
    db = createPrismaClient(t.db.url, 2);
    beheerder = await loginAs(t, BEHEERDER);
    const orgs = (await (await beheerder.get('/api/beheer/organisaties')).json()) as {
      organisations: { id: string; kind: string; name: string }[];
    };
    politie = orgs.organisations.find((o) => o.kind === 'politie')!.id;
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const newPerson = {
    displayName: 'Fien Fictief',
    email: FIEN,
    organisationId: '',
    roles: [],
    coordinatorTables: [],
    reason: 'Nieuwe vertegenwoordiger van de politie aan de Weegploeg',
  };

  it('refuses bad input with a 400 naming the field, and adds nothing', async () => {
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...newPerson, email: 'geen-adres' }, 'email'],
      [{ ...newPerson, email: 'WIM.JACOBS@example.be' }, 'email', 'EMAIL_TAKEN'],
      [{ ...newPerson, displayName: '  ' }, 'displayName'],
      [{ ...newPerson, roles: ['koning'] }, 'roles'],
      [{ ...newPerson, roles: ['member'] }, 'roles'],
      [{ ...newPerson, coordinatorTables: ['kaartclub'] }, 'coordinatorTables', 'UNKNOWN'],
      [{ ...newPerson, reason: '' }, 'reason'],
      [{ ...newPerson, organisationId: 'geen-id' }, 'organisationId'],
    ];
    for (const [body, field, code] of cases) {
      const res = await post('/api/beheer/personen', {
        ...body,
        organisationId: body.organisationId || politie,
      });
      const answer = (await res.json()) as { field?: string; code?: string };
      expect([field, res.status, answer.field]).toEqual([field, 400, field]);
      if (code) expect(answer.code).toBe(code);
    }
    expect(await db.person.count({ where: { email: FIEN } })).toBe(0);
  });

  it('adds the person once per Idempotency-Key, audited with who and why and no personal data', async () => {
    const body = { ...newPerson, organisationId: politie };
    const key = { 'idempotency-key': 'beheer-fien-0001' };
    const first = await post('/api/beheer/personen', body, key);
    expect(first.status).toBe(201);
    const made = (await first.json()) as { personId: string; repeated: boolean };
    expect(made.repeated).toBe(false);
    fien = made.personId;
    const again = await post('/api/beheer/personen', body, key);
    expect([again.status, await again.json()]).toEqual([200, { personId: fien, repeated: true }]);
    const other = await post('/api/beheer/personen', { ...body, displayName: 'Fien Anders' }, key);
    expect(other.status).toBe(409);
    expect(await db.person.count({ where: { email: FIEN } })).toBe(1);

    const person = (await (await beheerder.get(`/api/beheer/personen/${fien}`)).json()) as Record<
      string,
      unknown
    >;
    expect(person).toMatchObject({
      displayName: 'Fien Fictief',
      email: FIEN,
      organisationId: politie,
      active: true,
      roles: [],
      memberships: [],
    });
    const audit = await db.auditEvent.findMany({ where: { action: 'beheer.person.add' } });
    expect(audit.map((a) => [a.actorPersonId, a.entityId, a.outcome, a.route, a.details])).toEqual([
      [
        beheerder.personId,
        fien,
        'allowed',
        'POST /api/beheer/personen',
        { organisationId: politie, roles: '', reason: newPerson.reason },
      ],
    ]);
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/Fien|fien\.fictief/);
  });

  it('seats them at the Weegploeg, and they receive its next agenda with their invitation', async () => {
    const seat = await post(
      `/api/beheer/personen/${fien}/tafels`,
      { tableKey: 'weegploeg', function: 'lid', standing: true, reason: 'Vaste deelnemer voor de politie' },
      { 'idempotency-key': 'beheer-fien-tafel-1' },
    );
    expect(seat.status).toBe(204);
    const person = (await (await beheerder.get(`/api/beheer/personen/${fien}`)).json()) as {
      roles: unknown[];
      memberships: unknown[];
    };
    expect(person.memberships).toEqual([{ tableKey: 'weegploeg', function: 'lid', standing: true }]);
    expect(person.roles).toEqual([{ role: 'member', tableKey: 'weegploeg' }]);
    const table = (await (await beheerder.get('/api/beheer/tafels/weegploeg')).json()) as {
      seats: { personId: string; standing: boolean }[];
    };
    expect(table.seats.filter((s) => s.personId === fien)).toEqual([
      expect.objectContaining({ personId: fien, standing: true, function: 'lid' }),
    ]);
    expect(
      (await db.auditEvent.findMany({ where: { action: 'beheer.membership.set', entityId: fien } })).map(
        (a) => a.details,
      ),
    ).toEqual([
      {
        tableKey: 'weegploeg',
        function: 'lid',
        standing: true,
        new: true,
        reason: 'Vaste deelnemer voor de politie',
      },
    ]);

    // The next Weegploeg (Tuesday 1 December 13:00), sent now by its coordinator.
    const session = await db.session.findFirstOrThrow({
      where: { tableKey: 'weegploeg', scheduledStart: brussels('2026-12-01T13:00') },
    });
    const coordinator = await loginAs(t, COORDINATOR);
    const sent = await coordinator.post(`/api/sessions/${session.id}/send`, { keepEmpty: true });
    expect(sent.status).toBe(200);
    const mine = await eventually(
      async () => {
        const got = (await receivedMails(t.sink)).filter((m) => m.to === FIEN);
        return got.length > 0 ? got : undefined;
      },
      'the agenda reaches the new standing participant',
      60_000,
    );
    expect(mine.map((m) => m.subject)).toEqual([SUBJECT]);
    const ics = parseInvitation(mine[0]!.calendar!.content);
    expect(ics).toMatchObject({
      method: 'REQUEST',
      uid: `session-${session.id}@example.be`,
      start: '2026-12-01T12:00:00.000Z',
    });
    expect(ics.attendees.map((a) => a.value)).toEqual([`mailto:${FIEN}`]);
  }, 90_000);

  it('deactivated, their session ends at once and their calendar feed is gone', async () => {
    const them = await loginAs(t, FIEN);
    const feedPage = await fetch(`${t.baseUrl}/agenda-abonnement`, {
      method: 'POST',
      headers: {
        cookie: them.cookie,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: them.csrfToken }),
      redirect: 'manual',
    });
    const feedUrl = /value="http:\/\/localhost:3999(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(
      await feedPage.text(),
    )?.[1];
    expect(feedUrl).toBeDefined();
    expect((await fetch(`${t.baseUrl}${feedUrl}`)).status).toBe(200);
    expect((await them.get('/api/me')).status).toBe(200);

    const refused = await post(`/api/beheer/personen/${fien}/deactiveren`, {});
    expect([refused.status, ((await refused.json()) as { field: string }).field]).toEqual([400, 'reason']);
    expect((await them.get('/api/me')).status).toBe(200);

    const done = await post(`/api/beheer/personen/${fien}/deactiveren`, {
      reason: 'Vertrokken bij de politie',
    });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { handedOver: unknown }).handedOver).toEqual({
      dossiers: 0,
      obligations: 0,
      actionPoints: 0,
    });

    expect((await them.get('/api/me')).status).toBe(401);
    const page = await fetch(`${t.baseUrl}/tafels`, {
      headers: { cookie: them.cookie, accept: 'text/html' },
      redirect: 'manual',
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login/);
    expect((await fetch(`${t.baseUrl}${feedUrl}`)).status).toBe(404);
    expect(await db.userSession.count({ where: { personId: fien } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'beheer.person.deactivate' } });
    expect([audit.entityId, audit.actorPersonId, audit.details]).toEqual([
      fien,
      beheerder.personId,
      {
        wasActive: true,
        sessions: 1,
        feedTokens: 1,
        loginLinks: 0,
        dossiers: 0,
        obligations: 0,
        actionPoints: 0,
        reason: 'Vertrokken bij de politie',
      },
    ]);
    // They are listed as deactivated, and no agenda of the table goes to them any more.
    const list = (await (await beheerder.get('/api/beheer/personen')).json()) as {
      people: { id: string; active: boolean }[];
    };
    expect(list.people.find((p) => p.id === fien)?.active).toBe(false);
  });

  it('sends a deactivated person no agenda any more', async () => {
    const session = await db.session.findFirstOrThrow({
      where: { tableKey: 'weegploeg', scheduledStart: brussels('2026-12-15T13:00') },
    });
    const coordinator = await loginAs(t, COORDINATOR);
    expect((await coordinator.post(`/api/sessions/${session.id}/send`, { keepEmpty: true })).status).toBe(
      200,
    );
    const subject = 'Weegploeg 15 december 2026 – CO3 Antwerpen';
    await eventually(
      async () =>
        (await receivedMails(t.sink)).some((m) => m.to === 'wim.jacobs@example.be' && m.subject === subject),
      'the agenda reaches a standing member who is still active',
      60_000,
    );
    const outbox = await db.mailOutbox.findMany({ where: { sessionId: session.id, purpose: 'agenda' } });
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.map((m) => m.recipientEmail)).not.toContain(FIEN);
    expect((await receivedMails(t.sink)).filter((m) => m.to === FIEN).map((m) => m.subject)).toEqual([
      SUBJECT,
    ]);
  }, 90_000);

  it('answers another region’s person as one that does not exist, and audits the attempt', async () => {
    const oost = await db.region.create({
      data: {
        key: 'testregio-beheer',
        name: 'Testregio',
        mailFromName: 'T',
        mailFromAddress: 't@example.org',
      },
    });
    const stranger = await db.person.create({
      data: { regionId: oost.id, displayName: 'Noor Elders', email: 'noor.elders@example.org' },
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const id of [stranger.id, unknown]) {
      expect((await beheerder.get(`/api/beheer/personen/${id}`)).status).toBe(404);
      const res = await post(`/api/beheer/personen/${id}/deactiveren`, { reason: 'Poging' });
      expect(res.status).toBe(404);
    }
    expect((await db.person.findUniqueOrThrow({ where: { id: stranger.id } })).active).toBe(true);
    const denied = await db.auditEvent.findMany({
      where: { actorPersonId: beheerder.personId, outcome: 'denied', entityId: stranger.id },
      orderBy: { id: 'asc' },
    });
    expect(denied.map((a) => [a.action, a.details])).toEqual([
      ['beheer.person.read', { reason: 'OTHER_REGION' }],
      ['beheer.person.deactivate', { reason: 'OTHER_REGION' }],
    ]);
    const people = (await (await beheerder.get('/api/beheer/personen')).json()) as {
      people: { id: string }[];
    };
    expect(people.people.map((p) => p.id)).not.toContain(stranger.id);
  });

  it('adds a person once from the page’s form (one-time key, then PRG), and keeps refused input by its field', async () => {
    const page = await pageUser(t, BEHEERDER);
    const form = {
      displayName: 'Jan Voorbeeld',
      email: 'jan.voorbeeld@example.org',
      organisationId: politie,
      roles: 'aanmelder',
      reason: 'Nieuwe aanmelder',
      submissionKey: 'pagina-jan-voorbeeld-1',
    };
    const refused = await page.post('/beheer/personen', {
      ...form,
      email: 'jan@',
      submissionKey: 'pagina-jan-0',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/id="persoon-email-fout"[^>]*>.*is geen geldig e-mailadres/s);
    expect(refused.html).toContain('value="Jan Voorbeeld"');
    expect(refused.html).toMatch(/value="aanmelder" checked/);
    const first = await page.post('/beheer/personen', form);
    const again = await page.post('/beheer/personen', form);
    expect([first.status, again.status]).toEqual([303, 303]);
    expect(first.location).toMatch(/^\/beheer\/personen\/[0-9a-f-]{36}\?melding=toegevoegd$/);
    expect(again.location).toBe(first.location);
    expect(await db.person.count({ where: { email: 'jan.voorbeeld@example.org' } })).toBe(1);
    const shown = await page.get(first.location!);
    expect(shown.html).toContain('De persoon is toegevoegd.');
  });

  it('adds an organisation of the domain’s kinds, its name once in the region', async () => {
    const org = {
      name: 'Vluchthuis Noord (fictief)',
      kind: 'andere',
      contactEmail: 'info@example.org',
      reason: 'Nieuwe partner',
    };
    const bad = await post('/api/beheer/organisaties', { ...org, kind: 'sekte' });
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'kind']);
    const made = await post('/api/beheer/organisaties', org, { 'idempotency-key': 'beheer-org-00001' });
    expect(made.status).toBe(201);
    const { organisationId } = (await made.json()) as { organisationId: string };
    const twice = await post('/api/beheer/organisaties', { ...org, name: 'VLUCHTHUIS NOORD (fictief)' });
    const answer = (await twice.json()) as { field: string; code: string };
    expect([twice.status, answer.field, answer.code]).toEqual([400, 'name', 'NAME_TAKEN']);
    const off = await post(`/api/beheer/organisaties/${organisationId}/deactiveren`, { reason: 'Opgeheven' });
    expect(off.status).toBe(204);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisationId } })).active).toBe(false);
    const audit = await db.auditEvent.findMany({
      where: { entityId: organisationId },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['beheer.organisation.add', { kind: 'andere', reason: 'Nieuwe partner' }],
      ['beheer.organisation.deactivate', { wasActive: true, reason: 'Opgeheven' }],
    ]);
  });

  it('closes a period for every table of the region, with its effect and its audit row', async () => {
    const period = { from: '2026-12-28', to: '2026-12-31', reason: 'Kerstvakantie' };
    const bad = await post('/api/beheer/gesloten-periodes', { ...period, to: '2026-12-20' });
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'to']);
    const closed = await post('/api/beheer/gesloten-periodes', period, {
      'idempotency-key': 'beheer-kerst-2026',
    });
    expect(closed.status).toBe(204);
    const again = await post('/api/beheer/gesloten-periodes', period, {
      'idempotency-key': 'beheer-kerst-2026',
    });
    expect(again.status).toBe(204);
    const list = (await (await beheerder.get('/api/beheer/gesloten-periodes')).json()) as {
      closedPeriods: { tableKey: string | null; from: string; to: string; reason: string }[];
    };
    expect(
      list.closedPeriods.map(({ tableKey, from, to, reason }) => ({ tableKey, from, to, reason })),
    ).toEqual([{ tableKey: null, ...period }]);
    const inPeriod = await db.session.findMany({
      where: { scheduledStart: { gte: brussels('2026-12-28T00:00'), lt: brussels('2027-01-01T00:00') } },
    });
    expect(inPeriod.length).toBeGreaterThan(0);
    expect(inPeriod.filter((s) => s.status !== 'cancelled')).toEqual([]);
    const audit = await db.auditEvent.findMany({ where: { action: 'closed-period.create' } });
    expect(audit.map((a) => [a.actorPersonId, a.route, a.details])).toEqual([
      [
        beheerder.personId,
        'POST /api/beheer/gesloten-periodes',
        { from: period.from, to: period.to, tableKey: null },
      ],
    ]);
  }, 60_000);

  it('shows the beheerder no dossier: 403 on the dossier pages and APIs, no dossier code on the beheer pages', async () => {
    const session = await db.session.findFirstOrThrow({ where: { tableKey: 'weegploeg' } });
    const document = await db.document.findFirst();
    const html = (url: string) =>
      fetch(`${t.baseUrl}${url}`, {
        headers: { cookie: beheerder.cookie, accept: 'text/html' },
        redirect: 'manual',
      });
    for (const url of ['/dossiers', `/agenda/${session.id}`, '/opvolging', '/coordinatie', '/agendering'])
      expect([url, (await html(url)).status]).toEqual([url, 403]);
    for (const url of ['/api/dossiers', `/api/sessions/${session.id}/agenda.pdf`, '/api/opvolging'])
      expect([url, (await beheerder.get(url)).status]).toEqual([url, 403]);

    // Routes open to any login where need-to-know decides (a guest's, a consulent's): the beheerder
    // is answered as for a dossier that does not exist, and knows no more than that.
    const missing = 'CO3-2099-9999';
    for (const [url, none] of [
      ['/dossiers/CO3-2026-0001', `/dossiers/${missing}`],
      ['/api/dossiers/CO3-2026-0001', `/api/dossiers/${missing}`],
      ['/api/opvolging/dossiers/CO3-2026-0001', `/api/opvolging/dossiers/${missing}`],
      [`/verslag/${session.id}`, '/verslag/00000000-0000-4000-8000-000000000000'],
    ] as const) {
      const [seen, unknown] = [await html(url), await html(none)];
      expect([url, seen.status]).toEqual([url, 404]);
      expect((await seen.text()).replace(/CO3-\d{4}-\d{4}|[0-9a-f-]{36}/g, '')).toBe(
        (await unknown.text()).replace(/CO3-\d{4}-\d{4}|[0-9a-f-]{36}/g, ''),
      );
    }
    if (document) expect((await beheerder.get(`/api/documents/${document.id}`)).status).toBe(404);

    const people = (await (await beheerder.get('/api/beheer/personen')).json()) as {
      people: { id: string }[];
    };
    const orgs = (await (await beheerder.get('/api/beheer/organisaties')).json()) as {
      organisations: { id: string }[];
    };
    const pages = [
      '/',
      '/beheer',
      '/beheer/personen',
      `/beheer/personen/${people.people[0]!.id}`,
      `/beheer/personen/${fien}`,
      '/beheer/organisaties',
      `/beheer/organisaties/${orgs.organisations[0]!.id}`,
      '/beheer/tafels',
      '/beheer/tafels/weegploeg',
      '/beheer/gesloten-periodes',
      '/beheer/mails',
    ];
    for (const url of pages) {
      const res = await html(url);
      const text = await res.text();
      expect([url, res.status]).toEqual([url, 200]);
      expect([url, text.match(/[A-Z][A-Z0-9]{1,9}-\d{4}-\d{4}/)?.[0]]).toEqual([url, undefined]);
    }
    expect(await (await html('/')).text()).toContain('href="/beheer"');
  }, 60_000);
});
