import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../../prisma.service';
import { on, type Transaction } from '../../transaction';
import type { MailRecipientRow } from './obligation-rows';

/** The people the obligations are about: owners, the coordinators they escalate to, a person's scope. */
@Injectable()
export class PrismaObligationPeople {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async activePerson(tx: Transaction, personId: string): Promise<MailRecipientRow | undefined> {
    const p = await on(tx, this.prisma).person.findFirst({
      where: { id: personId, active: true },
      select: { id: true, email: true, displayName: true },
    });
    return p ? { personId: p.id, email: p.email, displayName: p.displayName } : undefined;
  }

  /** The active coordinators of one table of the region (or of all its tables), in a stable order. */
  async coordinatorsOf(tx: Transaction, regionId: string, tableKey: string): Promise<MailRecipientRow[]> {
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
  async strategicCoordinatorsOf(tx: Transaction, regionId: string): Promise<MailRecipientRow[]> {
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
  async ownerScopeOf(
    personId: string,
  ): Promise<
    { regionId: string; coordinatorTables: (string | null)[]; strategicCoordinator: boolean } | undefined
  > {
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
      coordinatorTables: person.roleAssignments.filter((r) => r.role === 'coordinator').map((r) => r.tableKey),
      strategicCoordinator: person.roleAssignments.some((r) => r.role === 'strategisch_coordinator'),
    };
  }
}
