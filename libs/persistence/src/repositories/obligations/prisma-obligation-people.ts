import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../../prisma.service';
import { on, type Transaction } from '../../transaction';
import type { ObligationRecipient } from '@overlegtafels/application';

/** The people the obligations are about: owners, the coordinators they escalate to, a person's scope. */
@Injectable()
export class PrismaObligationPeople {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

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

  /** A person's region and the tables they coordinate (every table for a region-wide grant: null). */
  async ownerScopeOf(
    personId: string,
  ): Promise<{ regionId: string; coordinatorTables: (string | null)[] } | undefined> {
    const person = await this.prisma.person.findFirst({
      where: { id: personId, active: true },
      select: {
        regionId: true,
        roleAssignments: { where: { role: 'coordinator' }, select: { tableKey: true } },
      },
    });
    if (!person) return undefined;
    return { regionId: person.regionId, coordinatorTables: person.roleAssignments.map((r) => r.tableKey) };
  }
}
