/** A started login session: the secret for the cookie (only its hash is stored) and when it ends. */
export interface StartedSession {
  readonly token: string;
  readonly expiresAt: Date;
}

/** Login sessions (the cookie's secret, stored hashed). */
export abstract class LoginSessions {
  abstract start(personId: string, userAgent?: string): Promise<StartedSession>;
  abstract end(token: string | undefined): Promise<void>;
}
