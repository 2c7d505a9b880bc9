import { Inject, Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../prisma.service';
import type {
  ObligationListFilter,
  ObligationListRow,
  ObligationReadModel,
  ObligationStatus,
} from '@overlegtafels/application';
import { roleKey } from '../role-keys';
import { storedObligationSelect } from './prisma-obligation.repository';

/** What the follow-up pages read: obligations with their dossier's code and casusregisseur, session load. */
@Injectable()
export class PrismaObligationReadModel implements ObligationReadModel {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async list(filter: ObligationListFilter): Promise<ObligationListRow[]> {
    const where: Prisma.FollowUpObligationWhereInput = {
      dossier: { regionId: filter.regionId },
      ...(filter.dossierId ? { dossierId: filter.dossierId } : {}),
      ...(filter.obligationId ? { id: filter.obligationId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.dueBefore || filter.dueFrom
        ? {
            dueAt: {
              ...(filter.dueBefore ? { lt: filter.dueBefore } : {}),
              ...(filter.dueFrom ? { gte: filter.dueFrom } : {}),
            },
          }
        : {}),
      ...(filter.ownedBy
        ? {
            OR: [
              { ownerId: filter.ownedBy.personId },
              { ownerRole: 'coordinator', tableKey: { in: [...filter.ownedBy.coordinatorTables] } },
              ...(filter.ownedBy.strategicCoordinator
                ? [{ ownerRole: 'strategisch_coordinator' as const }]
                : []),
            ],
          }
        : {}),
    };
    const rows = await this.prisma.followUpObligation.findMany({
      where,
      select: {
        ...storedObligationSelect,
        dossierId: true,
        cancelledAt: true,
        dossier: {
          select: {
            code: true,
            casusregisseurId: true,
            casusregisseur: {
              select: { displayName: true, organisationId: true, organisation: { select: { name: true } } },
            },
          },
        },
      },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: filter.limit ?? 1000,
    });
    return rows.map(({ dossier, ...r }) => ({
      ...r,
      ownerRole: roleKey(String(r.ownerRole)),
      status: r.status as ObligationStatus,
      dossierCode: dossier.code,
      casusregisseurId: dossier.casusregisseurId,
      casusregisseurName: dossier.casusregisseur?.displayName ?? null,
      organisationId: dossier.casusregisseur?.organisationId ?? null,
      organisationName: dossier.casusregisseur?.organisation?.name ?? null,
    }));
  }

  /** Minutes of placed agenda items per stored session of a table whose series slot lies in [from, until). */
  async placedMinutes(
    regionId: string,
    tableKey: string,
    from: Date,
    until: Date,
  ): Promise<{ scheduledStart: Date; minutes: number }[]> {
    const rows = await this.prisma.$queryRaw<{ scheduledStart: Date; minutes: bigint | number | null }[]>(
      Prisma.sql`
        SELECT s.scheduled_start AS "scheduledStart", COALESCE(SUM(a.duration_minutes), 0) AS minutes
          FROM sessions s
          LEFT JOIN agenda_items a ON a.session_id = s.id AND a.status = 'placed'
         WHERE s.region_id = ${regionId}::uuid AND s.table_key = ${tableKey}
           AND s.scheduled_start >= ${from} AND s.scheduled_start < ${until}
         GROUP BY s.scheduled_start`,
    );
    return rows.map((r) => ({ scheduledStart: r.scheduledStart, minutes: Number(r.minutes ?? 0) }));
  }
}
