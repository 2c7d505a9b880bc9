import type {
  ObligationOwnerScope,
  ObligationRecipient,
  PersonContact,
  PersonDirectory,
  PersonWithRoles,
  Transaction,
} from '@overlegtafels/application/testing';
import { FakeTable } from './fake-unit-of-work';

/** A person as the fake directory keeps them; `addPerson` fills in what a test leaves out. */
export interface FakeDirectoryPerson extends PersonContact {
  readonly regionId: string;
  readonly regionKey: string;
  readonly active: boolean;
  readonly organisationName: string | null;
  readonly roles: readonly { readonly role: string; readonly tableKey: string | null }[];
  /** Tables the person coordinates; null: every table of the region. */
  readonly coordinates: readonly (string | null)[];
  /** Holds the region's strategisch-coordinator role. */
  readonly strategic: boolean;
  readonly lastLoginAt?: Date;
}

export interface FakeLoginToken {
  readonly tokenHash: string;
  readonly personId: string;
  readonly expiresAt: Date;
  usedAt?: Date;
}

/**
 * The people of a region in memory, for every use of the PersonDirectory: contacts (given to the
 * constructor, with who is a casusregisseur per region), people added with `addPerson` (login,
 * roles, the tables they coordinate), and login tokens.
 */
export class FakePersonDirectory implements PersonDirectory {
  readonly persons = new FakeTable<FakeDirectoryPerson>();
  readonly loginTokens: FakeLoginToken[] = [];

  constructor(
    contacts: readonly PersonContact[] = [],
    private readonly casusregisseurs: readonly { regionId: string; personId: string }[] = [],
  ) {
    for (const c of contacts) this.addPerson({ ...c });
  }

  addPerson(person: Partial<FakeDirectoryPerson> & { id: string }): this {
    this.persons.put({
      email: `${person.id}@example.org`,
      displayName: person.id,
      regionId: 'region-1',
      regionKey: 'co3-antwerpen',
      active: true,
      organisationName: null,
      roles: [],
      coordinates: [],
      strategic: false,
      ...person,
    });
    return this;
  }

  addPeople(people: readonly (Partial<FakeDirectoryPerson> & { id: string })[]): this {
    for (const p of people) this.addPerson(p);
    return this;
  }

  async isCasusregisseur(_tx: Transaction, regionId: string, personId: string): Promise<boolean> {
    return this.casusregisseurs.some((c) => c.regionId === regionId && c.personId === personId);
  }

  async contactOf(_tx: Transaction, personId: string): Promise<PersonContact | undefined> {
    const found = this.persons.get(personId);
    return found && contact(found);
  }

  async personIdsByEmail(
    _tx: Transaction,
    regionId: string,
    emails: readonly string[],
  ): Promise<Map<string, string>> {
    const wanted = new Set(emails.map((e) => e.toLowerCase()));
    return new Map(
      this.persons
        .where((p) => p.active && p.regionId === regionId && wanted.has(p.email.toLowerCase()))
        .map((p) => [p.email.toLowerCase(), p.id]),
    );
  }

  async findActiveByEmail(regionKeys: readonly string[], email: string): Promise<PersonContact | undefined> {
    const wanted = email.trim().toLowerCase();
    const found = this.persons
      .where((p) => p.active && regionKeys.includes(p.regionKey) && p.email.toLowerCase() === wanted)
      .sort((a, b) => regionKeys.indexOf(a.regionKey) - regionKeys.indexOf(b.regionKey))[0];
    return (
      found && {
        id: found.id,
        displayName: found.displayName,
        email: found.email,
        regionKey: found.regionKey,
      }
    );
  }

  async createLoginToken(token: { tokenHash: string; personId: string; expiresAt: Date }): Promise<void> {
    for (let i = this.loginTokens.length - 1; i >= 0; i--) {
      const old = this.loginTokens[i]!;
      if (old.personId === token.personId && !old.usedAt) this.loginTokens.splice(i, 1);
    }
    this.loginTokens.push({ ...token, expiresAt: new Date(token.expiresAt) });
  }

  async consumeLoginToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const token = this.loginTokens.find((t) => t.tokenHash === tokenHash);
    if (!token || token.usedAt || token.expiresAt <= now) return undefined;
    token.usedAt = new Date(now);
    return token.personId;
  }

  async findActive(regionKeys: readonly string[], personId: string): Promise<PersonWithRoles | undefined> {
    const found = this.persons.get(personId);
    return found?.active && regionKeys.includes(found.regionKey) ? withRoles(found) : undefined;
  }

  async listActiveWithRoles(regionKeys: readonly string[]): Promise<PersonWithRoles[]> {
    return this.persons
      .where((p) => p.active && regionKeys.includes(p.regionKey) && p.roles.length > 0)
      .map(withRoles);
  }

  async markLoggedIn(personId: string, at: Date): Promise<void> {
    this.persons.update(personId, { lastLoginAt: at });
  }

  async activePerson(_tx: Transaction, personId: string): Promise<ObligationRecipient | undefined> {
    const p = this.persons.get(personId);
    return p?.active ? recipient(p) : undefined;
  }

  async coordinatorsOf(_tx: Transaction, regionId: string, tableKey: string): Promise<ObligationRecipient[]> {
    return this.persons
      .where(
        (p) => p.active && p.regionId === regionId && p.coordinates.some((t) => t === null || t === tableKey),
      )
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(recipient);
  }

  async strategicCoordinatorsOf(_tx: Transaction, regionId: string): Promise<ObligationRecipient[]> {
    return this.persons
      .where((p) => p.active && p.regionId === regionId && p.strategic)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(recipient);
  }

  async ownerScopeOf(personId: string): Promise<ObligationOwnerScope | undefined> {
    const p = this.persons.get(personId);
    return p?.active
      ? { regionId: p.regionId, coordinatorTables: [...p.coordinates], strategicCoordinator: p.strategic }
      : undefined;
  }
}

const contact = (p: FakeDirectoryPerson): PersonContact => ({
  id: p.id,
  email: p.email,
  displayName: p.displayName,
});

const recipient = (p: FakeDirectoryPerson): ObligationRecipient => ({
  personId: p.id,
  email: p.email,
  displayName: p.displayName,
});

function withRoles(p: FakeDirectoryPerson): PersonWithRoles {
  return {
    id: p.id,
    displayName: p.displayName,
    email: p.email,
    organisationName: p.organisationName,
    roles: p.roles.map((r) => ({ role: r.role, tableKey: r.tableKey })),
  };
}
