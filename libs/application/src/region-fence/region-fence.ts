import type { Actor } from '../agenda/agenda-views';
import type { AuditEntry, AuditLog } from '../ports/audit-log.port';

/** What a write is about, for the audit event of an attempt on another region's row. */
export interface FenceTarget {
  /** The use case's own audit action (`agenda-item.share`, `dossier.instemming`, …). */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** The dossier the row belongs to, when there is one: the refusal names it in the log. */
  readonly dossierId?: string | null;
  readonly code?: string | null;
}

export interface RegionScoped {
  readonly regionId: string;
}

/** Why the fence refused: the stable code in the audit event's details. */
export const OTHER_REGION = 'OTHER_REGION';

/**
 * The one region check every write passes (issue #17): the session, agendapunt, dossier,
 * obligation or organisation a change loads is admitted only when it is of the actor's region.
 * A row of another region answers `undefined`, exactly like a row that does not exist, so the
 * caller gives the same "not found" for both; the attempt itself is written to the audit log
 * outside any transaction, so it stays when the refused work rolls back.
 *
 * Use cases never compare regions themselves (a spec scans for it): they load, then ask here.
 */
export async function withinRegion<T extends RegionScoped>(
  audit: AuditLog,
  actor: Actor,
  row: T | null | undefined,
  target: FenceTarget | ((row: T) => FenceTarget),
  now: Date,
): Promise<T | undefined> {
  if (!row) return undefined;
  if (row.regionId === actor.regionId) return row;
  const t = typeof target === 'function' ? target(row) : target;
  const entry: AuditEntry = {
    actorPersonId: actor.personId,
    action: t.action,
    entityType: t.entityType,
    entityId: t.entityId,
    dossierId: t.dossierId ?? null,
    outcome: 'denied',
    route: actor.route ?? null,
    details: { reason: OTHER_REGION, ...(t.code ? { code: t.code } : {}) },
  };
  await audit.append(entry, now);
  return undefined;
}

/** Synchronous form for read models that only filter (nothing is refused, nothing to audit). */
export function ofRegion<T extends RegionScoped>(
  actor: Pick<Actor, 'regionId'>,
  row: T | null | undefined,
): row is T {
  return !!row && row.regionId === actor.regionId;
}

/** The fence's target for a write on a dossier, under the use case's own audit action. */
export function dossierTarget(action: string) {
  return (d: { readonly id: string; readonly code: string }): FenceTarget => ({
    action,
    entityType: 'dossier',
    entityId: d.id,
    dossierId: d.id,
    code: d.code,
  });
}

/**
 * The audit entry of an actor's read of one dossier, or of a refusal that is not the fence's (the
 * actor's role): the use case's action, the dossier's id and code, nothing of its content.
 */
export function dossierAuditEntry(
  actor: Actor,
  action: string,
  dossier: { readonly id: string; readonly code: string },
  outcome: 'allowed' | 'denied',
): AuditEntry {
  return {
    actorPersonId: actor.personId,
    action,
    entityType: 'dossier',
    entityId: dossier.id,
    dossierId: dossier.id,
    outcome,
    route: actor.route ?? null,
    details: { code: dossier.code },
  };
}
