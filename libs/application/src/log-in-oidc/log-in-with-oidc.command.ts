/**
 * Log in with what the region's identity provider said about the person, after the ID token
 * passed its checks (signature, issuer, audience, expiry, nonce): the address in the configured
 * claim, and whether the provider verified it.
 */
export interface LogInWithOidcCommand {
  readonly email: string | undefined;
  readonly emailVerified: boolean;
  readonly userAgent?: string;
}

/** A return from the provider that gave no verified claims: why, as a code (no claim values). */
export interface OidcLoginFailedCommand {
  readonly failure: string;
  readonly code?: string;
}
