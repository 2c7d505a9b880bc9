import { Inject, Injectable } from '@nestjs/common';
import type {
  DossierList,
  DossierListEntry,
  DossierListFilter,
  DossierListPage,
  DossierListQuery,
  DossierListScope,
  DossierPage,
  DossierPages,
} from '@overlegtafels/application';
import type { RegionAnswers } from '@overlegtafels/domain';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

const select = {
  id: true,
  code: true,
  regionId: true,
  phase: true,
  casusregisseurId: true,
  aanmelderId: true,
  casusregieStartDate: true,
  afrondingDate: true,
  createdAt: true,
  casusregisseur: { select: { displayName: true } },
} as const;

type Row = Omit<DossierListEntry, 'casusregisseurName' | 'phase'> & {
  phase: string;
  regionId: string;
  casusregisseurId: string | null;
  aanmelderId: string | null;
  casusregisseur: { displayName: string } | null;
};

/** The scope (need-to-know) and the reader's filter, as one where clause. */
function whereOf(scope: DossierListScope, filter: DossierListFilter): Prisma.DossierWhereInput {
  return {
    AND: [
      { regionId: scope.regionId },
      scope.anyOf ? { OR: scope.anyOf.map((c) => ({ ...c })) as Prisma.DossierWhereInput[] } : {},
      filter.code ? { code: { contains: filter.code, mode: 'insensitive' } } : {},
      filter.phase ? { phase: filter.phase } : {},
      filter.casusregisseurId ? { casusregisseurId: filter.casusregisseurId } : {},
      filter.tableKey ? { agendaItems: { some: { tableKey: filter.tableKey } } } : {},
      filter.createdFrom || filter.createdBefore
        ? {
            createdAt: {
              ...(filter.createdFrom && { gte: filter.createdFrom }),
              ...(filter.createdBefore && { lt: filter.createdBefore }),
            },
          }
        : {},
      filter.runningOnly ? { phase: { notIn: [...filter.endedPhases] } } : {},
    ],
  };
}

function toEntry({ casusregisseur, ...rest }: Row): DossierListEntry {
  return { ...rest, phase: rest.phase, casusregisseurName: casusregisseur?.displayName ?? null };
}

/** The dossiers as the overviews list them and as the dossier page shows one. */
@Injectable()
export class PrismaDossierReadModel implements DossierList, DossierPages {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /**
   * One page of the list: the running dossiers, newest code first, then the ended ones the same
   * way (keyset on the code within each part, so a page costs the same at any depth), and the
   * count of all that match.
   */
  async page(scope: DossierListScope, query: DossierListQuery): Promise<DossierListPage> {
    const base = whereOf(scope, query);
    const ended: string[] = [...query.endedPhases];
    const after = query.after;
    const rows: { entry: DossierListEntry; ended: boolean }[] = [];
    const total = await this.prisma.dossier.count({ where: base });
    if (!after?.ended) {
      const running = await this.prisma.dossier.findMany({
        where: { AND: [base, { phase: { notIn: ended } }, after ? { code: { lt: after.code } } : {}] },
        select,
        orderBy: { code: 'desc' },
        take: query.limit + 1,
      });
      rows.push(...(running as Row[]).map((r) => ({ entry: toEntry(r), ended: false })));
    }
    if (rows.length <= query.limit && !query.runningOnly) {
      const closed = await this.prisma.dossier.findMany({
        where: { AND: [base, { phase: { in: ended } }, after?.ended ? { code: { lt: after.code } } : {}] },
        select,
        orderBy: { code: 'desc' },
        take: query.limit + 1 - rows.length,
      });
      rows.push(...(closed as Row[]).map((r) => ({ entry: toEntry(r), ended: true })));
    }
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    return {
      rows: shown.map((r) => r.entry),
      total,
      ...(rows.length > query.limit && last && { next: { ended: last.ended, code: last.entry.code } }),
    };
  }

  async within(scope: DossierListScope, codes: readonly string[]): Promise<ReadonlySet<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.prisma.dossier.findMany({
      where: { AND: [whereOf(scope, { endedPhases: [] }), { code: { in: [...new Set(codes)] } }] },
      select: { code: true },
    });
    return new Set(rows.map((r) => r.code));
  }

  /** Everything the dossier page shows, for someone with full access. */
  async detail(id: string): Promise<DossierPage | undefined> {
    const page = await this.prisma.dossier.findUnique({
      where: { id },
      include: {
        casusregisseur: {
          select: {
            id: true,
            displayName: true,
            email: true,
            active: true,
            organisation: { select: { name: true } },
          },
        },
        aanmelder: { select: { id: true, displayName: true, email: true } },
        aanmelderOrganisation: { select: { name: true } },
        consulent: { select: { displayName: true } },
        consentVerifiedBy: { select: { displayName: true } },
        noConsentRecordedBy: { select: { displayName: true } },
        consulentConsultedBy: { select: { displayName: true } },
        childHearings: {
          select: {
            label: true,
            heardOn: true,
            notHeardReason: true,
            recordedAt: true,
            recordedBy: { select: { displayName: true } },
          },
          orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
        },
        aanmeldingen: {
          include: { clients: { orderBy: { position: 'asc' } }, organisation: { select: { name: true } } },
          orderBy: { sequence: 'asc' },
        },
        agendaItems: {
          include: {
            session: { select: { id: true, startsAt: true, endsAt: true, status: true, tableKey: true } },
            document: { select: { id: true, fileName: true, sizeBytes: true, mimeType: true, sha256: true } },
            guests: { select: { kind: true, email: true, name: true } },
            submittedBy: { select: { displayName: true } },
            decision: true,
          },
          orderBy: { submittedAt: 'asc' },
        },
        decisions: {
          include: {
            decidedBy: { select: { displayName: true } },
            casusregisseur: { select: { displayName: true } },
            withdrawnBy: { select: { displayName: true } },
          },
          orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
        },
        casusregisseurChanges: {
          include: {
            from: { select: { id: true, displayName: true } },
            to: { select: { id: true, displayName: true } },
          },
          orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
        },
        obligationReports: {
          include: { submittedBy: { select: { displayName: true } } },
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        },
        reopenings: {
          select: {
            reopenedAt: true,
            fromPhase: true,
            reason: true,
            reopenedBy: { select: { displayName: true } },
          },
          orderBy: [{ reopenedAt: 'asc' }, { id: 'asc' }],
        },
      },
    });
    if (!page) return undefined;
    // A JSON column: what the aanmelding use case stored, answers by question key.
    return {
      ...page,
      aanmeldingen: page.aanmeldingen.map((a) => ({ ...a, regionAnswers: a.regionAnswers as RegionAnswers })),
    };
  }
}
