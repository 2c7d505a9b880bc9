import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { APP_CONFIG, AppConfig, Clock, CLOCK, OidcConfig } from '@overlegtafels/config';
import { CookieSeal } from './sealed-cookie';

/** The browser's half of a started login: state, nonce, PKCE verifier and where to go after. */
export const OIDC_FLOW_COOKIE = 'ot_oidc';
/** The ID token, sealed, for the provider's logout (id_token_hint); only on POST /logout. */
export const OIDC_LOGOUT_COOKIE = 'ot_oidc_uit';
export const OIDC_FLOW_MINUTES = 10;

interface Flow {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly next: string;
}

/** Why a return from the provider did not give verified claims; codes only, never claim values. */
export type OidcFailure =
  /** No flow cookie, or one that was changed or is older than OIDC_FLOW_MINUTES. */
  | 'flow_missing'
  /** The state in the URL is not the one this browser's login started with (login CSRF). */
  | 'state_mismatch'
  /** The provider answered with an error (the person cancelled, or was refused there). */
  | 'provider_error'
  /** The token endpoint refused the code (used already, expired, for another client). */
  | 'code_refused'
  /** The ID token failed a check: issuer, audience, expiry, nonce or signature. */
  | 'id_token_invalid'
  /** The provider could not be reached or answered nonsense. */
  | 'provider_unreachable';

export type OidcResult =
  | {
      readonly ok: true;
      readonly next: string;
      /** The configured claim's value, when it is a string. */
      readonly email: string | undefined;
      readonly emailVerified: boolean;
      readonly idToken: string | undefined;
    }
  | { readonly ok: false; readonly failure: OidcFailure; readonly code?: string };

export class OidcUnavailableError extends Error {
  constructor(readonly code: string) {
    super(`the identity provider could not be reached (${code})`);
    this.name = 'OidcUnavailableError';
  }
}

/**
 * OpenID Connect login with the region's identity provider (authorization code + PKCE) through
 * openid-client, which checks the ID token's issuer, audience, expiry, nonce and (asked for here)
 * its signature. The flow's secrets leave this class only sealed in the browser's cookie; the URL
 * carries the state only. Times are judged by the injected clock (as a skew against the system's).
 */
