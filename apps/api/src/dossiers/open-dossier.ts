import { NotFoundException } from '@nestjs/common';
import { isDossierCode } from '@overlegtafels/domain';
import { AuditService, dossierAccess, Principal } from '@overlegtafels/auth';
import { DossierRepository, DossierSummary } from '@overlegtafels/persistence';

/**
 * Opens one dossier by its code for a person, or refuses: need-to-know decides, the read or the
 * refusal is audited, and "does not exist" and "not yours" get the same 404. Every route that
 * shows a dossier by code goes through here.
 */
export async function openDossierByCode(
  dossiers: DossierRepository,
  audit: AuditService,
  principal: Principal,
  code: string,
  event: { action: string; route: string },
): Promise<DossierSummary> {
  const valid = isDossierCode(code);
  const dossier = valid ? await dossiers.findByCode(code) : undefined;
  const allowed = dossier !== undefined && dossierAccess(principal, dossier) === 'full';
  await audit.record(principal, {
    action: event.action,
    entityType: 'dossier',
    entityId: dossier?.id ?? null,
    dossierId: allowed ? dossier.id : null,
    outcome: allowed ? 'allowed' : 'denied',
    route: event.route,
    details: { code: valid ? code : null },
  });
  if (!allowed) throw new NotFoundException('Dossier niet gevonden.');
  return dossier;
}
