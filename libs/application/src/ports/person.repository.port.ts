/** A person as a login link needs them: who to write to, and by which name. */
export interface KnownPerson {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
}

/** The people of a region, and their one-time login tokens (stored hashed). */
export abstract class People {
  /** The active person of the region with this address (case-insensitive), if any. */
  abstract findActiveByEmail(regionKey: string, email: string): Promise<KnownPerson | undefined>;
  abstract createLoginToken(token: { tokenHash: string; personId: string; expiresAt: Date }): Promise<void>;
}

/** A person with the roles they hold, for the demo login's list. */
export interface PersonWithRoles extends KnownPerson {
  readonly organisationName: string | null;
  readonly roles: readonly { readonly role: string; readonly tableKey: string | null }[];
}

/** The people a login concerns: who may log in, and the trace of their logins. */
export abstract class LoginPeople {
  abstract findActive(personId: string): Promise<PersonWithRoles | undefined>;
  abstract listActiveWithRoles(regionKey: string): Promise<PersonWithRoles[]>;
  /** The person of an unused, unexpired login token, which is used up by this; undefined otherwise. */
  abstract consumeLoginToken(tokenHash: string, now: Date): Promise<string | undefined>;
  abstract markLoggedIn(personId: string, at: Date): Promise<void>;
}
