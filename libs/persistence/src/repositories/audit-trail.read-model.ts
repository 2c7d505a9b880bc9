import { Inject, Injectable } from '@nestjs/common';
import type { AuditTrail, AuditTrailFilter, AuditTrailRow } from '@overlegtafels/application';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

interface Raw {
  id: bigint;
  at: Date;
  actorPersonId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  dossierCode: string | null;
  route: string | null;
  outcome: 'allowed' | 'denied';
  details: Record<string, unknown> | null;
}

/**
 * The audit log as its watchers read it. A row is the region's when its dossier is, or — when it
 * names no dossier that still exists — when its actor is a person of the region. Newest first on
 * the primary key (its index).
 */
@Injectable()
export class PrismaAuditTrail implements AuditTrail {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async page(filter: AuditTrailFilter, limit: number, afterId?: string): Promise<AuditTrailRow[]> {
    const rows = await this.prisma.$queryRaw<Raw[]>(Prisma.sql`
      SELECT e.id, e.at, e.actor_person_id AS "actorPersonId", p.display_name AS "actorName",
             e.action, e.entity_type AS "entityType", e.entity_id AS "entityId",
             COALESCE(d.code, e.details->>'code') AS "dossierCode", e.route, e.outcome::text AS outcome,
             e.details
        FROM audit_events e
        LEFT JOIN dossiers d ON d.id = e.dossier_id
        LEFT JOIN persons p ON p.id = e.actor_person_id
       WHERE ${this.where(filter)} ${afterId ? Prisma.sql`AND e.id < ${BigInt(afterId)}` : Prisma.empty}
       ORDER BY e.id DESC
       LIMIT ${limit}`);
    return rows.map((r) => ({ ...r, id: r.id.toString(), details: r.details ?? {} }));
  }

  async count(filter: AuditTrailFilter, cap: number): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ n: bigint }[]>(Prisma.sql`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM audit_events e
          LEFT JOIN dossiers d ON d.id = e.dossier_id
          LEFT JOIN persons p ON p.id = e.actor_person_id
         WHERE ${this.where(filter)}
         LIMIT ${cap}) AS matching`);
    return Number(row?.n ?? 0);
  }

  async dossierIdOf(regionId: string, code: string): Promise<string | null> {
    const row = await this.prisma.dossier.findFirst({ where: { regionId, code }, select: { id: true } });
    return row?.id ?? null;
  }

  private where(f: AuditTrailFilter): Prisma.Sql {
    const parts: Prisma.Sql[] = [
      Prisma.sql`(d.region_id = ${f.regionId}::uuid OR (d.id IS NULL AND p.region_id = ${f.regionId}::uuid))`,
    ];
    if (f.dossier) {
      parts.push(
        f.dossier.id
          ? Prisma.sql`(e.dossier_id = ${f.dossier.id}::uuid OR e.details->>'code' = ${f.dossier.code})`
          : Prisma.sql`e.details->>'code' = ${f.dossier.code}`,
      );
    }
    if (f.actorPersonId) parts.push(Prisma.sql`e.actor_person_id = ${f.actorPersonId}::uuid`);
    if (f.action) {
      parts.push(
        f.action.endsWith('.')
          ? Prisma.sql`e.action LIKE ${`${f.action}%`}`
          : Prisma.sql`e.action = ${f.action}`,
      );
    }
    if (f.outcome) parts.push(Prisma.sql`e.outcome = ${f.outcome}::audit_outcome`);
    if (f.from) parts.push(Prisma.sql`e.at >= ${f.from}`);
    if (f.before) parts.push(Prisma.sql`e.at < ${f.before}`);
    return Prisma.join(parts, ' AND ');
  }
}
