import type { ObligationOwnerScope, ObligationPeople, ObligationRecipient } from '@overlegtafels/application';
import type { Transaction } from '@overlegtafels/persistence';
import { FakeTable } from './fake-unit-of-work';

export interface FakePerson {
  id: string;
  email: string;
  displayName: string;
  regionId: string;
  active: boolean;
  /** Tables the person coordinates; null: every table of the region. */
  coordinates: (string | null)[];
  /** Holds the region's strategisch-coordinator role. */
  strategic: boolean;
}

/** People in memory: owners and coordinators. */
export class FakeObligationPeople implements ObligationPeople {
  readonly persons = new FakeTable<FakePerson>();

  addPerson(person: Partial<FakePerson> & { id: string }): this {
    this.persons.put({
      email: `${person.id}@example.org`,
      displayName: person.id,
      regionId: 'region-1',
      active: true,
      coordinates: [],
      strategic: false,
      ...person,
    });
    return this;
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
      ? { regionId: p.regionId, coordinatorTables: p.coordinates, strategicCoordinator: p.strategic }
      : undefined;
  }
}

const recipient = (p: FakePerson): ObligationRecipient => ({
  personId: p.id,
  email: p.email,
  displayName: p.displayName,
});
