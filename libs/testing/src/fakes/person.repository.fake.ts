import type { People, PersonContact } from '@overlegtafels/application';
import { FakeTable } from './fake-unit-of-work';

export interface FakePerson extends PersonContact {
  readonly regionKey: string;
  readonly active: boolean;
}

/** People and their login tokens in memory. */
export class FakePeople implements People {
  readonly people: FakeTable<FakePerson>;
  readonly loginTokens: { tokenHash: string; personId: string; expiresAt: Date }[] = [];

  constructor(people: readonly FakePerson[] = []) {
    this.people = new FakeTable(people);
  }

  async findActiveByEmail(regionKey: string, email: string): Promise<PersonContact | undefined> {
    const wanted = email.trim().toLowerCase();
    const found = this.people.where(
      (p) => p.active && p.regionKey === regionKey && p.email.toLowerCase() === wanted,
    )[0];
    return found && { id: found.id, displayName: found.displayName, email: found.email };
  }

  async createLoginToken(token: { tokenHash: string; personId: string; expiresAt: Date }): Promise<void> {
    this.loginTokens.push({ ...token, expiresAt: new Date(token.expiresAt) });
  }
}
