import { Inject, Injectable } from '@nestjs/common';
import { dossierAccess } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { isDossierCode } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { DossierRecord, DossierRepository } from '../ports/dossier.repository.port';
import { OpenDossierCommand } from './open-dossier.command';

/**
 * Opens one dossier by its code for a person, or refuses: need-to-know decides, the look or the
 * refusal is audited (and stays audited whatever follows), and "does not exist" and "not yours"
 * get the same not-found. Every route that shows or changes a dossier by code starts here.
 */
@Injectable()
export class OpenDossierUseCase {
  constructor(
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, code, action, route }: OpenDossierCommand): Promise<DossierRecord> {
    const valid = isDossierCode(code);
    const dossier = valid ? await this.dossiers.byCode(undefined, code) : undefined;
    const allowed = dossier !== undefined && dossierAccess(principal, dossier) === 'full';
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action,
        entityType: 'dossier',
        entityId: dossier?.id ?? null,
        dossierId: allowed ? dossier.id : null,
        outcome: allowed ? 'allowed' : 'denied',
        route,
        details: { code: valid ? code : null },
      },
      this.clock.now(),
    );
    if (!allowed)
      throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', undefined, 'not_found');
    return dossier;
  }
}
