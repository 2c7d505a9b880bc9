import { createPrismaClient } from '@overlegtafels/persistence';
import { otherRegionCoordinator, OTHER_REGION_EMAIL, WITH_OTHER_REGION } from '../support/other-region';
import { eventually, loginAs, loginForm, startTestApp, TestApp } from '../support/test-app';

describe('logging in, need-to-know and the audit log', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp({ env: WITH_OTHER_REGION });
    db = createPrismaClient(t.db.url, 2);
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const auditFor = (action: string, actorEmail: string) =>
    db.auditEvent.findMany({ where: { action, actorPerson: { email: actorEmail } }, orderBy: { id: 'asc' } });

  describe('the demo login (default mode only)', () => {
    it('lists the fictitious demo people on the login page', async () => {
      const html = await (await fetch(`${t.baseUrl}/login`)).text();
      expect(html).toContain('Demo-gebruikers');
      expect(html).toContain('data-email="lotte.verbeke@example.be"');
      expect(html).toContain('data-email="sara.elidrissi@example.org"');
    });

    it('sets an httpOnly, SameSite session cookie and sends the person back where they were going', async () => {
      const person = await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } });
      const form = await loginForm(t);
      const res = await fetch(`${t.baseUrl}/login/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
        body: new URLSearchParams({ _csrf: form.csrf, personId: person.id, next: '/api/me' }),
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/api/me');
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^ot_sessie=[\w-]{40,};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      const after = await db.person.findUniqueOrThrow({ where: { id: person.id } });
      expect(after.lastLoginAt).not.toBeNull();
    });

    it('never redirects to another site after login', async () => {
      const person = await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } });
      const form = await loginForm(t);
      const res = await fetch(`${t.baseUrl}/login/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
        body: new URLSearchParams({ _csrf: form.csrf, personId: person.id, next: '//evil.example.org/x' }),
        redirect: 'manual',
      });
      expect(res.headers.get('location')).toBe('/');
    });
  });

  describe('without a session', () => {
    it('sends a page request to the login form and back', async () => {
      const res = await fetch(`${t.baseUrl}/?x=1`, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/login?next=%2F%3Fx%3D1');
    });

    it('answers an API request with 401', async () => {
      const res = await fetch(`${t.baseUrl}/api/dossiers`, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(401);
    });
  });

  describe('refusals that name a dossier', () => {
    it('audits a login refusal and a role refusal with the route and the code, nothing else', async () => {
      const before = await db.auditEvent.count({ where: { action: 'route.refused' } });
      const anonymous = await fetch(`${t.baseUrl}/api/dossiers/CO3-2026-0002`, {
        headers: { accept: 'application/json' },
      });
      expect(anonymous.status).toBe(401);
      const eva = await loginAs(t, 'eva.wouters@example.org');
      const refused = await eva.post('/api/dossiers/CO3-2026-0002/instemming', { givenBy: 'moeder' });
      expect(refused.status).toBe(403);
      // A refusal on a route that names no dossier is not a dossier's record.
      expect((await eva.get('/coordinatie')).status).toBe(403);
      const rows = await db.auditEvent.findMany({
        where: { action: 'route.refused' },
        orderBy: { id: 'asc' },
        skip: before,
      });
      expect(rows.map((r) => [r.actorPersonId, r.route, r.outcome, r.details])).toEqual([
        [null, 'GET /api/dossiers/:code', 'denied', { code: 'CO3-2026-0002', status: 401 }],
        [
          eva.personId,
          'POST /api/dossiers/:code/instemming',
          'denied',
          { code: 'CO3-2026-0002', status: 403 },
        ],
      ]);
    });
  });

  describe('changes need the CSRF token', () => {
    it('refuses a logged-in POST without the token', async () => {
      const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
      const res = await fetch(`${t.baseUrl}/api/admin/mail/test`, {
        method: 'POST',
        headers: {
          cookie: coordinator.cookie,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ to: 'x@example.org' }),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { message: string }).message).toContain('CSRF');
    });
  });

  describe('need-to-know on dossiers', () => {
    it('shows a casusregisseur only the dossiers they direct', async () => {
      const regisseur = await loginAs(t, 'sara.elidrissi@example.org');
      const body = (await (await regisseur.get('/api/dossiers')).json()) as { dossiers: { code: string }[] };
      expect(body.dossiers.map((d) => d.code)).toEqual(['CO3-2026-0001']);
    });

    it('shows an aanmelder only the dossiers they referred', async () => {
      const aanmelder = await loginAs(t, 'eva.wouters@example.org');
      const body = (await (await aanmelder.get('/api/dossiers')).json()) as { dossiers: { code: string }[] };
      // Running dossiers, newest first (issue #18: the list no longer starts at the oldest code).
      expect(body.dossiers.map((d) => d.code)).toEqual(['CO3-2026-0005', 'CO3-2026-0004', 'CO3-2026-0002']);
    });

    it('shows a coordinator every dossier of the region', async () => {
      const coordinator = await loginAs(t, 'jonas.maes@example.be');
      const body = (await (await coordinator.get('/api/dossiers')).json()) as {
        dossiers: { code: string }[];
      };
      expect(body.dossiers).toHaveLength(6);
    });

    it('shows a member of a table no dossier contents', async () => {
      const member = await loginAs(t, 'wim.jacobs@example.be');
      expect(
        ((await (await member.get('/api/dossiers')).json()) as { dossiers: unknown[] }).dossiers,
      ).toEqual([]);
      expect((await member.get('/api/dossiers/CO3-2026-0001')).status).toBe(404);
    });

    it('refuses another regisseur’s dossier exactly as a dossier that does not exist', async () => {
      const regisseur = await loginAs(t, 'sara.elidrissi@example.org');
      const other = await regisseur.get('/api/dossiers/CO3-2026-0002');
      const missing = await regisseur.get('/api/dossiers/CO3-2026-9999');
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(await other.text()).toBe(await missing.text());
    });

    it('writes an audit event for every read, allowed or denied, with ids and codes only', async () => {
      const regisseur = await loginAs(t, 'tom.peeters@example.org');
      const before = (await auditFor('dossier.read', 'tom.peeters@example.org')).length;
      expect((await regisseur.get('/api/dossiers/CO3-2026-0002')).status).toBe(200);
      expect((await regisseur.get('/api/dossiers/CO3-2026-0001')).status).toBe(404);
      const events = (await auditFor('dossier.read', 'tom.peeters@example.org')).slice(before);
      const own = await db.dossier.findUniqueOrThrow({ where: { code: 'CO3-2026-0002' } });
      expect(events.map((e) => [e.outcome, e.dossierId, (e.details as { code: string }).code])).toEqual([
        ['allowed', own.id, 'CO3-2026-0002'],
        ['denied', null, 'CO3-2026-0001'],
      ]);
      expect(JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toMatch(
        /Peeters|El Idrissi/,
      );
    });
  });

  describe('logging out', () => {
    it('ends the session: the cookie no longer works', async () => {
      const user = await loginAs(t, 'griet.willems@example.be');
      const res = await user.post('/logout');
      expect(res.status).toBe(303);
      expect((await user.get('/api/me')).status).toBe(401);
    });
  });

  describe('the one-time login link', () => {
    it('mails a link to a known address, logs in once with it, and refuses it the second time', async () => {
      const form = await loginForm(t);
      const ask = await fetch(`${t.baseUrl}/login/link`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
        body: new URLSearchParams({ _csrf: form.csrf, email: 'Bram.Hermans@example.org' }),
      });
      expect(ask.status).toBe(200);
      expect(await ask.text()).toContain('Als dit adres bij de overlegtafels bekend is');
      const caught = await eventually(
        async () => (await t.sink.list()).find((m) => m.to.includes('bram.hermans@example.org')),
        'the login link is mailed',
      );
      expect(caught.subject).toBe('Inloglink – CO3 Antwerpen');
      const text = (await t.sink.read(caught.id))!.text;
      const token = /\/login\/link\/([\w-]+)/.exec(text)![1]!;
      const confirm = await fetch(`${t.baseUrl}/login/link/${token}`);
      const confirmPage = await confirm.text();
      expect(confirmPage).toContain(`action="/login/link/${token}"`);
      const preSession = (confirm.headers.get('set-cookie') ?? '').split(';')[0]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(confirmPage)![1]!;
      const use = () =>
        fetch(`${t.baseUrl}/login/link/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: preSession },
          body: new URLSearchParams({ _csrf: csrf, next: '/' }),
          redirect: 'manual',
        });
      const first = await use();
      expect(first.status).toBe(303);
      expect(first.headers.get('set-cookie')).toMatch(/^ot_sessie=/);
      expect((await use()).status).toBe(400);
    });

    it('shows caught mail at /dev/mail: all of it to a coordinator, only their own to anyone else', async () => {
      const caught = await eventually(
        async () => (await t.sink.list()).find((m) => m.to.includes('bram.hermans@example.org')),
        'the login link was caught',
      );
      const page = async (email: string, path: string) => {
        const who = await loginAs(t, email);
        return fetch(`${t.baseUrl}${path}`, { headers: { cookie: who.cookie, accept: 'text/html' } });
      };
      const forCoordinator = await (await page('jonas.maes@example.be', '/dev/mail')).text();
      expect(forCoordinator).toContain(`href="/dev/mail/${caught.id}"`);
      expect((await page('bram.hermans@example.org', `/dev/mail/${caught.id}`)).status).toBe(200);
      const forOther = await (await page('wim.jacobs@example.be', '/dev/mail')).text();
      expect(forOther).not.toContain(caught.id);
      expect((await page('wim.jacobs@example.be', `/dev/mail/${caught.id}`)).status).toBe(404);
      expect((await page('wim.jacobs@example.be', '/dev/mail/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    });

    it('keeps another region’s coordinator out of this region’s caught mail, and audits every read', async () => {
      await otherRegionCoordinator(t);
      const caught = await eventually(
        async () => (await t.sink.list()).find((m) => m.to.includes('bram.hermans@example.org')),
        'the login link was caught',
      );
      const rik = await loginAs(t, OTHER_REGION_EMAIL);
      const get = (path: string) =>
        fetch(`${t.baseUrl}${path}`, { headers: { cookie: rik.cookie, accept: 'text/html' } });
      const list = await (await get('/dev/mail')).text();
      expect(list).not.toContain(caught.id);
      const read = await get(`/dev/mail/${caught.id}`);
      const unknown = await get('/dev/mail/00000000-0000-4000-8000-000000000000');
      expect([read.status, unknown.status]).toEqual([404, 404]);
      expect((await get(`/dev/mail/${caught.id}/raw`)).status).toBe(404);
      const denied = await db.auditEvent.findMany({
        where: { action: 'dev-mail.read', actorPersonId: rik.personId, entityId: caught.id },
      });
      expect(denied.map((e) => e.outcome)).toEqual(['denied', 'denied']);
      // The region's own coordinator reads it, and that read is in the log too.
      const jonas = await loginAs(t, 'jonas.maes@example.be');
      const own = await fetch(`${t.baseUrl}/dev/mail/${caught.id}`, {
        headers: { cookie: jonas.cookie, accept: 'text/html' },
      });
      expect(own.status).toBe(200);
      expect(
        await db.auditEvent.count({
          where: { action: 'dev-mail.read', actorPersonId: jonas.personId, outcome: 'allowed' },
        }),
      ).toBeGreaterThan(0);
      const listed = await db.auditEvent.findFirstOrThrow({
        where: { action: 'dev-mail.list', actorPersonId: rik.personId },
      });
      expect(String((listed.details as { ids: string }).ids)).not.toContain(caught.id);
    });

    it('answers an unknown address the same way and mails nothing', async () => {
      const form = await loginForm(t);
      const ask = await fetch(`${t.baseUrl}/login/link`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
        body: new URLSearchParams({ _csrf: form.csrf, email: 'niemand@example.org' }),
      });
      expect(ask.status).toBe(200);
      expect(await ask.text()).toContain('Als dit adres bij de overlegtafels bekend is');
      await new Promise((r) => setTimeout(r, 500));
      // Other mail may flow meanwhile (the worker runs); none goes to the address that was asked.
      expect((await t.sink.list()).filter((m) => m.to.includes('niemand@example.org'))).toEqual([]);
    });

    it('keeps what was typed and names the field when the address is malformed', async () => {
      const form = await loginForm(t);
      const res = await fetch(`${t.baseUrl}/login/link`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
        body: new URLSearchParams({ _csrf: form.csrf, email: 'bram at example' }),
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('value="bram at example"');
      expect(html).toContain('id="email-fout"');
    });
  });
});
