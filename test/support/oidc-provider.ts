import { generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the test provider says about one of its (fictitious) accounts. */
export interface TestAccount {
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly [claim: string]: unknown;
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The provider's accounts by subject; tests add and change them. */
  readonly accounts: Map<string, TestAccount>;
  /**
   * Rewrites the claims of the next ID tokens the token endpoint hands out and signs them again
   * with the provider's own key (a token the provider minted for another client, say).
   */
  tamper(
    change: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined,
    signingKey?: KeyObject,
  ): void;
  /** The env that points the app at this provider. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function resign(
  idToken: string,
  key: KeyObject,
  change: (c: Record<string, unknown>) => Record<string, unknown>,
) {
  const [header, payload] = idToken.split('.') as [string, string];
  const claims = change(
    JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
  );
  const signingInput = `${header}.${b64(claims)}`;
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), key).toString('base64url')}`;
}

/**
 * A real OpenID provider (oidc-provider) on a free loopback port, with one confidential client
 * for the app and an interaction the test drives over HTTP: `GET /interaction/:uid?as=<sub>`
 * logs that account in, and the consent that follows is granted for the scopes asked.
 */
export async function startTestOidcProvider(options: { redirectUri: string; postLogoutRedirectUri: string }) {
  const clientId = 'overlegtafels-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, TestAccount>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let change: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  let changeKey: KeyObject = privateKey;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/interaction/'))
      void interact(url, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    else void provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The server above answers only once this exists (requests come after the start).
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The e-mail claims in the ID token itself, as the partners' providers put them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: {
      IdToken: 3600,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
    },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ ...account, sub }) } : undefined;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (change && ctx.path === '/token' && typeof body?.id_token === 'string')
      ctx.body = { ...body, id_token: resign(body.id_token, changeKey, change) };
  });

  async function interact(url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      const sub = url.searchParams.get('as');
      if (!sub) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('who? (?as=<account>)');
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: sub } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({
          accountId: details.session!.accountId,
          clientId: String(details.params.client_id),
        });
    const missing = (details.prompt.details as { missingOIDCScope?: string[] }).missingOIDCScope;
    if (missing) grant.addOIDCScope(missing.join(' '));
    const missingClaims = (details.prompt.details as { missingOIDCClaims?: string[] }).missingOIDCClaims;
    if (missingClaims) grant.addOIDCClaims(missingClaims);
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      {
        mergeWithLastSubmission: true,
      },
    );
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamper: (c, key) => {
      change = c;
      changeKey = key ?? privateKey;
    },
    env: () => ({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies TestOidcProvider;
}

/** Cookies by name, as a browser keeps them for one site (paths ignored: one test, one site). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (gone || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(...only: string[]): string {
    return [...this.cookies]
      .filter(([name]) => only.length === 0 || only.includes(name))
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }
}

/**
 * The browser's walk through the provider: from the authorization URL through login and consent
 * (as the account `sub`) to the redirect back to the app, which is returned, not followed.
 */
export async function signInAtProvider(authorizationUrl: string, sub: string, redirectUri: string) {
  const jar = new CookieJar();
  let location = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (location.startsWith(redirectUri)) return new URL(location);
    const url = new URL(location);
    if (url.pathname.startsWith('/interaction/') && !url.searchParams.has('as'))
      url.searchParams.set('as', sub);
    const res = await fetch(url, { headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.take(res);
    const next = res.headers.get('location');
    if (!next)
      throw new Error(`the provider stopped at ${url.pathname} with ${res.status}: ${await res.text()}`);
    location = new URL(next, url).href;
  }
  throw new Error('the provider did not send the browser back');
}
