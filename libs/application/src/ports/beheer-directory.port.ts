import type { Transaction } from './unit-of-work.port';

/** A role a person holds: region-wide (tableKey null) or on one table. */
export interface RoleGrantRow {
  readonly role: string;
  readonly tableKey: string | null;
}

/** A person's seat at a table: their function there, and whether they receive every agenda. */
export interface MembershipRow {
  readonly tableKey: string;
  readonly function: string;
  readonly standing: boolean;
}

/** A person as the beheerder manages them: who they are, their organisation, roles and seats. */
export interface BeheerPersonRow {
  readonly id: string;
  readonly regionId: string;
  readonly displayName: string;
  readonly email: string;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly active: boolean;
  readonly lastLoginAt: Date | null;
  readonly roles: readonly RoleGrantRow[];
  readonly memberships: readonly MembershipRow[];
}

export interface BeheerOrganisationRow {
  readonly id: string;
  readonly regionId: string;
  readonly kind: string;
  readonly name: string;
  readonly contactEmail: string | null;
  readonly active: boolean;
  /** Active people of the organisation. */
  readonly people: number;
}

/** Someone seated at a table, as the table's list of participants shows them. */
export interface TableSeatRow extends MembershipRow {
  readonly personId: string;
  readonly displayName: string;
  readonly organisationName: string | null;
  readonly active: boolean;
}

/** A closed period of the region as the beheerder's list shows it (dates as yyyy-mm-dd). */
export interface ClosedPeriodRow {
  readonly id: string;
  readonly tableKey: string | null;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly createdAt: Date;
}

export interface PersonDetails {
  readonly displayName: string;
  readonly email: string;
  readonly organisationId: string | null;
}

export interface OrganisationDetails {
  readonly kind: string;
  readonly name: string;
  readonly contactEmail: string | null;
}

/** What ending a person's logins did: how many sessions, feed tokens and login links ended. */
export interface EndedLogins {
  readonly sessions: number;
  readonly feedTokens: number;
  readonly loginLinks: number;
}

/**
 * The people, organisations, roles and table seats of a region, as the beheerder changes them
 * (issue #14). Reads by id return the row whatever its region: the use cases pass it through the
 * region fence. People and organisations are deactivated, never deleted.
 */
export abstract class BeheerDirectory {
  abstract people(regionId: string): Promise<BeheerPersonRow[]>;
  abstract person(id: string, tx?: Transaction): Promise<BeheerPersonRow | undefined>;
  /** Whether another person of the region has this address (case-insensitive). */
  abstract emailTaken(
    tx: Transaction,
    regionId: string,
    email: string,
    exceptPersonId?: string,
  ): Promise<boolean>;
  abstract addPerson(tx: Transaction, regionId: string, details: PersonDetails): Promise<string>;
  abstract editPerson(tx: Transaction, personId: string, details: PersonDetails): Promise<void>;
  /** Replaces every role the person holds by these. */
  abstract setRoles(tx: Transaction, personId: string, roles: readonly RoleGrantRow[]): Promise<void>;
  abstract setPersonActive(tx: Transaction, personId: string, active: boolean): Promise<void>;
  /** Ends at once every login session, calendar feed token and unused login link of the person. */
  abstract endLogins(tx: Transaction, personId: string, now: Date): Promise<EndedLogins>;
  /** Seats the person at the table, or changes their seat there. */
  abstract setMembership(
    tx: Transaction,
    regionId: string,
    personId: string,
    membership: MembershipRow,
  ): Promise<void>;
  /** False when the person had no seat at the table. */
  abstract removeMembership(tx: Transaction, personId: string, tableKey: string): Promise<boolean>;
  abstract tableSeats(regionId: string, tableKey: string): Promise<TableSeatRow[]>;

  abstract organisations(regionId: string): Promise<BeheerOrganisationRow[]>;
  abstract organisation(id: string, tx?: Transaction): Promise<BeheerOrganisationRow | undefined>;
  /** Whether another organisation of the region has this name (case-insensitive). */
  abstract organisationNameTaken(
    tx: Transaction,
    regionId: string,
    name: string,
    exceptId?: string,
  ): Promise<boolean>;
  abstract addOrganisation(tx: Transaction, regionId: string, details: OrganisationDetails): Promise<string>;
  abstract editOrganisation(tx: Transaction, id: string, details: OrganisationDetails): Promise<void>;
  abstract setOrganisationActive(tx: Transaction, id: string, active: boolean): Promise<void>;

  abstract closedPeriods(regionId: string): Promise<ClosedPeriodRow[]>;
}
