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

    const ico = feed.entries.filter((e) => e.uid.startsWith('session-ico-'));
    expect(ico.length).toBeGreaterThan(10);
    expect(ico.every((e) => e.startTzid === 'Europe/Brussels' && e.summary.includes('CO3 Antwerpen'))).toBe(
      true,
    );
    const christmas = ico.find((e) => e.uid === 'session-ico-2026-12-25@example.be');
    expect(christmas).toMatchObject({ status: 'CANCELLED' });
    expect(ico.filter((e) => e.status === 'CONFIRMED').length).toBeGreaterThan(10);
    for (const table of ['weegploeg', 'ronde-tafel']) {
      expect(feed.entries.some((e) => e.uid.startsWith(`session-${table}-`))).toBe(true);
    }
    expect(feed.entries.every((e) => e.attendees === 0 && e.organizers === 0)).toBe(true);
    expect(feed.entries.every((e) => e.start >= '2026-11-22' && e.start < '2027-05-25')).toBe(true);
    expect(new Set(feed.entries.map((e) => e.uid)).size).toBe(feed.entries.length);

    const page = await (
      await fetch(`${t.baseUrl}/agenda-abonnement`, { headers: { cookie, accept: 'text/html' } })
    ).text();
    expect(page).toContain('Laatst opgehaald op 2026-11-23 10:00 UTC');
    // Shown once: the page never prints the token again.
    expect(page).not.toContain(url);
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
