import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { freezeSession } from '@overlegtafels/domain';
import { AuditLog } from '../ports/audit-log.port';
import { AgendaRefusal } from '../errors';
import { FreezeOutcome, FreezeSessionUseCase } from '../freeze-session/freeze-session.usecase';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { FreezeAgendaCommand } from './freeze-agenda.command';

/**
 * Fixes the agenda now: the freeze the job would do at the freeze moment (slot confirmations go
 * out). Only a provisional agenda can be frozen; a refusal is audited as denied. The reason is
 * audited by its length only: it may name a family.
 */
@Injectable()
export class FreezeAgendaUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: Pick<CoordinatorChange, 'sessionFor'>,
    @Inject(FreezeSessionUseCase) private readonly freezer: Pick<FreezeSessionUseCase, 'freezeNow'>,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, sessionId, reason }: FreezeAgendaCommand): Promise<void> {
    const session = await this.change.sessionFor(actor, sessionId, 'session.freeze');
    const allowed = freezeSession(session);
    const outcome: FreezeOutcome = allowed.ok ? await this.freezer.freezeNow(sessionId) : 'not-planned';
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: 'session.freeze',
        entityType: 'session',
        entityId: sessionId,
        outcome: outcome === 'frozen' ? 'allowed' : 'denied',
        route: actor.route,
        details: { tableKey: session.tableKey, result: outcome, reason: reason.length },
      },
      this.clock.now(),
    );
    if (outcome !== 'frozen') {
      throw new AgendaRefusal(
        'NOT_PLANNED',
        'Enkel een agenda in voorbereiding kan definitief gemaakt worden.',
        undefined,
        'conflict',
      );
    }
  }
}
