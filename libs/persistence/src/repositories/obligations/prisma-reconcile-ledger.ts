import { Inject, Injectable } from '@nestjs/common';
import type { LastReconcile, ReconcileLedger } from '@overlegtafels/application';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../prisma.service';

/**
 * The nightly re-plan's memory (obligation_reconciles) and the dossiers changed since its last
 * run, found from the changed rows' side: what the plan reads of a dossier — its row, agenda
 * items and decisions, by their updated_at or decided_at — and a calendar change of the region (a
 * session cancelled, moved or with its own capacity, a closed period) for the dossiers with an
 * open obligation hanging on a session. Not the obligations themselves: the re-plan writes them
 * (its own writes would make every dossier it changed a changed one the next night), and what
 * else writes them (done by hand, an action point, the sweep) re-plans in its own transaction or
 * is none of the plan's. Those tables are read in full once a night (no index on updated_at: a
 * sequential scan of ten years of them takes milliseconds, an index would cost every write).
 */
@Injectable()
export class PrismaReconcileLedger implements ReconcileLedger {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async begin(regionId: string): Promise<{ last?: LastReconcile; startedAt: Date }> {
    const [row] = await this.prisma.$queryRaw<
      { now: Date; rulesVersion: string | null; reconciledFrom: Date | null }[]
    >(Prisma.sql`
      SELECT now() AS now, r.rules_version AS "rulesVersion", r.reconciled_from AS "reconciledFrom"
        FROM (SELECT 1) one
        LEFT JOIN obligation_reconciles r ON r.region_id = ${regionId}::uuid`);
    const { now, rulesVersion, reconciledFrom } = row!;
    return {
      startedAt: now,
      ...(rulesVersion !== null && reconciledFrom !== null && { last: { rulesVersion, reconciledFrom } }),
    };
  }

  async changedDossiers(
    regionId: string,
    since: Date,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      WITH calendar_changed AS (
        SELECT EXISTS (
                 SELECT 1 FROM sessions s
                  WHERE s.region_id = ${regionId}::uuid AND s.updated_at > ${since}::timestamptz
                    -- A session the planner made cancelled (a holiday, a closed period) is no
                    -- change: only one cancelled later, moved or given its own capacity.
                    AND ((s.status = 'cancelled' AND s.cancelled_at > s.created_at + interval '1 minute')
                         OR s.moved_from_starts_at IS NOT NULL OR s.capacity_minutes IS NOT NULL))
            OR EXISTS (
                 SELECT 1 FROM closed_periods p
                  WHERE p.region_id = ${regionId}::uuid AND p.created_at > ${since}::timestamptz) AS changed
      ), touched AS (
        SELECT id AS dossier_id FROM dossiers WHERE region_id = ${regionId}::uuid AND updated_at > ${since}::timestamptz
        UNION SELECT dossier_id FROM agenda_items WHERE updated_at > ${since}::timestamptz
        UNION SELECT dossier_id FROM decisions WHERE decided_at > ${since}::timestamptz
        UNION SELECT o.dossier_id FROM follow_up_obligations o, calendar_changed c
               WHERE c.changed AND o.status = 'open' AND o.session_key IS NOT NULL
      )
      SELECT d.id FROM dossiers d JOIN touched t ON t.dossier_id = d.id
       WHERE d.region_id = ${regionId}::uuid
         ${afterId ? Prisma.sql`AND d.id > ${afterId}::uuid` : Prisma.empty}
         AND (d.casusregie_start_date IS NOT NULL OR d.casusregie_planned_start_date IS NOT NULL
              OR EXISTS (SELECT 1 FROM follow_up_obligations o WHERE o.dossier_id = d.id))
       ORDER BY d.id
       LIMIT ${limit}`);
    return rows.map((r) => r.id);
  }

  async finish(regionId: string, run: LastReconcile & { dossiers: number }): Promise<void> {
    await this.prisma.$executeRaw(Prisma.sql`
      INSERT INTO obligation_reconciles (region_id, rules_version, reconciled_from, finished_at, dossiers)
      VALUES (${regionId}::uuid, ${run.rulesVersion}, ${run.reconciledFrom}::timestamptz, now(), ${run.dossiers})
      ON CONFLICT (region_id) DO UPDATE
        SET rules_version = EXCLUDED.rules_version, reconciled_from = EXCLUDED.reconciled_from,
            finished_at = EXCLUDED.finished_at, dossiers = EXCLUDED.dossiers`);
  }
}
