import { Inject, Injectable } from '@nestjs/common';
import { changeSessionCapacity } from '@overlegtafels/domain';
import { InputError } from '../errors';
import { AgendaService } from '../agenda/agenda.service';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { ChangeSessionCapacityCommand } from './change-session-capacity.command';

/** The ledger's scope of a capacity change's one-time key. */
export const SESSION_CAPACITY_SCOPE = 'session-capacity';

/**
 * Sets the minutes a session's agenda may fill: at most its length, and never fewer than its
 * items already take (those the coordinator moves first); the table is re-allocated (more room can
 * take items from later sessions, and those people hear of it). The same key again changes,
 * audits and mails nothing more.
 */
@Injectable()
export class ChangeSessionCapacityUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: CoordinatorChange,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'lock' | 'reallocate'>,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'changeCapacity'>,
    @Inject(AgendaItemRepository) private readonly items: Pick<AgendaItemRepository, 'activeItems'>,
  ) {}

  async execute({
    actor,
    sessionId,
    capacityMinutes,
    reason,
    submissionKey,
  }: ChangeSessionCapacityCommand): Promise<void> {
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
        once: {
          scope: SESSION_CAPACITY_SCOPE,
          key: submissionKey,
          content: { sessionId, capacityMinutes, reason },
        },
      },
      async (tx) => {
        // Under the table's lock: never fewer minutes than are planned. The coordinator moves
        // items first (issue #15: "60 van 30 minuten"); refused, nothing is changed.
        const planned = (await this.items.activeItems(tx, [sessionId]))
          .filter((i) => i.sessionId === sessionId)
          .reduce((sum, i) => sum + i.durationMinutes, 0);
        if (capacityMinutes < planned) {
          throw new InputError([
            {
              field: 'capacityMinutes',
              code: 'BELOW_PLANNED',
              message:
                `Op deze zitting staan al agendapunten voor ${planned} minuten; de capaciteit kan niet lager ` +
                `dan ${planned} minuten. Verplaats eerst agendapunten naar een andere zitting.`,
            },
          ]);
        }
        await this.sessions.changeCapacity(tx, sessionId, capacityMinutes);
        const fresh = await this.agenda.lock(tx, session.tableKey);
        return (await this.agenda.reallocate(tx, fresh)).moves;
      },
    );
  }
}
