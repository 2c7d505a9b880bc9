import { Inject, Injectable } from '@nestjs/common';
import type {
  DossierPageAgendaItem,
  DossierPageDecisionShown,
  KeysetPage,
  KeyedTimelineFact,
  PageRequest,
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
import { keysetPage } from './keyset-query';
import { timelineFactsPage } from './dossier/timeline-page.query';

/** An agendapunt as the dossier page's list shows it. */
const ITEM_INCLUDE = {
  session: { select: { id: true, startsAt: true, endsAt: true, status: true, tableKey: true } },
  document: { select: { id: true, fileName: true, sizeBytes: true, mimeType: true, sha256: true } },
  guests: { select: { kind: true, email: true, name: true } },
  submittedBy: { select: { displayName: true } },
  decision: true,
} as const;

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

  /**
   * Everything the dossier page shows but its paged lists, for someone with full access: the
   * dossier with its lists, then the people and the organisations they name, each in one
   * statement (a relation each was a statement each, issue #18).
   */
  async detail(id: string): Promise<DossierPage | undefined> {
    const page = await this.prisma.dossier.findUnique({
      where: { id },
      include: {
        childHearings: {
          select: { label: true, heardOn: true, notHeardReason: true, recordedAt: true, recordedById: true },
          orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
        },
        aanmeldingen: {
          include: { clients: { orderBy: { position: 'asc' } } },
          orderBy: { sequence: 'asc' },
        },
        casusregisseurChanges: { orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] },
        obligationReports: { orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }] },
      },
    });
    if (!page) return undefined;
    const personIds = [
      page.casusregisseurId,
      page.aanmelderId,
      page.consulentId,
      page.consentVerifiedById,
      page.noConsentRecordedById,
      page.consulentConsultedById,
      ...page.childHearings.map((h) => h.recordedById),
      ...page.casusregisseurChanges.flatMap((c) => [c.fromPersonId, c.toPersonId]),
      ...page.obligationReports.map((r) => r.submittedById),
    ].filter((p): p is string => p !== null);
    const people = new Map(
      (
        await this.prisma.person.findMany({
          where: { id: { in: [...new Set(personIds)] } },
          select: { id: true, displayName: true, email: true, organisationId: true, active: true },
        })
      ).map((p) => [p.id, p]),
    );
    const casusregisseur = page.casusregisseurId ? people.get(page.casusregisseurId) : undefined;
    const organisationIds = [
      page.aanmelderOrganisationId,
      casusregisseur?.organisationId ?? null,
      ...page.aanmeldingen.map((a) => a.organisationId),
    ].filter((o): o is string => o !== null);
    const organisations = new Map(
      (
        await this.prisma.organisation.findMany({
          where: { id: { in: [...new Set(organisationIds)] } },
          select: { id: true, name: true },
        })
      ).map((o) => [o.id, { name: o.name }]),
    );
    const person = (personId: string) => {
      const p = people.get(personId)!;
      return { id: p.id, displayName: p.displayName, email: p.email };
    };
    const named = (personId: string | null) =>
      personId && people.has(personId) ? { displayName: people.get(personId)!.displayName } : null;
    const org = (orgId: string | null) => (orgId ? (organisations.get(orgId) ?? null) : null);
    const { childHearings, aanmeldingen, casusregisseurChanges, obligationReports, ...dossier } = page;
    return {
      ...dossier,
      casusregisseur: casusregisseur
        ? {
            ...person(casusregisseur.id),
            organisation: org(casusregisseur.organisationId),
            active: casusregisseur.active,
          }
        : null,
      aanmelder: person(page.aanmelderId),
      aanmelderOrganisation: org(page.aanmelderOrganisationId),
      consulent: named(page.consulentId),
      consentVerifiedBy: named(page.consentVerifiedById),
      noConsentRecordedBy: named(page.noConsentRecordedById),
      consulentConsultedBy: named(page.consulentConsultedById),
      childHearings: childHearings.map(({ recordedById, ...h }) => ({
        ...h,
        recordedBy: named(recordedById)!,
      })),
      // A JSON column: what the aanmelding use case stored, answers by question key.
      aanmeldingen: aanmeldingen.map((a) => ({
        ...a,
        organisation: org(a.organisationId) ?? { name: '' },
        regionAnswers: a.regionAnswers as RegionAnswers,
      })),
      casusregisseurChanges: casusregisseurChanges.map((c) => ({
        ...c,
        from: { id: c.fromPersonId, displayName: named(c.fromPersonId)?.displayName ?? '' },
        to: { id: c.toPersonId, displayName: named(c.toPersonId)?.displayName ?? '' },
      })),
      obligationReports: obligationReports.map((r) => ({ ...r, submittedBy: named(r.submittedById)! })),
    };
  }

  /** A page of the timeline's facts, newest first: one statement, keyset in SQL. */
  async timelinePage(
    dossierId: string,
    request: PageRequest,
    timeZone: string,
  ): Promise<KeysetPage<KeyedTimelineFact>> {
    return timelineFactsPage(
      (sql, ...values) => this.prisma.$queryRawUnsafe(sql, ...values),
      dossierId,
      request,
      timeZone,
    );
  }

  /** A page of the agendapunten, the last submitted first: keyset on (submitted_at, id). */
  async agendaItemsPage(dossierId: string, request: PageRequest): Promise<KeysetPage<DossierPageAgendaItem>> {
    return keysetPage(
      request,
      'submittedAt',
      { dossierId },
      (args) => this.prisma.agendaItem.findMany({ ...args, include: ITEM_INCLUDE }),
      (args) => this.prisma.agendaItem.count(args),
      (row) => ({ at: row.submittedAt, id: row.id }),
    ) as Promise<KeysetPage<DossierPageAgendaItem>>;
  }

  /**
   * A page of the decisions, the last taken first: keyset on (decided_at, id), and the people
   * they name in one statement.
   */
  async decisionsPage(
    dossierId: string,
    request: PageRequest,
  ): Promise<KeysetPage<DossierPageDecisionShown>> {
    const page = await keysetPage(
      request,
      'decidedAt',
      { dossierId },
      (args) => this.prisma.decision.findMany(args),
      (args) => this.prisma.decision.count(args),
      (row) => ({ at: row.decidedAt, id: row.id }),
    );
    const ids = page.rows.flatMap((d) => [d.decidedById, d.casusregisseurId, d.withdrawnById]);
    const wanted = [...new Set(ids.filter((p): p is string => p !== null))];
    const names = new Map(
      wanted.length === 0
        ? []
        : (
            await this.prisma.person.findMany({
              where: { id: { in: wanted } },
              select: { id: true, displayName: true },
            })
          ).map((p) => [p.id, { displayName: p.displayName }]),
    );
    const named = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return {
      ...page,
      rows: page.rows.map((d) => ({
        ...d,
        decidedBy: named(d.decidedById) ?? { displayName: '' },
        casusregisseur: named(d.casusregisseurId),
        withdrawnBy: named(d.withdrawnById),
      })),
    };
  }
}
