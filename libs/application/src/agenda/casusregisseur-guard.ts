import type { DossierRefusal } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import type { Actor } from './agenda-views';
import type { AuditLog } from '../ports/audit-log.port';
import type { DossierRecord, DossierRepository } from '../ports/dossier.repository.port';
import type { Transaction } from '../ports/unit-of-work.port';
import { dossierAuditEntry, dossierTarget, withinRegion } from '../region-fence/region-fence';

export interface CasusregisseurActor extends Actor {
  /** A coordinator of the region (every dossier) or else only the dossier's own casusregisseur. */
  readonly coordinator: boolean;
}

/**
 * The dossier a casusregisseur records something on (or a coordinator for them): another region's
 * answers "not found" like one that does not exist; anyone but its casusregisseur or a
 * coordinator is refused, and the refusal is audited outside the transaction so it stays.
 */
export async function dossierForCasusregisseur(
  dossiers: DossierRepository,
  audit: AuditLog,
  actor: CasusregisseurActor,
  dossierId: string,
  action: string,
  now: Date,
): Promise<DossierRecord> {
  const seen = await withinRegion(
    audit,
    actor,
    await dossiers.byId(undefined, dossierId),
    dossierTarget(action),
    now,
  );
  if (!seen) {
    throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', undefined, 'not_found');
  }
  if (!actor.coordinator && seen.casusregisseurId !== actor.personId) {
    await audit.append(dossierAuditEntry(actor, action, seen, 'denied'), now);
    throw new AgendaRefusal(
      'NOT_CASUSREGISSEUR',
      'Alleen de casusregisseur van het dossier of een coördinator registreert dit.',
      undefined,
      'forbidden',
    );
  }
  return seen;
}

/**
 * The audit event of a recording the guard let through, written in the recording's transaction:
 * the dossier's code and what `details` says (ids, dates and counts, never what was typed).
 */
export function auditRecorded(
  audit: AuditLog,
  actor: CasusregisseurActor,
  dossier: Pick<DossierRecord, 'id' | 'code'>,
  action: string,
  details: Record<string, string | number | boolean | null>,
  now: Date,
  tx: Transaction,
): Promise<void> {
  return audit.append(
    {
      actorPersonId: actor.personId,
      action,
      entityType: 'dossier',
      entityId: dossier.id,
      dossierId: dossier.id,
      outcome: 'allowed',
      route: actor.route ?? null,
      details: { code: dossier.code, ...details },
    },
    now,
    tx,
  );
}

/** States that forbid it now are conflicts; a rule the input breaks is unprocessable. */
const CONFLICTS = new Set(['ILLEGAL_TRANSITION', 'CONSENT_ALREADY_RECORDED', 'NO_CONSULENT_INVOLVED']);

export function refusalOf(outcome: DossierRefusal): AgendaRefusal {
  return new AgendaRefusal(
    outcome.code,
    outcome.message,
    outcome.field,
    CONFLICTS.has(outcome.code) ? 'conflict' : 'unprocessable',
  );
}
