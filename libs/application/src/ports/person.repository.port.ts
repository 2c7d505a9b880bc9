/** A person as a login link needs them: who to write to, and by which name. */
export interface PersonContact {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
}

/** The people of a region, and their one-time login tokens (stored hashed). */
export abstract class People {
  /** The active person of the region with this address (case-insensitive), if any. */
  abstract findActiveByEmail(regionKey: string, email: string): Promise<PersonContact | undefined>;
  abstract createLoginToken(token: { tokenHash: string; personId: string; expiresAt: Date }): Promise<void>;
}
