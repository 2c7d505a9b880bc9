import {
  BeheerDirectory,
  type BeheerOrganisationRow,
  type BeheerPersonRow,
  type ClosedPeriodRow,
  type EndedLogins,
  type MembershipRow,
  type OrganisationDetails,
  type PersonDetails,
  type RoleGrantRow,
  type TableSeatRow,
  type Transaction,
} from '@overlegtafels/application';
import { FakeTable, type Rollbackable } from './fake-unit-of-work';

type OrganisationRow = Omit<BeheerOrganisationRow, 'people'>;

/** A person with the logins the beheer ends on deactivation, as counts. */
export interface FakeBeheerPerson extends BeheerPersonRow {
  readonly sessions: number;
  readonly feedTokens: number;
  readonly loginLinks: number;
}

/**
 * The beheer's people and organisations in memory: rows by id, names of organisations joined on
 * read, seats and roles inside the person; rolled back with the work like the database's.
 */
export class FakeBeheerDirectory extends BeheerDirectory implements Rollbackable {
  readonly persons: FakeTable<FakeBeheerPerson>;
  readonly orgs: FakeTable<OrganisationRow>;
  private next = 1;

  constructor(
    people: readonly Partial<FakeBeheerPerson>[] = [],
    organisations: readonly OrganisationRow[] = [],
  ) {
    super();
    this.orgs = new FakeTable(organisations);
    this.persons = new FakeTable(people.map((p) => aPerson(p)));
  }

  snapshot(): unknown {
    return [this.persons.snapshot(), this.orgs.snapshot()];
  }

  restore(snapshot: unknown): void {
    const [persons, orgs] = snapshot as [unknown, unknown];
    this.persons.restore(persons);
    this.orgs.restore(orgs);
  }

  private view(p: FakeBeheerPerson): BeheerPersonRow {
    const { sessions: _s, feedTokens: _f, loginLinks: _l, ...row } = p;
    return {
      ...row,
      organisationName: p.organisationId ? (this.orgs.get(p.organisationId)?.name ?? null) : null,
    };
  }

  async people(regionId: string): Promise<BeheerPersonRow[]> {
    return this.persons.where((p) => p.regionId === regionId).map((p) => this.view(p));
  }

  async person(id: string): Promise<BeheerPersonRow | undefined> {
    const p = this.persons.get(id);
    return p && this.view(p);
  }

  async emailTaken(_tx: Transaction, regionId: string, email: string, except?: string): Promise<boolean> {
    return this.persons
      .all()
      .some(
        (p) => p.regionId === regionId && p.id !== except && p.email.toLowerCase() === email.toLowerCase(),
      );
  }

  async addPerson(_tx: Transaction, regionId: string, details: PersonDetails): Promise<string> {
    const id = `person-${this.next++}`;
    this.persons.put(aPerson({ id, regionId, ...details }));
    return id;
  }

  async editPerson(_tx: Transaction, personId: string, details: PersonDetails): Promise<void> {
    this.persons.update(personId, details);
  }

  async setRoles(_tx: Transaction, personId: string, roles: readonly RoleGrantRow[]): Promise<void> {
    this.persons.update(personId, { roles: [...roles] });
  }

  async setPersonActive(_tx: Transaction, personId: string, active: boolean): Promise<void> {
    this.persons.update(personId, { active });
  }

  async endLogins(_tx: Transaction, personId: string): Promise<EndedLogins> {
    const p = this.persons.get(personId)!;
    this.persons.update(personId, { sessions: 0, feedTokens: 0, loginLinks: 0 });
    return { sessions: p.sessions, feedTokens: p.feedTokens, loginLinks: p.loginLinks };
  }

  async setMembership(
    _tx: Transaction,
    _regionId: string,
    personId: string,
    m: MembershipRow,
  ): Promise<void> {
    const p = this.persons.get(personId)!;
    const others = p.memberships.filter((x) => x.tableKey !== m.tableKey);
    this.persons.update(personId, { memberships: [...others, { ...m }] });
  }

  async removeMembership(_tx: Transaction, personId: string, tableKey: string): Promise<boolean> {
    const p = this.persons.get(personId)!;
    this.persons.update(personId, { memberships: p.memberships.filter((m) => m.tableKey !== tableKey) });
    return p.memberships.some((m) => m.tableKey === tableKey);
  }

  async tableSeats(regionId: string, tableKey: string): Promise<TableSeatRow[]> {
    return this.persons
      .where((p) => p.regionId === regionId)
      .flatMap((p) =>
        p.memberships
          .filter((m) => m.tableKey === tableKey)
          .map((m) => ({
            ...m,
            personId: p.id,
            displayName: p.displayName,
            organisationName: this.view(p).organisationName,
            active: p.active,
          })),
      );
  }

  private withPeople(o: OrganisationRow): BeheerOrganisationRow {
    return { ...o, people: this.persons.where((p) => p.organisationId === o.id && p.active).length };
  }

  async organisations(regionId: string): Promise<BeheerOrganisationRow[]> {
    return this.orgs.where((o) => o.regionId === regionId).map((o) => this.withPeople(o));
  }

  async organisation(id: string): Promise<BeheerOrganisationRow | undefined> {
    const o = this.orgs.get(id);
    return o && this.withPeople(o);
  }

  async organisationNameTaken(
    _tx: Transaction,
    regionId: string,
    name: string,
    except?: string,
  ): Promise<boolean> {
    return this.orgs
      .all()
      .some((o) => o.regionId === regionId && o.id !== except && o.name.toLowerCase() === name.toLowerCase());
  }

  async addOrganisation(_tx: Transaction, regionId: string, details: OrganisationDetails): Promise<string> {
    const id = `organisation-${this.next++}`;
    this.orgs.put({ id, regionId, active: true, ...details });
    return id;
  }

  async editOrganisation(_tx: Transaction, id: string, details: OrganisationDetails): Promise<void> {
    this.orgs.update(id, details);
  }

  async setOrganisationActive(_tx: Transaction, id: string, active: boolean): Promise<void> {
    this.orgs.update(id, { active });
  }

  async closedPeriods(): Promise<ClosedPeriodRow[]> {
    return [];
  }
}

export function aPerson(p: Partial<FakeBeheerPerson> = {}): FakeBeheerPerson {
  return {
    id: 'p1',
    regionId: 'region-1',
    displayName: 'Fictief Persoon',
    email: 'fictief@example.org',
    organisationId: null,
    organisationName: null,
    active: true,
    lastLoginAt: null,
    roles: [],
    memberships: [],
    sessions: 0,
    feedTokens: 0,
    loginLinks: 0,
    ...p,
  };
}
