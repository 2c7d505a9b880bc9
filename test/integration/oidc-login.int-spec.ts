import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PersonDirectory } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import {
  CookieJar,
  signInAtProvider,
  startTestOidcProvider,
  TestOidcProvider,
} from '../support/oidc-provider';
import { startTestApp, TestApp } from '../support/test-app';

// startTestApp's PUBLIC_URL: the provider sends the browser there; the test carries it to the app.
const PUBLIC_URL = 'http://localhost:3999';
const REDIRECT_URI = `${PUBLIC_URL}/login/oidc/callback`;

describe('single sign-on with the organisation’s identity provider (OpenID Connect)', () => {
  let idp: TestOidcProvider;
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock(new Date());

  beforeAll(async () => {
    idp = await startTestOidcProvider({
      redirectUri: REDIRECT_URI,
      postLogoutRedirectUri: `${PUBLIC_URL}/login`,
    });
    idp.accounts.set('lotte', { email: 'Lotte.Verbeke@EXAMPLE.be', email_verified: true });
    idp.accounts.set('nieuw', { email: 'nieuwe.medewerker@example.org', email_verified: true });
    idp.accounts.set('onbevestigd', { email: 'lotte.verbeke@example.be', email_verified: false });
    idp.accounts.set('patroon', { email: 'lotte_verbeke@example.be', email_verified: true });
    t = await startTestApp({ withWorker: false, clock, env: idp.env() });
    db = createPrismaClient(t.db.url, 2);
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
    await idp?.close();
  });
  beforeEach(() => {
    clock.set(new Date());
    idp.tamper(undefined);
  });

  /** GET /login/oidc as a fresh browser: the provider's URL and the flow cookie it set. */
  async function start(next?: string) {
    const jar = new CookieJar();
    const res = await fetch(`${t.baseUrl}/login/oidc${next ? `?next=${encodeURIComponent(next)}` : ''}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    jar.take(res);
    return { jar, authorizationUrl: res.headers.get('location')! };
  }

  /** The app's callback with the provider's answer, from the browser of `jar`. */
  async function callback(answer: URL, jar: CookieJar) {
    const res = await fetch(`${t.baseUrl}/login/oidc/callback${answer.search}`, {
      headers: { cookie: jar.header() },
      redirect: 'manual',
    });
    return { res, html: res.status === 303 ? '' : await res.text() };
  }

  async function logInAs(sub: string, next?: string) {
    const { jar, authorizationUrl } = await start(next);
    const answer = await signInAtProvider(authorizationUrl, sub, REDIRECT_URI);
    return { jar, answer, ...(await callback(answer, jar)) };
  }

  const lotte = () => db.person.findFirstOrThrow({ where: { email: 'lotte.verbeke@example.be' } });
  const oidcLogins = () =>
    db.auditEvent.findMany({
      where: { action: 'auth.login', details: { path: ['method'], equals: 'oidc' } },
      orderBy: { id: 'asc' },
    });
  const newLogins = async (before: number) => (await oidcLogins()).slice(before);

  it('offers the organisation’s login on the login page, beside the mail link', async () => {
    const html = await (await fetch(`${t.baseUrl}/login?next=%2Fdossiers`)).text();
    expect(html).toContain('Inloggen met uw organisatie');
    expect(html).toContain('href="/login/oidc?next=%2Fdossiers"');
    expect(html).toContain('Stuur mij een inloglink');
  });

  it('sends the browser to the provider with PKCE, state and nonce, keeping the secrets in a sealed cookie', async () => {
    const { jar, authorizationUrl } = await start('/dossiers');
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: idp.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.has('code_verifier')).toBe(false);
    const flow = jar.get('ot_oidc')!;
    expect(flow).toBeDefined();
    expect(flow).not.toContain(url.searchParams.get('state'));
    expect(flow).not.toContain('dossiers');
  });

  it('logs the person of the verified address in with a normal session and sends them where they were going', async () => {
    const before = (await oidcLogins()).length;
    const { res } = await logInAs('lotte', '/dossiers');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dossiers');
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('ot_sessie='))!;
    expect(session).toMatch(/^ot_sessie=[\w-]{40,};/);
    expect(session).toContain('HttpOnly');
    expect(session).toContain('SameSite=Lax');
    expect(cookies.find((c) => c.startsWith('ot_oidc=;'))).toBeDefined();
    const me = await fetch(`${t.baseUrl}/api/me`, {
      headers: { cookie: session.split(';')[0]!, accept: 'application/json' },
    });
    expect(me.status).toBe(200);
    const person = await lotte();
    expect(await me.json()).toMatchObject({ personId: person.id, email: 'lotte.verbeke@example.be' });
    expect(person.lastLoginAt?.getTime()).toBe(clock.now().getTime());
    expect(await newLogins(before)).toEqual([
      expect.objectContaining({
        actorPersonId: null,
        entityType: 'person',
        entityId: person.id,
        outcome: 'allowed',
        details: { method: 'oidc' },
      }),
    ]);
  });

  it('never sends the browser to another site after the login', async () => {
    const { res } = await logInAs('lotte', '//evil.example.org/x');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  });

  it('refuses an address nobody of the region has (403), creates nobody and logs it without the address', async () => {
    const people = await db.person.count();
    const before = (await oidcLogins()).length;
    const { res, html } = await logInAs('nieuw');
    expect(res.status).toBe(403);
    expect(html).toContain('niet bekend bij de overlegtafels van deze regio');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('ot_sessie='))).toBe(false);
    expect(await db.person.count()).toBe(people);
    const [refusal, ...rest] = await newLogins(before);
    expect(rest).toEqual([]);
    expect(refusal).toMatchObject({
      actorPersonId: null,
      entityId: null,
      route: 'GET /login/oidc/callback',
      outcome: 'denied',
      details: { method: 'oidc', reason: 'unknown_person' },
    });
    expect(
      JSON.stringify(refusal, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
    ).not.toContain('example.org');
  });

  it('refuses an address the provider did not verify, naming its person in the log', async () => {
    const before = (await oidcLogins()).length;
    const { res, html } = await logInAs('onbevestigd');
    expect(res.status).toBe(403);
    expect(html).toContain('niet als bevestigd');
    expect(await newLogins(before)).toEqual([
      expect.objectContaining({
        entityId: (await lotte()).id,
        outcome: 'denied',
        details: { method: 'oidc', reason: 'email_unverified' },
      }),
    ]);
  });

  it('takes the address literally: a pattern character does not find someone else', async () => {
    const { res } = await logInAs('patroon');
    expect(res.status).toBe(403);
    const people = t.app.get(PersonDirectory);
    expect(await people.findActiveByEmail(t.config.regions, 'lotte_verbeke@example.be')).toBeUndefined();
    expect(await people.findActiveByEmail(t.config.regions, '%@example.be')).toBeUndefined();
    expect((await people.findActiveByEmail(t.config.regions, 'LOTTE.verbeke@example.be'))?.id).toBe(
      (await lotte()).id,
    );
  });

  it('refuses an ID token issued for another client (wrong audience)', async () => {
    idp.tamper((claims) => ({ ...claims, aud: 'een-andere-dienst', azp: 'een-andere-dienst' }));
    const before = (await oidcLogins()).length;
    const { res, html } = await logInAs('lotte');
    expect(res.status).toBe(400);
    expect(html).toContain('voor een andere toepassing');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('ot_sessie='))).toBe(false);
    expect(await newLogins(before)).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: { method: 'oidc', reason: 'id_token_invalid', code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' },
      }),
    ]);
  });

  it('refuses an ID token signed by a key that is not the provider’s', async () => {
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    idp.tamper((claims) => ({ ...claims, email: 'sara.elidrissi@example.org' }), forger);
    const before = (await oidcLogins()).length;
    const { res } = await logInAs('lotte');
    expect(res.status).toBe(400);
    expect(await newLogins(before)).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: expect.objectContaining({ reason: 'id_token_invalid' }),
      }),
    ]);
  });

  it('refuses an expired ID token (the app’s clock two hours past the provider’s)', async () => {
    clock.set(new Date(Date.now() + 2 * 3600_000));
    const before = (await oidcLogins()).length;
    const { res } = await logInAs('lotte');
    expect(res.status).toBe(400);
    expect(await newLogins(before)).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: { method: 'oidc', reason: 'id_token_invalid', code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' },
      }),
    ]);
  });

  it('refuses a code used a second time, and gives no second session', async () => {
    const first = await logInAs('lotte');
    expect(first.res.status).toBe(303);
    const sessions = await db.userSession.count();
    const before = (await oidcLogins()).length;
    const again = await callback(first.answer, first.jar);
    expect(again.res.status).toBe(400);
    expect(again.html).toContain('al gebruikt of verlopen');
    expect(await db.userSession.count()).toBe(sessions);
    expect(await newLogins(before)).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: { method: 'oidc', reason: 'code_refused', code: 'invalid_grant' },
      }),
    ]);
  });

  it('refuses an answer whose state is not the one this browser started with', async () => {
    const before = (await oidcLogins()).length;
    const { jar, authorizationUrl } = await start();
    const answer = await signInAtProvider(authorizationUrl, 'lotte', REDIRECT_URI);
    const changed = new URL(answer);
    changed.searchParams.set('state', 'een-andere-state-van-elders');
    const { res, html } = await callback(changed, jar);
    expect(res.status).toBe(400);
    expect(html).toContain('hoort niet bij het inloggen');
    // Login CSRF: someone else's answer (their code and state) in this browser is refused too.
    const other = await start();
    const theirs = await signInAtProvider(other.authorizationUrl, 'lotte', REDIRECT_URI);
    expect((await callback(theirs, jar)).res.status).toBe(400);
    expect((await newLogins(before)).map((e) => (e.details as { reason: string }).reason)).toEqual([
      'state_mismatch',
      'state_mismatch',
    ]);
  });

  it('refuses a return without the flow cookie of its start', async () => {
    const { authorizationUrl } = await start();
    const answer = await signInAtProvider(authorizationUrl, 'lotte', REDIRECT_URI);
    const { res, html } = await callback(answer, new CookieJar());
    expect(res.status).toBe(400);
    expect(html).toContain('niet in deze browser begonnen');
  });

  it('ends the local session at logout and sends the browser on to the provider’s logout', async () => {
    const { res } = await logInAs('lotte');
    const jar = new CookieJar();
    jar.take(res);
    expect(jar.get('ot_oidc_uit')).toBeDefined();
    const cookie = jar.header('ot_sessie', 'ot_oidc_uit');
    const me = (await (
      await fetch(`${t.baseUrl}/api/me`, { headers: { cookie, accept: 'application/json' } })
    ).json()) as { csrfToken: string };
    const out = await fetch(`${t.baseUrl}/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: me.csrfToken }),
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    const to = new URL(out.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/login`);
    expect(to.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const after = await fetch(`${t.baseUrl}/api/me`, { headers: { cookie, accept: 'application/json' } });
    expect(after.status).toBe(401);
  });
});

describe('the organisation’s login where it is not set up, or its provider is away', () => {
  it('is not offered and its routes are not found without OIDC settings', async () => {
    const t = await startTestApp({ withWorker: false });
    try {
      const html = await (await fetch(`${t.baseUrl}/login`)).text();
      expect(html).toContain('Stuur mij een inloglink');
      expect(html).not.toContain('Inloggen met uw organisatie');
      expect((await fetch(`${t.baseUrl}/login/oidc`, { redirect: 'manual' })).status).toBe(404);
      expect(
        (await fetch(`${t.baseUrl}/login/oidc/callback?code=x&state=y`, { redirect: 'manual' })).status,
      ).toBe(404);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('answers 503 with a clear page while the provider cannot be reached, and keeps the mail link', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const t = await startTestApp({
      withWorker: false,
      env: {
        OIDC_ISSUER: `http://127.0.0.1:${port}`,
        OIDC_CLIENT_ID: 'overlegtafels',
        OIDC_CLIENT_SECRET: 'a-long-enough-client-secret',
      },
    });
    try {
      const res = await fetch(`${t.baseUrl}/login/oidc`, { redirect: 'manual' });
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toContain('niet bereikbaar');
      expect(html).toContain('href="/login"');
      expect(res.headers.getSetCookie().some((c) => c.startsWith('ot_oidc='))).toBe(false);
    } finally {
      await t.close();
    }
  }, 60_000);
});
