import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { roleKey } from './role-keys';

export interface PersonSummary {
  id: string;
  displayName: string;
  email: string;
  organisationName: string | null;
  roles: { role: string; tableKey: string | null }[];
}

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

function toSummary(p: SummaryRow): PersonSummary {
  return {
    id: p.id,
    displayName: p.displayName,
    email: p.email,
    organisationName: p.organisation?.name ?? null,
    roles: p.roleAssignments.map((r) => ({ role: roleKey(String(r.role)), tableKey: r.tableKey })),
  };
}

@Injectable()
export class PersonRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async listActiveWithRoles(regionKey: string): Promise<PersonSummary[]> {
    const rows = await this.prisma.person.findMany({
      where: { active: true, region: { key: regionKey }, roleAssignments: { some: {} } },
      select: summarySelect,
      orderBy: { displayName: 'asc' },
    });
    return rows.map(toSummary);
  }

  async findActive(id: string): Promise<PersonSummary | undefined> {
    const row = await this.prisma.person.findFirst({ where: { id, active: true }, select: summarySelect });
    return row ? toSummary(row) : undefined;
  }

  async findActiveByEmail(regionKey: string, email: string): Promise<PersonSummary | undefined> {
    const row = await this.prisma.person.findFirst({
      where: {
        active: true,
        region: { key: regionKey },
        email: { equals: email.trim(), mode: 'insensitive' },
      },
      select: summarySelect,
    });
    return row ? toSummary(row) : undefined;
  }

  async markLoggedIn(personId: string, at: Date): Promise<void> {
    await this.prisma.person.update({ where: { id: personId }, data: { lastLoginAt: at } });
  }

  async createLoginToken(input: { tokenHash: string; personId: string; expiresAt: Date }): Promise<void> {
    await this.prisma.loginToken.create({ data: input });
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
}
