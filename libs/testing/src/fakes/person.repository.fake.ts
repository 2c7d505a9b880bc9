import type { LoginPeople, People, KnownPerson, PersonWithRoles } from '@overlegtafels/application';
import { FakeTable } from './fake-unit-of-work';

export interface FakeLoginPerson extends KnownPerson {
  readonly regionKey: string;
  readonly active: boolean;
  readonly organisationName?: string | null;
  readonly roles?: { role: string; tableKey: string | null }[];
  readonly lastLoginAt?: Date;
}

export interface FakeLoginToken {
  readonly tokenHash: string;
  readonly personId: string;
  readonly expiresAt: Date;
  usedAt?: Date;
}

/** People and their one-time login tokens in memory (both ports of the person repository). */
export class FakePeople implements People, LoginPeople {
  readonly people: FakeTable<FakeLoginPerson>;
  readonly loginTokens: FakeLoginToken[] = [];

  constructor(people: readonly FakeLoginPerson[] = []) {
    this.people = new FakeTable(people);
  }

  async findActiveByEmail(regionKey: string, email: string): Promise<KnownPerson | undefined> {
    const wanted = email.trim().toLowerCase();
    const found = this.people.where(
      (p) => p.active && p.regionKey === regionKey && p.email.toLowerCase() === wanted,
    )[0];
    return found && { id: found.id, displayName: found.displayName, email: found.email };
  }

  async createLoginToken(token: { tokenHash: string; personId: string; expiresAt: Date }): Promise<void> {
    this.loginTokens.push({ ...token, expiresAt: new Date(token.expiresAt) });
  }

  async findActive(personId: string): Promise<PersonWithRoles | undefined> {
    const found = this.people.get(personId);
    return found?.active ? withRoles(found) : undefined;
  }

  async listActiveWithRoles(regionKey: string): Promise<PersonWithRoles[]> {
    return this.people
      .where((p) => p.active && p.regionKey === regionKey && (p.roles ?? []).length > 0)
      .map(withRoles);
  }

  async consumeLoginToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const token = this.loginTokens.find((t) => t.tokenHash === tokenHash);
    if (!token || token.usedAt || token.expiresAt <= now) return undefined;
    token.usedAt = new Date(now);
    return token.personId;
  }

  async markLoggedIn(personId: string, at: Date): Promise<void> {
    this.people.update(personId, { lastLoginAt: at });
  }
}

function withRoles(p: FakeLoginPerson): PersonWithRoles {
  return {
    id: p.id,
    displayName: p.displayName,
    email: p.email,
    organisationName: p.organisationName ?? null,
    roles: p.roles ?? [],
  };
}
