import type { PlanReferences, RegionConfig, RiskInstrument } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { CasusregisseurActor, dossierForCasusregisseur } from '../agenda/casusregisseur-guard';
import type { AuditLog } from '../ports/audit-log.port';
import type { DossierRecord, DossierRepository } from '../ports/dossier.repository.port';
import type { PlanVanAanpakRepository } from '../ports/plan-van-aanpak.repository.port';
import type { Transaction } from '../ports/unit-of-work.port';

/**
 * The dossier whose plan van aanpak the actor reads or writes: found by its code, in the actor's
 * region, and the actor its casusregisseur (or a coordinator). Everything else answers "not
 * found" or is refused, audited as the guard does.
 */
export async function planDossier(
  dossiers: DossierRepository,
  audit: AuditLog,
  actor: CasusregisseurActor,
  code: string,
  action: string,
  now: Date,
): Promise<DossierRecord> {
  const found = await dossiers.byCode(undefined, code);
  if (!found) {
    await audit.append(
      {
        actorPersonId: actor.personId,
        action,
        entityType: 'dossier',
        entityId: null,
        outcome: 'denied',
        route: actor.route ?? null,
        details: { code },
      },
      now,
    );
    throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', undefined, 'not_found');
  }
  // Another region's dossier: the guard's fence answers "not found" as above, and audits it.
  return dossierForCasusregisseur(dossiers, audit, actor, found.id, action, now);
}

/** The region's risk instrument; a region without one has no plan van aanpak in the service. */
export function instrumentOf(region: RegionConfig): RiskInstrument {
  if (!region.riskInstrument) {
    throw new AgendaRefusal(
      'NO_RISK_INSTRUMENT',
      'Deze regio heeft geen kijkschema ingesteld; het plan van aanpak kan hier niet worden opgemaakt.',
      undefined,
      'conflict',
    );
  }
  return region.riskInstrument;
}

/** What the rows of this dossier's plan may refer to. */
export async function planReferences(
  plans: PlanVanAanpakRepository,
  /** The region's organisations, read before the transaction: a transaction waiting on a locked
   * key holds its connection, so reading them inside could starve the pool under a double click. */
  organisations: readonly { readonly id: string }[],
  instrument: RiskInstrument,
  dossier: Pick<DossierRecord, 'id' | 'regionId'>,
  tx?: Transaction,
): Promise<PlanReferences> {
  const members = await plans.familyMembersOf(tx, dossier.id);
  return {
    instrument,
    familyMemberIds: new Set(members.map((m) => m.id)),
    organisationIds: new Set(organisations.map((o) => o.id)),
  };
}
