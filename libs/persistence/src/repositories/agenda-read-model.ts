import { Inject, Injectable } from '@nestjs/common';
import type { AgendaLoad, AgendaPageItem, AgendaReadModel } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { itemSelect } from './agenda-item.repository';

/** Items on an agenda: to be held, or discussed already. */
const ON_AGENDA = ['placed', 'rolled_over', 'discussed'] as const;

/** What the agenda's pages and the agendering form read (bound to the AgendaReadModel port). */
@Injectable()
export class PrismaAgendaReadModel implements AgendaReadModel {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** Per session row, the agendapunten on its agenda (to be held or discussed) and their minutes. */
  async loadOf(sessionIds: readonly string[]): Promise<Map<string, AgendaLoad>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.prisma.agendaItem.groupBy({
      by: ['sessionId'],
      where: { sessionId: { in: [...sessionIds] }, status: { in: [...ON_AGENDA] } },
      _sum: { durationMinutes: true },
      _count: { _all: true },
    });
    return new Map(
      rows.map((r) => [r.sessionId, { minutes: r._sum.durationMinutes ?? 0, items: r._count._all }]),
    );
  }

  /** A session's agenda with what the agenda page shows: codes, types, who brings it, guests. */
  async agendaOf(sessionId: string): Promise<AgendaPageItem[]> {
    return this.prisma.agendaItem.findMany({
      where: { sessionId, status: { in: [...ON_AGENDA] } },
      select: {
        ...itemSelect,
        question: true,
        sharedWithSession: true,
        dossier: {
          select: {
            id: true,
            code: true,
            phase: true,
            casusregisseurId: true,
            aanmelderId: true,
            regionId: true,
            aanmelderOrganisation: { select: { kind: true } },
          },
        },
        submittedBy: { select: { displayName: true, organisation: { select: { name: true } } } },
        document: { select: { id: true, fileName: true, sizeBytes: true } },
        guests: { select: { kind: true, email: true, name: true } },
        decision: { select: { id: true, kind: true, decidedAt: true } },
      },
      orderBy: { position: 'asc' },
    });
  }
}
