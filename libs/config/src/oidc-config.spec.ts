import { loadConfig } from './app-config';

describe('the OIDC settings', () => {
  const oidc = {
    OIDC_ISSUER: 'https://login.example.be/realms/politie',
    OIDC_CLIENT_ID: 'overlegtafels',
    OIDC_CLIENT_SECRET: 'a-long-enough-client-secret',
  };

  it('leave single sign-on off when none is set', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it('derive the redirect from PUBLIC_URL and default to a verified address in the email claim', () => {
    expect(loadConfig({ ...oidc, PUBLIC_URL: 'https://overleg.example.be/' }).oidc).toEqual({
      issuer: 'https://login.example.be/realms/politie',
      clientId: 'overlegtafels',
      clientSecret: 'a-long-enough-client-secret',
      redirectUri: 'https://overleg.example.be/login/oidc/callback',
      postLogoutRedirectUri: 'https://overleg.example.be/login',
      scope: 'openid email',
      emailClaim: 'email',
      requireVerifiedEmail: true,
      allowInsecure: false,
    });
  });

  it('take another claim, other scopes and an unverified address when told', () => {
    const c = loadConfig({
      ...oidc,
      OIDC_EMAIL_CLAIM: 'upn',
      OIDC_SCOPES: 'openid profile',
      OIDC_REQUIRE_EMAIL_VERIFIED: 'false',
    }).oidc;
    expect(c).toMatchObject({ emailClaim: 'upn', scope: 'openid profile', requireVerifiedEmail: false });
  });

  it.each([
    [
      { OIDC_ISSUER: oidc.OIDC_ISSUER },
      'configuration error: OIDC_CLIENT_ID is required with the other OIDC_',
    ],
    [{ ...oidc, OIDC_CLIENT_SECRET: undefined }, 'configuration error: OIDC_CLIENT_SECRET is required'],
    [{ ...oidc, OIDC_CLIENT_SECRET: 'kort' }, 'OIDC_CLIENT_SECRET must be at least 16 characters'],
    [{ ...oidc, OIDC_ISSUER: 'ftp://login.example.be' }, 'OIDC_ISSUER must be a URL'],
    [{ ...oidc, OIDC_SCOPES: 'email profile' }, 'OIDC_SCOPES must include openid'],
    [{ ...oidc, OIDC_EMAIL_CLAIM: 'e mail' }, 'OIDC_EMAIL_CLAIM must be a claim name'],
  ])('refuse %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('allow a plain-http provider outside production only', () => {
    const local = { ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4000' };
    expect(loadConfig(local).oidc?.allowInsecure).toBe(true);
    expect(() =>
      loadConfig({
        ...local,
        NODE_ENV: 'production',
        DATABASE_URL: 'postgresql://db.example.org/ot',
        REDIS_URL: 'redis://redis.example.org',
        SMTP_URL: 'smtp://mail.example.org',
        PUBLIC_URL: 'https://overleg.example.be',
      }),
    ).toThrow('configuration error: OIDC_ISSUER must be an https:// URL when NODE_ENV=production');
  });
});
