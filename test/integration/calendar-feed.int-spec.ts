import { SendAgendaUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { parseFeed } from '@overlegtafels/mail/testing';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/** A person's calendar subscription: made on a page, fetched by a calendar client without cookies. */
describe('personal calendar feed', () => {
  let t: TestApp;
  // Fixed, so the 26 weeks ahead always hold Christmas 2026 (a cancelled ICO).
  const now = new Date('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock: { now: () => now } });
  }, 60_000);
  afterAll(async () => t?.close());

  const form = (cookie: string, csrf?: string) => ({
    method: 'POST',
    headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(csrf === undefined ? {} : { _csrf: csrf }),
    redirect: 'manual' as const,
  });

  async function subscribe(email: string): Promise<{ url: string; cookie: string; csrf: string }> {
    const person = await loginAs(t, email);
    const res = await fetch(`${t.baseUrl}/agenda-abonnement`, form(person.cookie, person.csrfToken));
    expect(res.status).toBe(200);
    const url = /value="(http:\/\/localhost:3999\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(
      await res.text(),
    )?.[1];
    expect(url).toBeDefined();
    return { url: url!, cookie: person.cookie, csrf: person.csrfToken };
  }

  /** The feed as a calendar client fetches it: the app's own address, no cookies. */
  const fetchFeed = (url: string) => fetch(url.replace('http://localhost:3999', t.baseUrl));

  it('serves the upcoming sessions of a standing member, Christmas ICO cancelled, no names', async () => {
    const { url, cookie } = await subscribe('wim.jacobs@example.be');
    const res = await fetchFeed(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await res.text();
    const feed = parseFeed(body);
    expect(feed.method).toBe('PUBLISH');
    expect(feed.hasVtimezone).toBe(true);
    expect(body).not.toContain('wim.jacobs');

    // Each session under the UID its invitations carry: `session-<its id>`.
    const prisma = createPrismaClient(t.db.url, 1);
    const rows = await prisma.session.findMany({
      select: { id: true, tableKey: true, scheduledStart: true },
    });
    await prisma.$disconnect();
    const uidOf = (row: { id: string }) => `session-${row.id}@example.be`;
    const ofTable = (key: string) => new Set(rows.filter((r) => r.tableKey === key).map(uidOf));
    const ico = feed.entries.filter((e) => ofTable('ico').has(e.uid));
    expect(ico.length).toBeGreaterThan(10);
    expect(ico.every((e) => e.startTzid === 'Europe/Brussels' && e.summary.includes('CO3 Antwerpen'))).toBe(
      true,
    );
    const christmasRow = rows.find(
      (r) => r.tableKey === 'ico' && r.scheduledStart.toISOString() === '2026-12-25T08:30:00.000Z',
    )!;
    expect(ico.find((e) => e.uid === uidOf(christmasRow))).toMatchObject({ status: 'CANCELLED' });
    expect(ico.filter((e) => e.status === 'CONFIRMED').length).toBeGreaterThan(10);
    for (const table of ['weegploeg', 'ronde-tafel']) {
      expect(feed.entries.some((e) => ofTable(table).has(e.uid))).toBe(true);
    }
    // PUBLISH names the region's mailbox as organizer (RFC 5546 §3.2.1), never an attendee.
    expect(feed.entries.every((e) => e.attendees === 0 && e.organizers === 1)).toBe(true);
    expect(feed.entries.every((e) => e.start >= '2026-11-22' && e.start < '2027-05-25')).toBe(true);
    expect(new Set(feed.entries.map((e) => e.uid)).size).toBe(feed.entries.length);

    const page = await (
      await fetch(`${t.baseUrl}/agenda-abonnement`, { headers: { cookie, accept: 'text/html' } })
    ).text();
    // In Brussels time, written as every page writes it.
    expect(page).toContain('Laatst opgehaald op maandag 23 november 2026 om 11:00.');
    // Shown once: the page never prints the token again.
    expect(page).not.toContain(url);
  });

  it('names a session as its invitations do: one entry, the same UID and SEQUENCE, also moved and then cancelled', async () => {
    const { url } = await subscribe('wim.jacobs@example.be');
    const prisma = createPrismaClient(t.db.url, 1);
    try {
      const session = await prisma.session.findFirstOrThrow({
        where: { tableKey: 'weegploeg', scheduledStart: new Date('2026-12-15T12:00:00.000Z') },
      });
      // The agenda goes out to the standing members: wim holds the session's invitation. It has no
      // items, so the coordinator keeps it and sends it now (an empty agenda is no meeting by itself).
      expect(await t.app.get(SendAgendaUseCase, { strict: false }).sendNow(session.id)).toBe('empty');
      const lotte = await loginAs(t, 'lotte.verbeke@example.be');
      expect((await lotte.post(`/api/sessions/${session.id}/send`, { keepEmpty: true })).status).toBe(200);
      const moved = await lotte.post(`/api/sessions/${session.id}/move`, {
        date: '2026-12-17',
        start: '13:00',
        end: '16:00',
        reason: 'Zaal niet beschikbaar',
      });
      expect(moved.status).toBe(204);
      expect(
        (await lotte.post(`/api/sessions/${session.id}/cancel`, { reason: 'Te weinig punten' })).status,
      ).toBe(204);

      const mails = await prisma.mailOutbox.findMany({
        where: { sessionId: session.id, recipientEmail: 'wim.jacobs@example.be', icsContent: { not: null } },
        orderBy: { createdAt: 'asc' },
        select: { icsContent: true, sequence: true },
      });
      expect(mails.length).toBeGreaterThanOrEqual(3);
      const last = mails.at(-1)!;
      const uid = /^UID:(.+)\r$/m.exec(last.icsContent!)![1]!;
      expect(uid).toBe(`session-${session.id}@example.be`);
      expect(/^METHOD:CANCEL\r$/m.test(last.icsContent!)).toBe(true);
      // Every message about it carries the same UID, with a SEQUENCE that only rose.
      expect(new Set(mails.map((m) => /^UID:(.+)\r$/m.exec(m.icsContent!)![1]))).toEqual(new Set([uid]));
      expect(mails.map((m) => m.sequence)).toEqual([...mails.map((m) => m.sequence)].sort((a, b) => a - b));

      const body = await (await fetchFeed(url)).text();
      const entries = parseFeed(body).entries.filter((e) => e.uid === uid);
      // Once, at its last time, cancelled, with the SEQUENCE of the last invitation.
      expect(entries.map((e) => [e.start, e.status])).toEqual([['2026-12-17T12:00:00.000Z', 'CANCELLED']]);
      const unfolded = body.replace(/\r\n[ \t]/g, '');
      const event = unfolded.slice(unfolded.indexOf(`UID:${uid}`));
      expect(/^SEQUENCE:(\d+)\r$/m.exec(event)![1]).toBe(String(last.sequence));
      const stored = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
      expect(stored.icsSequence).toBe(last.sequence);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('refuses to make a feed without the CSRF token', async () => {
    const person = await loginAs(t, 'wim.jacobs@example.be');
    const res = await fetch(`${t.baseUrl}/agenda-abonnement`, form(person.cookie));
    expect(res.status).toBe(403);
  });

  it('stops the old URL on renewal and on revocation, with a bare 404', async () => {
    const first = await subscribe('wim.jacobs@example.be');
    expect((await fetchFeed(first.url)).status).toBe(200);
    const second = await subscribe('wim.jacobs@example.be');
    expect(second.url).not.toBe(first.url);
    const old = await fetchFeed(first.url);
    expect(old.status).toBe(404);
    expect(await old.text()).not.toContain('ingetrokken');
    expect((await fetchFeed(second.url)).status).toBe(200);

    const revoked = await fetch(`${t.baseUrl}/agenda-abonnement/intrekken`, form(second.cookie, second.csrf));
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/agenda-abonnement?melding=ingetrokken');
    expect((await fetchFeed(second.url)).status).toBe(404);

    const prisma = createPrismaClient(t.db.url, 1);
    try {
      const tokens = await prisma.calendarFeedToken.findMany({
        select: { tokenHash: true, revokedAt: true },
      });
      // Only hashes are stored.
      expect(tokens.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
      expect(tokens.some((r) => second.url.includes(r.tokenHash))).toBe(false);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('answers 404 for unknown and malformed tokens', async () => {
    for (const file of [`${'A'.repeat(43)}.ics`, 'kort.ics', `${'A'.repeat(43)}.txt`]) {
      expect((await fetch(`${t.baseUrl}/calendar/${file}`)).status).toBe(404);
    }
  });

  it('gives an empty feed to someone who sits at no table', async () => {
    const { url } = await subscribe('eva.wouters@example.org');
    const res = await fetchFeed(url);
    expect(res.status).toBe(200);
    expect(parseFeed(await res.text()).entries).toEqual([]);
  });
});