@Injectable()
export class OidcLogin {
  private readonly logger = new Logger(OidcLogin.name);
  private server?: Promise<oidc.ServerMetadata>;
  private jwks?: oidc.ExportedJWKSCache;
  private readonly flowSeal?: CookieSeal;
  private readonly logoutSeal?: CookieSeal;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    if (config.oidc) {
      this.flowSeal = new CookieSeal(config.oidc.clientSecret, 'oidc-flow');
      this.logoutSeal = new CookieSeal(config.oidc.clientSecret, 'oidc-logout');
    }
  }

  get enabled(): boolean {
    return !!this.config.oidc;
  }

  /** The provider's authorization URL and the sealed flow for the browser's cookie. */
  async start(next: string): Promise<{ authorizationUrl: string; flowCookie: string; expiresAt: Date }> {
    const settings = this.settings();
    const client = await this.client();
    const flow: Flow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      next,
    };
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: settings.redirectUri,
      scope: settings.scope,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    const expiresAt = new Date(this.clock.now().getTime() + OIDC_FLOW_MINUTES * 60_000);
    return { authorizationUrl: url.href, flowCookie: this.flowSeal!.seal(flow, expiresAt), expiresAt };
  }

  /**
   * The provider's answer at the callback (its query string) with this browser's flow cookie:
   * the code exchanged (once) and the ID token checked, or why not.
   */
  async finish(query: URLSearchParams, flowCookie: unknown): Promise<OidcResult> {
    const settings = this.settings();
    const flow = this.flowSeal!.open<Flow>(flowCookie, this.clock.now());
    if (!flow) return { ok: false, failure: 'flow_missing' };
    if (query.get('state') !== flow.state) return { ok: false, failure: 'state_mismatch' };
    // The redirect URI as registered, whatever host or proxy the request came through.
    const current = new URL(settings.redirectUri);
    for (const [k, v] of query) current.searchParams.append(k, v);
    let client: oidc.Configuration;
    try {
      client = await this.client();
    } catch (error) {
      return { ok: false, failure: 'provider_unreachable', code: codeOf(error) };
    }
    try {
      const tokens = await oidc.authorizationCodeGrant(client, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      this.jwks = oidc.getJwksCache(client) ?? this.jwks;
      const claims: Record<string, unknown> = tokens.claims() ?? {};
      const email = claims[settings.emailClaim];
      return {
        ok: true,
        next: flow.next,
        email: typeof email === 'string' ? email : undefined,
        emailVerified: claims.email_verified === true,
        idToken: tokens.id_token,
      };
    } catch (error) {
      return { ok: false, failure: failureOf(error), code: codeOf(error) };
    }
  }

  /** The ID token sealed for the logout cookie, valid as long as the session. */
  sealForLogout(idToken: string, until: Date): string {
    return this.logoutSeal!.seal(idToken, until);
  }

  /**
   * Where the browser goes after the local logout: the provider's end-session endpoint with the
   * ID token as hint, when the provider has one and this browser logged in through it.
   */
  async logoutUrl(logoutCookie: unknown): Promise<string | undefined> {
    if (!this.config.oidc) return undefined;
    const idToken = this.logoutSeal!.open<string>(logoutCookie, this.clock.now());
    if (!idToken) return undefined;
    try {
      const client = await this.client();
      if (!client.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(client, {
        id_token_hint: idToken,
        post_logout_redirect_uri: this.config.oidc.postLogoutRedirectUri,
      }).href;
    } catch (error) {
      this.logger.warn(`no logout at the identity provider: ${codeOf(error)}`);
      return undefined;
    }
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new OidcUnavailableError('not_configured');
    return this.config.oidc;
  }

  /**
   * A client for this login. The provider's metadata is discovered once (again after a failure);
   * the client is made per login so that its clock follows the injected one, and keeps the keys.
   */
  private async client(): Promise<oidc.Configuration> {
    const settings = this.settings();
    const server = await this.discover(settings);
    const methods = server.token_endpoint_auth_methods_supported;
    // client_secret_basic is the default of the standard for a registered client.
    const auth =
      !methods || methods.includes('client_secret_basic')
        ? oidc.ClientSecretBasic(settings.clientSecret)
        : oidc.ClientSecretPost(settings.clientSecret);
    const client = new oidc.Configuration(
      server,
      settings.clientId,
      {
        client_secret: settings.clientSecret,
        [oidc.clockSkew]: Math.round((this.clock.now().getTime() - Date.now()) / 1000),
      },
      auth,
    );
    client.timeout = 10;
    if (settings.allowInsecure) oidc.allowInsecureRequests(client);
    // The standard lets a client trust the token endpoint's TLS for the ID token; we check its
    // signature against the provider's keys too, so a proxy or a broken TLS path cannot forge one.
    oidc.enableNonRepudiationChecks(client);
    if (this.jwks) oidc.setJwksCache(client, this.jwks);
    return client;
  }

  private discover(settings: OidcConfig): Promise<oidc.ServerMetadata> {
    this.server ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: settings.allowInsecure ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .then((c) => c.serverMetadata())
      .catch((error: unknown) => {
        this.server = undefined;
        throw new OidcUnavailableError(codeOf(error));
      });
    return this.server;
  }
}

function failureOf(error: unknown): OidcFailure {
  if (error instanceof oidc.AuthorizationResponseError) return 'provider_error';
  if (error instanceof oidc.ResponseBodyError) return 'code_refused';
  const code = codeOf(error);
  if (
    error instanceof TypeError ||
    ['TimeoutError', 'AbortError', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON'].includes(
      code,
    )
  )
    return 'provider_unreachable';
  // What is left are the checks of the token response and its ID token (claims, times, keys).
  return 'id_token_invalid';
}

/** A stable code for the audit log and the log line: the library's, never a message with values. */
function codeOf(error: unknown): string {
  if (error instanceof OidcUnavailableError) return error.code;
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError)
    return String(error.error).slice(0, 60);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code.slice(0, 60);
  return error instanceof Error ? error.name.slice(0, 60) : 'unknown';
}
