/** A new login session: the hash of the cookie's token (never the token), its person and end. */
export interface NewStoredSession {
  readonly tokenHash: string;
  readonly personId: string;
  readonly csrfSecret: string;
  readonly expiresAt: Date;
  /** The login's moment by the service's clock: the session's first use. */
  readonly startedAt: Date;
  readonly userAgent?: string;
}

/** A valid login session with the person it logs in, as the guard turns it into a Principal. */
export interface StoredSession {
  readonly id: string;
  readonly csrfSecret: string;
  readonly expiresAt: Date;
  /** When the session was last used (kept to the minute: see SessionService). */
  readonly lastSeenAt: Date;
  readonly person: {
    readonly id: string;
    readonly regionId: string;
    /** The key of the person's region: an installation serves only its REGIONS' people. */
    readonly regionKey: string;
    readonly displayName: string;
    readonly email: string;
    readonly organisationId: string | null;
    readonly active: boolean;
    readonly roles: readonly { readonly role: string; readonly tableKey: string | null }[];
  };
}

/**
 * Where login sessions are kept, by their token's hash. Implemented in persistence and bound in
 * libs/runtime, so auth stands below persistence and the application alike.
 */
export abstract class SessionStore {
  /** The new session's id. */
  abstract create(session: NewStoredSession): Promise<string>;
  /** The session of this hash, unless it expired or its person was deactivated. */
  abstract findValid(tokenHash: string, now: Date): Promise<StoredSession | undefined>;
  abstract delete(tokenHash: string): Promise<void>;
  /** Notes that the session was used at this moment. */
  abstract touch(id: string, at: Date): Promise<void>;
}
