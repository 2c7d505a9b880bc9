import { createPrismaClient } from '@overlegtafels/persistence';
import { OTHER_REGION_EMAIL, otherRegionCoordinator, WITH_OTHER_REGION } from '../support/other-region';
import { eventually, loginAs, loginForm, startTestApp, TestApp } from '../support/test-app';

/**
 * Two installations on one database: one serving CO3 Antwerpen and Vlaams-Brabant
 * (REGIONS=co3-antwerpen,vlaams-brabant), one serving CO3 Antwerpen only — as when two share a
 * database, or an installation stops serving a region. A person of Vlaams-Brabant is nobody on the
 * CO3-only one: no login by any way, no page, no API, no calendar feed, and nothing answers 500;
 * on the installation that serves their region they keep working.
 */
describe('a person of a region the installation does not serve', () => {
  let both: TestApp;
  let co3: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let personId: string;
  let cookie: string;
  let feedUrl: string;

  /** A request as a browser sends it (pages) or as a script does (the API), without redirects. */
  const get = (app: TestApp, path: string, accept = 'text/html', withCookie = cookie) =>
    fetch(`${app.baseUrl}${path}`, { headers: { cookie: withCookie, accept }, redirect: 'manual' });

  /** A login form posted with its pre-session and CSRF token. */
  async function postLogin(app: TestApp, path: string, fields: Record<string, string>) {
    const form = await loginForm(app);
    return fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
      body: new URLSearchParams({ _csrf: form.csrf, ...fields }),
      redirect: 'manual',
    });
  }

  beforeAll(async () => {
    both = await startTestApp({ env: WITH_OTHER_REGION });
    co3 = await startTestApp({ sharing: both, withWorker: false, env: { REGIONS: 'co3-antwerpen' } });
    db = createPrismaClient(both.db.url, 2);
    personId = await otherRegionCoordinator(both);
    const rik = await loginAs(both, OTHER_REGION_EMAIL);
    cookie = rik.cookie;
    const subscribed = await fetch(`${both.baseUrl}/agenda-abonnement`, {
      method: 'POST',
      headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: rik.csrfToken }),
    });
    expect(subscribed.status).toBe(200);
    feedUrl = /value="http:\/\/localhost:3999(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(
      await subscribed.text(),
    )![1]!;
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await co3?.close();
    await both?.close();
  });

  it('is logged out there: 401 on the API, the login page for a page, and their session kept where it is served', async () => {
    expect((await get(co3, '/api/me', 'application/json')).status).toBe(401);
    expect((await get(co3, '/api/dossiers', 'application/json')).status).toBe(401);
    for (const page of ['/', '/opvolging', '/dossiers', '/agenda-abonnement']) {
      const res = await get(co3, page);
      expect([page, res.status, res.headers.get('location')]).toEqual([
        page,
        303,
        `/login?next=${encodeURIComponent(page)}`,
      ]);
    }
    const me = await get(both, '/api/me', 'application/json');
    expect([me.status, ((await me.json()) as { personId: string }).personId]).toEqual([200, personId]);
    expect(await db.userSession.count({ where: { personId } })).toBe(1);
  });

  it('has no calendar feed there, and keeps it where the region is served', async () => {
    const there = await fetch(`${co3.baseUrl}${feedUrl}`);
    expect(there.status).toBe(404);
    const served = await fetch(`${both.baseUrl}${feedUrl}`);
    expect([served.status, (await served.text()).startsWith('BEGIN:VCALENDAR')]).toEqual([200, true]);
  });

  it('is not offered the demo login there and is refused it, audited', async () => {
    expect(await (await fetch(`${co3.baseUrl}/login`)).text()).not.toContain(OTHER_REGION_EMAIL);
    expect(await (await fetch(`${both.baseUrl}/login`)).text()).toContain(OTHER_REGION_EMAIL);
    const res = await postLogin(co3, '/login/demo', { personId, next: '/' });
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('ot_sessie=');
    expect(await res.text()).toContain('Kies een persoon uit de lijst.');
    const refused = await db.auditEvent.findMany({
      where: { action: 'auth.login', entityId: personId, outcome: 'denied' },
    });
    expect(refused.map((e) => e.details)).toEqual([
      { method: 'demo', reason: 'not-an-active-person-of-the-region' },
    ]);
  });

  it('gets no login link there, and a link of the installation that serves them does not log in there', async () => {
    const asked = await postLogin(co3, '/login/link', { email: OTHER_REGION_EMAIL });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Als dit adres bij de overlegtafels bekend is');
    expect(await db.loginToken.count({ where: { personId } })).toBe(0);
    // The installation that serves the region mails one.
    expect((await postLogin(both, '/login/link', { email: OTHER_REGION_EMAIL })).status).toBe(200);
    const mail = await eventually(
      async () => (await both.sink.list()).find((m) => m.to.includes(OTHER_REGION_EMAIL)),
      'the login link is mailed by the installation that serves the region',
    );
    const token = /\/login\/link\/([\w-]+)/.exec((await both.sink.read(mail.id))!.text)![1]!;
    const used = await postLogin(co3, `/login/link/${token}`, { next: '/' });
    expect(used.status).toBe(400);
    expect(used.headers.get('set-cookie') ?? '').not.toContain('ot_sessie=');
    const refused = await db.auditEvent.findMany({
      where: {
        action: 'auth.login',
        entityId: null,
        outcome: 'denied',
        details: { path: ['method'], equals: 'link' },
      },
    });
    expect(refused.map((e) => e.details)).toEqual([
      { method: 'link', reason: 'not-an-active-person-of-the-region' },
    ]);
  });
});
