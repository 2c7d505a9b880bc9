import { Inject, Injectable } from '@nestjs/common';
import type {
  BeheerDirectory,
  BeheerOrganisationRow,
  BeheerPersonRow,
  ClosedPeriodRow,
  EndedLogins,
  MembershipRow,
  OrganisationDetails,
  PersonDetails,
  RoleGrantRow,
  TableSeatRow,
} from '@overlegtafels/application';
import type { TableFunction } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';
import { dbRole, roleKey } from './role-keys';

/** Stored enum identifiers use `_` where the domain's keys use `-` (`op-afroep`). */
const dbKey = <T extends string>(key: string) => key.replace(/-/g, '_') as T;
const domainKey = (value: string) => value.replace(/_/g, '-');

const personSelect = {
  id: true,
  regionId: true,
  displayName: true,
  email: true,
  organisationId: true,
  organisation: { select: { name: true } },
  active: true,
  lastLoginAt: true,
  roleAssignments: {
    select: { role: true, tableKey: true },
    orderBy: [{ role: 'asc' as const }, { tableKey: 'asc' as const }],
  },
  tableMemberships: {
    select: { tableKey: true, function: true, standing: true },
    orderBy: { tableKey: 'asc' as const },
  },
};

type PersonSelected = {
  id: string;
  regionId: string;
  displayName: string;
  email: string;
  organisationId: string | null;
  organisation: { name: string } | null;
  active: boolean;
  lastLoginAt: Date | null;
  roleAssignments: { role: string; tableKey: string | null }[];
  tableMemberships: { tableKey: string; function: string; standing: boolean }[];
};

function toPerson(p: PersonSelected): BeheerPersonRow {
  return {
    id: p.id,
    regionId: p.regionId,
    displayName: p.displayName,
    email: p.email,
    organisationId: p.organisationId,
    organisationName: p.organisation?.name ?? null,
    active: p.active,
    lastLoginAt: p.lastLoginAt,
    roles: p.roleAssignments.map((r) => ({ role: roleKey(String(r.role)), tableKey: r.tableKey })),
    memberships: p.tableMemberships.map((m) => ({
      tableKey: m.tableKey,
      function: domainKey(String(m.function)),
      standing: m.standing,
    })),
  };
}

const organisationSelect = {
  id: true,
  regionId: true,
  kind: true,
  name: true,
  contactEmail: true,
  active: true,
  _count: { select: { persons: { where: { active: true } } } },
};

function toOrganisation(o: {
  id: string;
  regionId: string;
  kind: string;
  name: string;
  contactEmail: string | null;
  active: boolean;
  _count: { persons: number };
}): BeheerOrganisationRow {
  return {
    id: o.id,
    regionId: o.regionId,
    kind: o.kind,
    name: o.name,
    contactEmail: o.contactEmail,
    active: o.active,
    people: o._count.persons,
  };
}

/** Prisma's case-insensitive equals is an ILIKE: '_', '%' and '\' are literals here. */
const literal = (value: string) => value.trim().replace(/[\\%_]/g, (c) => `\\${c}`);

