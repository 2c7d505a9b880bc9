import { Inject, Injectable } from '@nestjs/common';
import type {
  ObligationOwnerScope,
  ObligationRecipient,
  PersonContact,
  PersonDirectory,
  PersonWithRoles,
} from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';
import { roleKey } from './role-keys';

const summarySelect = {
  id: true,
  displayName: true,
  email: true,
  organisation: { select: { name: true } },
  roleAssignments: {
    select: { role: true, tableKey: true },
    orderBy: [{ role: 'asc' as const }, { tableKey: 'asc' as const }],
  },
};

type SummaryRow = {
  id: string;
  displayName: string;
  email: string;
  organisation: { name: string } | null;
  roleAssignments: { role: string; tableKey: string | null }[];
};

function toSummary(p: SummaryRow): PersonWithRoles {
  return {
    id: p.id,
    displayName: p.displayName,
    email: p.email,
    organisationName: p.organisation?.name ?? null,
    roles: p.roleAssignments.map((r) => ({ role: roleKey(String(r.role)), tableKey: r.tableKey })),
  };
}

/**
 * The people of the region (the application's PersonDirectory): contacts and roles, login tokens
 * (consumed atomically), and the owners and coordinators of obligations.
 */
@Injectable()
export class PrismaPersonDirectory implements PersonDirectory {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async isCasusregisseur(tx: Transaction, regionId: string, personId: string): Promise<boolean> {
    const row = await on(tx, this.prisma).roleAssignment.findFirst({
      where: { personId, role: 'casusregisseur', person: { regionId, active: true } },
      select: { id: true },
    });
    return row !== null;
  }

  async contactOf(tx: Transaction, personId: string): Promise<PersonContact | undefined> {
    const row = await on(tx, this.prisma).person.findUnique({
      where: { id: personId },
      select: { id: true, email: true, displayName: true },
    });
    return row ?? undefined;
  }

  /** Active people of the region by e-mail (guests who have an account are linked to it). */
  async personIdsByEmail(
    tx: Transaction,
    regionId: string,
    emails: readonly string[],
  ): Promise<Map<string, string>> {
    if (emails.length === 0) return new Map();
    const rows = await on(tx, this.prisma).person.findMany({
      where: { regionId, active: true, email: { in: [...emails] } },
      select: { id: true, email: true },
    });
    return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
  }

  async listActiveWithRoles(regionKeys: readonly string[]): Promise<PersonWithRoles[]> {
    const rows = await this.prisma.person.findMany({
      where: { active: true, region: { key: { in: [...regionKeys] } }, roleAssignments: { some: {} } },
      select: summarySelect,
      orderBy: { displayName: 'asc' },
    });
    return rows.map(toSummary);
  }

  async findActive(regionKeys: readonly string[], id: string): Promise<PersonWithRoles | undefined> {
    const row = await this.prisma.person.findFirst({
      where: { id, active: true, region: { key: { in: [...regionKeys] } } },
      select: summarySelect,
    });
    return row ? toSummary(row) : undefined;
  }

  async findActiveByEmail(
    regionKeys: readonly string[],
    email: string,
  ): Promise<PersonWithRoles | undefined> {
    const rows = await this.prisma.person.findMany({
      where: {
        active: true,
        region: { key: { in: [...regionKeys] } },
        // Prisma's case-insensitive equals is an ILIKE: '_' and '%' in an address are literals here.
        email: { equals: email.trim().replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' },
      },
      select: { ...summarySelect, region: { select: { key: true } } },
    });
    // One address in two regions: the person of the region REGIONS names first.
    const row = rows.sort((a, b) => regionKeys.indexOf(a.region.key) - regionKeys.indexOf(b.region.key))[0];
    return row ? { ...toSummary(row), regionKey: row.region.key } : undefined;
  }

  async markLoggedIn(personId: string, at: Date): Promise<void> {
    await this.prisma.person.update({ where: { id: personId }, data: { lastLoginAt: at } });
  }

  /** The new link replaces the person's unused ones: 50 requests leave one valid link, not 49. */
  async createLoginToken(input: { tokenHash: string; personId: string; expiresAt: Date }): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.loginToken.deleteMany({ where: { personId: input.personId, usedAt: null } }),
      this.prisma.loginToken.create({ data: input }),
    ]);
  }

  /** One use only: the token is consumed atomically, so a second click (or a scanner) gets nothing. */
  async consumeLoginToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const row = await this.prisma.loginToken.findUnique({
      where: { tokenHash },
      select: { id: true, personId: true },
    });
    if (!row) return undefined;
    const { count } = await this.prisma.loginToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    return count === 1 ? row.personId : undefined;
  }

  async activePerson(tx: Transaction, personId: string): Promise<ObligationRecipient | undefined> {
    const p = await on(tx, this.prisma).person.findFirst({
      where: { id: personId, active: true },
      select: { id: true, email: true, displayName: true },
    });
    return p ? { personId: p.id, email: p.email, displayName: p.displayName } : undefined;
  }

  /** The active coordinators of one table of the region (or of all its tables), in a stable order. */
  async coordinatorsOf(tx: Transaction, regionId: string, tableKey: string): Promise<ObligationRecipient[]> {
    const rows = await on(tx, this.prisma).person.findMany({
      where: {
        regionId,
        active: true,
        roleAssignments: { some: { role: 'coordinator', OR: [{ tableKey }, { tableKey: null }] } },
      },
      select: { id: true, email: true, displayName: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((p) => ({ personId: p.id, email: p.email, displayName: p.displayName }));
  }

  /** The active strategic coordinators of the region, in a stable order. */
  async strategicCoordinatorsOf(tx: Transaction, regionId: string): Promise<ObligationRecipient[]> {
    const rows = await on(tx, this.prisma).person.findMany({
      where: { regionId, active: true, roleAssignments: { some: { role: 'strategisch_coordinator' } } },
      select: { id: true, email: true, displayName: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((p) => ({ personId: p.id, email: p.email, displayName: p.displayName }));
  }

  /**
   * A person's region, the tables they coordinate (every table for a region-wide grant: null) and
   * whether they are a strategic coordinator.
   */
  async ownerScopeOf(personId: string): Promise<ObligationOwnerScope | undefined> {
    const person = await this.prisma.person.findFirst({
      where: { id: personId, active: true },
      select: {
        regionId: true,
        roleAssignments: {
          where: { role: { in: ['coordinator', 'strategisch_coordinator'] } },
          select: { role: true, tableKey: true },
        },
      },
    });
    if (!person) return undefined;
    return {
      regionId: person.regionId,
      coordinatorTables: person.roleAssignments
        .filter((r) => r.role === 'coordinator')
        .map((r) => r.tableKey),
      strategicCoordinator: person.roleAssignments.some((r) => r.role === 'strategisch_coordinator'),
    };
  }
}
