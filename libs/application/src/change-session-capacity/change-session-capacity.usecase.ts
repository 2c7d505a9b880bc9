import { Inject, Injectable } from '@nestjs/common';
import { changeSessionCapacity } from '@overlegtafels/domain';
import { InputError } from '../errors';
import { AgendaService } from '../agenda/agenda.service';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { ChangeSessionCapacityCommand } from './change-session-capacity.command';

/**
 * Sets the minutes a session's agenda may fill, at most its length; the table is re-allocated
 * (items that no longer fit move on, and those people hear of it). A fixed agenda keeps its items.
 */
@Injectable()
export class ChangeSessionCapacityUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: CoordinatorChange,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'lock' | 'reallocate'>,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'changeCapacity'>,
  ) {}

  async execute({ actor, sessionId, capacityMinutes, reason }: ChangeSessionCapacityCommand): Promise<void> {
    const session = await this.change.sessionFor(actor, sessionId, 'session.capacity');
    const allowed = changeSessionCapacity(
      { status: session.status, startsAtMs: session.startsAt.getTime(), endsAtMs: session.endsAt.getTime() },
      capacityMinutes,
    );
    // The calendar refuses more minutes than the session lasts; say so next to the field.
    if (!allowed.ok) {
      throw new InputError([{ field: 'capacityMinutes', code: 'TOO_BIG', message: allowed.message }]);
    }
    await this.change.run(
      {
        actor,
        tableKey: session.tableKey,
        action: 'session.capacity',
        details: { sessionId, capacityMinutes },
        reason,
      },
      async (tx) => {
        await this.sessions.changeCapacity(tx, sessionId, capacityMinutes);
        const fresh = await this.agenda.lock(tx, session.tableKey);
        return (await this.agenda.reallocate(tx, fresh)).moves;
      },
    );
  }
}
