import { startTestApp, TestApp, loginAs } from '../support/test-app';

/**
 * Issue #17, item 7: the security headers are on every answer — pages, JSON, the body parsers'
 * refusals (malformed JSON, 413), unknown routes, static files — set before anything can answer.
 */
const HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

describe('headers on every response', () => {
  let t: TestApp;
  type Caller = { cookie: string; csrfToken: string };
  let coordinator: Caller;
  let aanmelder: Caller;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    aanmelder = await loginAs(t, 'eva.wouters@example.org');
  }, 60_000);
  afterAll(async () => t?.close());

  /** Sessions are the coordinator's, aanmeldingen the aanmelder's: each route's guard lets it in. */
  const post = (path: string, contentType: string, body: string, accept = 'application/json') => {
    const who = path.includes('aanmelding') ? aanmelder : coordinator;
    return fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': contentType, accept },
      body,
    });
  };

  it.each([
    ['a page', () => fetch(`${t.baseUrl}/login`), 200],
    ['the health probe', () => fetch(`${t.baseUrl}/health`), 200],
    [
      'an unknown route',
      () => fetch(`${t.baseUrl}/nergens`, { headers: { accept: 'application/json' } }),
      404,
    ],
    ['malformed JSON', () => post('/api/sessions/x/freeze', 'application/json', '{"reason":'), 400],
    [
      'a JSON body over the limit',
      () => post('/api/aanmeldingen', 'application/json', JSON.stringify({ x: 'x'.repeat(300_000) })),
      413,
    ],
    [
      'a form over the limit',
      () => post('/aanmelding', 'application/x-www-form-urlencoded', `x=${'x'.repeat(300_000)}`, 'text/html'),
      413,
    ],
    ['malformed JSON to a page', () => post('/aanmelding', 'application/json', '{', 'text/html'), 400],
    ['no body at all', () => post('/api/aanmeldingen', 'text/plain', 'hallo'), 400],
  ] as const)('carries them on %s', async (_, request, status) => {
    const res = await request();
    expect(res.status).toBe(status);
    for (const [name, value] of Object.entries(HEADERS))
      expect([name, res.headers.get(name)]).toEqual([name, value]);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // PUBLIC_URL is http here: no HSTS (edge.middleware.spec covers https).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers a body the parsers refuse as the API answers bad input: 400 naming the body', async () => {
    const res = await post('/api/aanmeldingen', 'application/json', '{"organisationId": ');
    expect(await res.json()).toMatchObject({ statusCode: 400, field: 'body', code: 'MALFORMED' });
    const none = await post('/api/aanmeldingen', 'text/plain', 'x');
    expect(await none.json()).toMatchObject({ statusCode: 400, field: 'body', code: 'REQUIRED' });
    const big = await post(
      '/api/aanmeldingen',
      'application/json',
      JSON.stringify({ x: 'x'.repeat(300_000) }),
    );
    expect(await big.json()).toMatchObject({ statusCode: 413, field: 'body', code: 'TOO_LARGE' });
  });

  it('refuses a NUL byte in a field with a 400 that names it, on the API and on a form', async () => {
    const res = await post(
      '/api/sessions/00000000-0000-4000-8000-000000000000/freeze',
      'application/json',
      JSON.stringify({ reason: 'a\u0000b' }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'reason', code: 'CONTROL_CHARACTER' });
    const page = await post(
      '/aanmelding',
      'application/x-www-form-urlencoded',
      new URLSearchParams({ _csrf: aanmelder.csrfToken, whyNow: 'a\u0000b' }).toString(),
      'text/html',
    );
    expect(page.status).toBe(400);
    // A page form keeps what was typed and says it next to the field, in the form's own words.
    expect(await page.text()).toContain('bevat een onzichtbaar stuurteken');
  });
});
