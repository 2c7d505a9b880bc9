import { createHash, randomBytes } from 'node:crypto';
import { safeEqual } from './session.service';

/**
 * Login CSRF: before anyone is logged in there is no session to tie a form's token to, so the
 * login pages set a pre-session cookie (httpOnly, SameSite=Lax, only for /login) and their forms
 * carry a token derived from it. Another site can make a browser post to /login, but can neither
 * read the cookie nor the token, so it cannot log the browser in as someone of its choosing.
 */
export const PRE_SESSION_COOKIE = 'ot_voorsessie';
const PRE_SESSION = /^[\w-]{43}$/;

export function newPreSession(): string {
  return randomBytes(32).toString('base64url');
}

/** The pre-session as the cookie holds it, when it is one of ours. */
export function preSessionOf(cookies: Record<string, string> | undefined): string | undefined {
  const value = cookies?.[PRE_SESSION_COOKIE];
  return typeof value === 'string' && PRE_SESSION.test(value) ? value : undefined;
}

/** The token a login form carries for this pre-session. */
export function loginCsrfToken(preSession: string): string {
  return createHash('sha256').update(`login-csrf|${preSession}`).digest('base64url');
}

export function loginCsrfHolds(preSession: string | undefined, sent: unknown): boolean {
  return !!preSession && typeof sent === 'string' && safeEqual(sent, loginCsrfToken(preSession));
}
