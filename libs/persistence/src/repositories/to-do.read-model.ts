import { Inject, Injectable } from '@nestjs/common';
import type {
  AwaitingDecisionRow,
  ClosedMinutesRow,
  PreparationCandidate,
  ToDoReadModel,
} from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { roleKey } from './role-keys';

const TO_BE_HELD = ['placed', 'rolled_over'] as const;

/** "Voor mij te doen": the person's open preparations, the closed verslagen and undecided items. */
@Injectable()
export class PrismaToDoReadModel implements ToDoReadModel {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async preparationCandidates(
    regionId: string,
    personId: string,
    now: Date,
  ): Promise<PreparationCandidate[]> {
    const seats = await this.prisma.tableMembership.findMany({
      where: { regionId, personId, function: 'lid', person: { active: true, regionId } },
      select: {
        tableKey: true,
        person: { select: { organisation: { select: { id: true, kind: true, regionId: true } } } },
      },
    });
    const byTable = new Map<string, { id: string; kind: string }>();
    for (const seat of seats) {
      const org = seat.person.organisation;
      if (org && org.regionId === regionId)
        byTable.set(seat.tableKey, { id: org.id, kind: roleKey(org.kind) });
    }
    if (byTable.size === 0) return [];
    const rows = await this.prisma.agendaItem.findMany({
      where: {
        status: { in: [...TO_BE_HELD] },
        tableKey: { in: [...byTable.keys()] },
        session: { regionId, status: { notIn: ['cancelled', 'held'] }, endsAt: { gt: now } },
      },
      select: {
        id: true,
        itemType: true,
        tableKey: true,
        dossier: { select: { code: true } },
        session: { select: { id: true, status: true, scheduledStart: true, startsAt: true, endsAt: true } },
        preparations: { select: { organisationId: true } },
      },
      orderBy: [{ session: { startsAt: 'asc' } }, { position: 'asc' }],
    });
    return rows.flatMap((row) => {
      const org = byTable.get(row.tableKey)!;
      if (row.preparations.some((p) => p.organisationId === org.id)) return [];
      return [
        {
          itemId: row.id,
          itemType: row.itemType,
          tableKey: row.tableKey,
          dossierCode: row.dossier.code,
          organisationKind: org.kind,
          session: row.session,
        },
      ];
    });
  }

  async closedMinutes(regionId: string, from: Date, until: Date): Promise<ClosedMinutesRow[]> {
    const rows = await this.prisma.session.findMany({
      where: {
        regionId,
        startsAt: { gte: from, lt: until },
        minutes: { closedAt: { not: null } },
      },
      select: { id: true, tableKey: true, startsAt: true, minutes: { select: { closedAt: true } } },
      orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({
      sessionId: r.id,
      tableKey: r.tableKey,
      startsAt: r.startsAt,
      closedAt: r.minutes!.closedAt!,
    }));
  }

  async awaitingDecision(
    regionId: string,
    tableKeys: readonly string[],
    now: Date,
  ): Promise<AwaitingDecisionRow[]> {
    if (tableKeys.length === 0) return [];
    const rows = await this.prisma.agendaItem.findMany({
      where: {
        status: { in: [...TO_BE_HELD] },
        tableKey: { in: [...tableKeys] },
        decision: { is: null },
        session: { regionId, status: { not: 'cancelled' }, startsAt: { lte: now } },
      },
      select: {
        id: true,
        itemType: true,
        sessionId: true,
        tableKey: true,
        session: { select: { startsAt: true } },
        dossier: { select: { code: true } },
      },
      orderBy: [{ session: { startsAt: 'asc' } }, { position: 'asc' }],
    });
    return rows.map((r) => ({
      itemId: r.id,
      itemType: r.itemType,
      sessionId: r.sessionId,
      tableKey: r.tableKey,
      startsAt: r.session.startsAt,
      dossierCode: r.dossier.code,
    }));
  }
}
