import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AuditLog, dossierCodesShown } from '../ports/audit-log.port';
import { ObligationReadModel } from '../ports/obligation-read-model.port';
import { ObligationRules } from '../obligations/obligation-rules';
import {
  coordinatedTables,
  obligationView,
  ObligationView,
  orderObligations,
} from '../obligations/obligation-view';
import type { ListMyObligationsCommand } from './list-my-obligations.command';

/**
 * "Mijn opvolging": the open obligations a person owns, as casusregisseur of the dossier, as
 * coordinator of the table that owns them, or as one of the region's strategic coordinators (the
 * quality check), by due date. The read is audited
 * (counts only).
 */
@Injectable()
export class ListMyObligationsUseCase {
  constructor(
    @Inject(ObligationReadModel) private readonly reads: ObligationReadModel,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, command: ListMyObligationsCommand): Promise<ObligationView[]> {
    const nowMs = this.clock.now().getTime();
    const rows = await this.reads.list({
      regionId: principal.regionId,
      status: 'open',
      ownedBy: {
        personId: principal.personId,
        coordinatorTables: coordinatedTables(principal.grants, this.rules),
        strategicCoordinator: hasRole(principal, 'strategisch-coordinator'),
      },
    });
    const obligations = orderObligations(rows, this.rules).map((r) => obligationView(r, this.rules, nowMs));
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'obligation.list',
        entityType: 'obligation',
        entityId: null,
        outcome: 'allowed',
        route: command.route,
        details: {
          count: obligations.length,
          dossiers: new Set(obligations.map((o) => o.dossierId)).size,
          codes: dossierCodesShown(obligations.map((o) => o.dossierCode)),
        },
      },
      this.clock.now(),
    );
    return obligations;
  }
}