/** The beheerder's changes to people, organisations, roles and seats (BeheerDirectory). */
@Injectable()
export class PrismaBeheerDirectory implements BeheerDirectory {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async people(regionId: string): Promise<BeheerPersonRow[]> {
    const rows = await this.prisma.person.findMany({
      where: { regionId },
      select: personSelect,
      orderBy: [{ active: 'desc' }, { displayName: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toPerson);
  }

  async person(id: string, tx?: Transaction): Promise<BeheerPersonRow | undefined> {
    const row = await on(tx, this.prisma).person.findUnique({ where: { id }, select: personSelect });
    return row ? toPerson(row) : undefined;
  }

  async emailTaken(
    tx: Transaction,
    regionId: string,
    email: string,
    exceptPersonId?: string,
  ): Promise<boolean> {
    // citext: the comparison ignores case.
    const row = await on(tx, this.prisma).person.findFirst({
      where: { regionId, email: email.trim(), ...(exceptPersonId ? { id: { not: exceptPersonId } } : {}) },
      select: { id: true },
    });
    return row !== null;
  }

  async addPerson(tx: Transaction, regionId: string, details: PersonDetails): Promise<string> {
    const row = await on(tx, this.prisma).person.create({
      data: { regionId, ...details },
      select: { id: true },
    });
    return row.id;
  }

  async editPerson(tx: Transaction, personId: string, details: PersonDetails): Promise<void> {
    await on(tx, this.prisma).person.update({ where: { id: personId }, data: details });
  }

  async setRoles(tx: Transaction, personId: string, roles: readonly RoleGrantRow[]): Promise<void> {
    const db = on(tx, this.prisma);
    await db.roleAssignment.deleteMany({ where: { personId } });
    if (roles.length > 0)
      await db.roleAssignment.createMany({
        data: roles.map((r) => ({ personId, role: dbRole(r.role), tableKey: r.tableKey })),
      });
  }

  async setPersonActive(tx: Transaction, personId: string, active: boolean): Promise<void> {
    await on(tx, this.prisma).person.update({ where: { id: personId }, data: { active } });
  }

  async endLogins(tx: Transaction, personId: string, now: Date): Promise<EndedLogins> {
    const db = on(tx, this.prisma);
    const sessions = await db.userSession.deleteMany({ where: { personId } });
    const feedTokens = await db.calendarFeedToken.updateMany({
      where: { personId, revokedAt: null },
      data: { revokedAt: now },
    });
    const loginLinks = await db.loginToken.deleteMany({ where: { personId, usedAt: null } });
    return { sessions: sessions.count, feedTokens: feedTokens.count, loginLinks: loginLinks.count };
  }

  async setMembership(
    tx: Transaction,
    regionId: string,
    personId: string,
    membership: MembershipRow,
  ): Promise<void> {
    const fields = { function: dbKey<TableFunction>(membership.function), standing: membership.standing };
    await on(tx, this.prisma).tableMembership.upsert({
      where: { personId_regionId_tableKey: { personId, regionId, tableKey: membership.tableKey } },
      create: { personId, regionId, tableKey: membership.tableKey, ...fields },
      update: fields,
    });
  }

  async removeMembership(tx: Transaction, personId: string, tableKey: string): Promise<boolean> {
    const { count } = await on(tx, this.prisma).tableMembership.deleteMany({ where: { personId, tableKey } });
    return count > 0;
  }

  async tableSeats(regionId: string, tableKey: string): Promise<TableSeatRow[]> {
    const rows = await this.prisma.tableMembership.findMany({
      where: { regionId, tableKey },
      select: {
        tableKey: true,
        function: true,
        standing: true,
        person: {
          select: { id: true, displayName: true, active: true, organisation: { select: { name: true } } },
        },
      },
      orderBy: [{ standing: 'desc' }, { person: { displayName: 'asc' } }],
    });
    return rows.map((r) => ({
      tableKey: r.tableKey,
      function: domainKey(String(r.function)),
      standing: r.standing,
      personId: r.person.id,
      displayName: r.person.displayName,
      organisationName: r.person.organisation?.name ?? null,
      active: r.person.active,
    }));
  }

  async organisations(regionId: string): Promise<BeheerOrganisationRow[]> {
    const rows = await this.prisma.organisation.findMany({
      where: { regionId },
      select: organisationSelect,
      orderBy: [{ active: 'desc' }, { name: 'asc' }],
    });
    return rows.map(toOrganisation);
  }

  async organisation(id: string, tx?: Transaction): Promise<BeheerOrganisationRow | undefined> {
    const row = await on(tx, this.prisma).organisation.findUnique({
      where: { id },
      select: organisationSelect,
    });
    return row ? toOrganisation(row) : undefined;
  }

  async organisationNameTaken(
    tx: Transaction,
    regionId: string,
    name: string,
    exceptId?: string,
  ): Promise<boolean> {
    const row = await on(tx, this.prisma).organisation.findFirst({
      where: {
        regionId,
        name: { equals: literal(name), mode: 'insensitive' },
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
      select: { id: true },
    });
    return row !== null;
  }

  async addOrganisation(tx: Transaction, regionId: string, details: OrganisationDetails): Promise<string> {
    const row = await on(tx, this.prisma).organisation.create({
      data: { regionId, ...details, kind: details.kind },
      select: { id: true },
    });
    return row.id;
  }

  async editOrganisation(tx: Transaction, id: string, details: OrganisationDetails): Promise<void> {
    await on(tx, this.prisma).organisation.update({
      where: { id },
      data: { ...details, kind: details.kind },
    });
  }

  async setOrganisationActive(tx: Transaction, id: string, active: boolean): Promise<void> {
    await on(tx, this.prisma).organisation.update({ where: { id }, data: { active } });
  }

  async closedPeriods(regionId: string): Promise<ClosedPeriodRow[]> {
    const rows = await this.prisma.closedPeriod.findMany({
      where: { regionId },
      select: { id: true, tableKey: true, fromDate: true, toDate: true, reason: true, createdAt: true },
      orderBy: [{ fromDate: 'desc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({
      id: r.id,
      tableKey: r.tableKey,
      from: r.fromDate.toISOString().slice(0, 10),
      to: r.toDate.toISOString().slice(0, 10),
      reason: r.reason,
      createdAt: r.createdAt,
    }));
  }
}
