import { Inject, Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../prisma.service';
import type {
  ObligationCursor,
  ObligationListFilter,
  ObligationListPage,
  ObligationListRow,
  ObligationPageFilter,
  ObligationReadModel,
  ObligationStatus,
  OverdueCount,
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

  /**
   * One statement: the total of the filter and, beside it (LATERAL), the page after the cursor in
   * the lists' order (due moment, dossier code, the rule's rank, sequence, id), with the dossier's
   * code and casusregisseur joined in. The due moment leads the order, so the plan walks the
   * (status, due_at, dossier_id) index and stops after the page, and the total is an index-only scan of
   * it (migration obligation_list_index).
   */
  async page(
    filter: ObligationPageFilter,
    ruleOrder: readonly string[],
    after: ObligationCursor | undefined,
    limit: number,
  ): Promise<ObligationListPage> {
    const where = pageWhere(filter);
    const rank = Prisma.sql`COALESCE(array_position(${[...ruleOrder]}::text[], o.rule_key), ${ruleOrder.length})`;
    const keyset = after
      ? // The id as text: a uuid's text sorts as the uuid does, and a token is never cast (no 500).
        // The due moment's own bound lets the index start at the cursor (the row comparison,
        // with a computed rank in it, is not an index condition).
        Prisma.sql`AND o.due_at >= ${after.dueAt}::timestamptz AND (o.due_at, d.code, ${rank}, o.sequence, o.id::text) >
          (${after.dueAt}::timestamptz, ${after.dossierCode}::text, ${after.ruleRank}::int, ${after.sequence}::int, ${after.id}::text)`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<PageRow[]>(Prisma.sql`
      SELECT t.total, p.*
        FROM (SELECT count(*)::int AS total
                FROM follow_up_obligations o JOIN dossiers d ON d.id = o.dossier_id
                LEFT JOIN persons c ON c.id = d.casusregisseur_id
               WHERE ${where}) t
        LEFT JOIN LATERAL (
          SELECT o.id, o.life, o.rule_key AS "ruleKey", o.sequence, o.owner_id AS "ownerId",
                 o.owner_role::text AS "ownerRole", o.table_key AS "tableKey", o.item_type AS "itemType",
                 o.due_at AS "dueAt", o.status::text AS status, o.fulfilled_at AS "fulfilledAt",
                 o.fulfilment_kind AS "fulfilmentKind", o.fulfilment_note AS "fulfilmentNote",
                 o.session_key AS "sessionKey", o.cancelled_at AS "cancelledAt", o.dossier_id AS "dossierId",
                 d.code AS "dossierCode", d.casusregisseur_id AS "casusregisseurId",
                 c.display_name AS "casusregisseurName", c.organisation_id AS "organisationId",
                 g.name AS "organisationName", ${rank}::int AS "ruleRank"
            FROM follow_up_obligations o JOIN dossiers d ON d.id = o.dossier_id
            LEFT JOIN persons c ON c.id = d.casusregisseur_id
            LEFT JOIN organisations g ON g.id = c.organisation_id
           WHERE ${where} ${keyset}
           ORDER BY o.due_at, d.code, ${rank}, o.sequence, o.id
           LIMIT ${limit + 1}) p ON true`);
    const found = rows.filter((r): r is PageRow & { id: string } => r.id !== null);
    const shown = found.slice(0, limit);
    const last = shown.at(-1);
    return {
      rows: shown.map(({ total: _total, ruleRank: _rank, ...r }) => ({
        ...r,
        ownerRole: roleKey(r.ownerRole),
        status: r.status as ObligationStatus,
      })),
      total: rows[0]?.total ?? 0,
      ...(found.length > limit &&
        last && {
          next: {
            dueAt: last.dueAt,
            dossierCode: last.dossierCode,
            ruleRank: last.ruleRank,
            sequence: last.sequence,
            id: last.id,
          },
        }),
    };
  }

  async overdueCounts(filter: ObligationPageFilter): Promise<OverdueCount[]> {
    const rows = await this.prisma.$queryRaw<(Omit<OverdueCount, 'count'> & { count: number })[]>(Prisma.sql`
      SELECT CASE WHEN o.owner_role = 'coordinator' THEN NULL ELSE d.casusregisseur_id END AS "casusregisseurId",
             max(CASE WHEN o.owner_role = 'coordinator' THEN NULL ELSE c.display_name END) AS "casusregisseurName",
             max(CASE WHEN o.owner_role = 'coordinator' THEN NULL ELSE c.organisation_id::text END) AS "organisationId",
             max(CASE WHEN o.owner_role = 'coordinator' THEN NULL ELSE g.name END) AS "organisationName",
             (o.owner_role = 'coordinator') AS coordinators,
             count(*)::int AS count
        FROM follow_up_obligations o JOIN dossiers d ON d.id = o.dossier_id
        LEFT JOIN persons c ON c.id = d.casusregisseur_id
        LEFT JOIN organisations g ON g.id = c.organisation_id
       WHERE ${pageWhere(filter)}
       GROUP BY 1, 5`);
    return rows;
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

interface PageRow extends Omit<ObligationListRow, 'ownerRole' | 'status' | 'id'> {
  total: number;
  id: string | null;
  ownerRole: string;
  status: string;
  ruleRank: number;
}

/** The filter of a paged list as SQL over `o` (the obligation), `d` (its dossier), `c` (the casusregisseur). */
function pageWhere(f: ObligationPageFilter): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`o.status = 'open'`, Prisma.sql`d.region_id = ${f.regionId}::uuid`];
  if (f.dossierCode) and.push(Prisma.sql`d.code ILIKE ${`%${f.dossierCode.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (f.casusregisseurId) and.push(Prisma.sql`d.casusregisseur_id = ${f.casusregisseurId}::uuid`);
  if (f.organisationId) and.push(Prisma.sql`c.organisation_id = ${f.organisationId}::uuid`);
  if (f.ruleKey) and.push(Prisma.sql`o.rule_key = ${f.ruleKey}`);
  if (f.ruleKeyPrefix) and.push(Prisma.sql`starts_with(o.rule_key, ${f.ruleKeyPrefix})`);
  if (f.excludeRuleKeys && f.excludeRuleKeys.length > 0)
    and.push(Prisma.sql`o.rule_key <> ALL(${[...f.excludeRuleKeys]}::text[])`);
  if (f.dueFrom) and.push(Prisma.sql`o.due_at >= ${f.dueFrom}::timestamptz`);
  if (f.dueBefore) and.push(Prisma.sql`o.due_at < ${f.dueBefore}::timestamptz`);
  if (f.ownedBy) {
    const own: Prisma.Sql[] = [Prisma.sql`o.owner_id = ${f.ownedBy.personId}::uuid`];
    if (f.ownedBy.coordinatorTables.length > 0)
      own.push(
        Prisma.sql`(o.owner_role = 'coordinator' AND o.table_key = ANY(${[...f.ownedBy.coordinatorTables]}::text[]))`,
      );
    if (f.ownedBy.strategicCoordinator) own.push(Prisma.sql`o.owner_role = 'strategisch-coordinator'`);
    and.push(Prisma.sql`(${Prisma.join(own, ' OR ')})`);
  }
  return Prisma.join(and, ' AND ');
}
