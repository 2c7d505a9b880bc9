import { Inject, Injectable } from '@nestjs/common';
import { dossierScope, Principal } from '@overlegtafels/auth';
import { Clock, CLOCK } from '@overlegtafels/config';
import { awaitsConsent, isDossierPhase } from '@overlegtafels/domain';
import { AuditLog } from '../ports/audit-log.port';
import { DossierList, DossierListEntry } from '../ports/dossier-list.port';
import { ListDossiersCommand } from './list-dossiers.command';

export interface ListedDossier extends DossierListEntry {
  /** Casusregie "in afwachting van instemming": appointed, not started for want of consent. */
  readonly awaitingConsent: boolean;
}

/**
 * The dossiers a person may see (need-to-know as a query scope, so a list never shows what a
 * single read would refuse), with the list's read in the audit log: how many, not which.
 */
@Injectable()
export class ListDossiersUseCase {
  constructor(
    @Inject(DossierList) private readonly dossiers: DossierList,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    reader: Principal,
    route: string,
    command: ListDossiersCommand = {},
  ): Promise<ListedDossier[]> {
    const rows = await this.dossiers.list(dossierScope(reader), command.limit);
    await this.audit.append(
      {
        actorPersonId: reader.personId,
        action: 'dossier.list',
        entityType: 'dossier',
        entityId: null,
        outcome: 'allowed',
        route,
        details: { count: rows.length },
      },
      this.clock.now(),
    );
    return rows.map((row) => ({
      ...row,
      awaitingConsent:
        isDossierPhase(row.phase) &&
        awaitsConsent({
          phase: row.phase,
          ...(row.casusregieStartDate && {
            casusregieStartDate: row.casusregieStartDate.toISOString().slice(0, 10),
          }),
        }),
    }));
  }
}
