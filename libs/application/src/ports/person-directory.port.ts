import type { Transaction } from './unit-of-work.port';

/** Who someone is, as a mail addresses them or a form lists them. */
export interface PersonContact {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  /** The key of the person's region, where the look-up says it (findActiveByEmail). */
  readonly regionKey?: string;
}

/** A person with the roles they hold, for the demo login's list and the login itself. */
export interface PersonWithRoles extends PersonContact {
  readonly organisationName: string | null;
  readonly roles: readonly { readonly role: string; readonly tableKey: string | null }[];
}

/** Someone a reminder or escalation goes to. */
export interface ObligationRecipient {
  personId: string;
  email: string;
  displayName: string;
}

/** A person's region and the tables they coordinate (null: every table, a region-wide grant). */
export interface ObligationOwnerScope {
  regionId: string;
  coordinatorTables: (string | null)[];
  /** Holds the region's strategisch-coordinator role: owns the quality checks. */
  strategicCoordinator: boolean;
}

/**
 * The people of the region as the use cases need them: to address or choose them, to log them in
 * (with their one-time login tokens, stored hashed), and as the owners of obligations and the
 * coordinators those escalate to.
 */
export abstract class PersonDirectory {
  /** An active person of the region holding the casusregisseur role. */
  abstract isCasusregisseur(tx: Transaction, regionId: string, personId: string): Promise<boolean>;
  abstract contactOf(tx: Transaction, personId: string): Promise<PersonContact | undefined>;
  /** The active people of the region with these addresses: their ids by lower-cased address. */
  abstract personIdsByEmail(
    tx: Transaction,
    regionId: string,
    emails: readonly string[],
  ): Promise<Map<string, string>>;

  /**
   * The active person with this address (case-insensitive) in one of these regions, if any; an
   * address in two of them is the person of the region named first.
   */
  abstract findActiveByEmail(
    regionKeys: readonly string[],
    email: string,
  ): Promise<PersonContact | undefined>;
  /** Stores a new login token; the person's older unused ones stop working (one valid link at a time). */
  abstract createLoginToken(token: { tokenHash: string; personId: string; expiresAt: Date }): Promise<void>;
  /** The person of an unused, unexpired login token, which is used up by this; undefined otherwise. */
  abstract consumeLoginToken(tokenHash: string, now: Date): Promise<string | undefined>;
  /** The active person with this id of one of these regions; undefined for a person of another. */
  abstract findActive(regionKeys: readonly string[], personId: string): Promise<PersonWithRoles | undefined>;
  abstract listActiveWithRoles(regionKeys: readonly string[]): Promise<PersonWithRoles[]>;
  abstract markLoggedIn(personId: string, at: Date): Promise<void>;

  /** An active person; undefined when they left or never existed. */
  abstract activePerson(tx: Transaction, personId: string): Promise<ObligationRecipient | undefined>;
  /** The active coordinators of one table of the region (or of every table), in a stable order. */
  abstract coordinatorsOf(
    tx: Transaction,
    regionId: string,
    tableKey: string,
  ): Promise<ObligationRecipient[]>;
  /** The active strategic coordinators of the region (guide V.D), in a stable order. */
  abstract strategicCoordinatorsOf(tx: Transaction, regionId: string): Promise<ObligationRecipient[]>;
  abstract ownerScopeOf(personId: string): Promise<ObligationOwnerScope | undefined>;
}
