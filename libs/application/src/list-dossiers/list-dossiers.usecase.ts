import { Inject, Injectable } from '@nestjs/common';
import { dossierScope } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AuditLog } from '../ports/audit-log.port';
import { DossierRecord, DossierRepository } from '../ports/dossier.repository.port';
import { ListDossiersCommand } from './list-dossiers.command';

/** More than any casusregisseur carries; a coordinator's list is bounded the same way. */
export const DOSSIER_LIST_LIMIT = 500;

/**
 * The dossiers a person may see by need-to-know (the same rule as opening one), the look
 * audited with how many were shown.
 */
@Injectable()
export class ListDossiersUseCase {
  constructor(
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, route }: ListDossiersCommand): Promise<DossierRecord[]> {
    const rows = await this.dossiers.listIn(dossierScope(principal), DOSSIER_LIST_LIMIT);
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'dossier.list',
        entityType: 'dossier',
        entityId: null,
        outcome: 'allowed',
        route,
        details: { count: rows.length },
      },
      this.clock.now(),
    );
    return rows;
  }
}
