import { Inject, Injectable } from '@nestjs/common';
import { unfreezeSession } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { AgendaService } from '../agenda/agenda.service';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { UnfreezeAgendaCommand } from './unfreeze-agenda.command';

/** The ledger's scope of an unfreeze's one-time key. */
export const SESSION_UNFREEZE_SCOPE = 'session-unfreeze';

/**
 * Back to planned: the agenda opens again and is re-allocated with what came in since; its freeze
 * and send jobs are planned again. Only a frozen agenda that was not sent can be opened. With the
 * form's key (or an Idempotency-Key) a repeat answers as the first and changes nothing more.
 */
@Injectable()
export class UnfreezeAgendaUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: CoordinatorChange,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'lock' | 'reallocate'>,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'session' | 'unfreeze'>,
  ) {}

  async execute({ actor, sessionId, reason, submissionKey }: UnfreezeAgendaCommand): Promise<void> {
    const session = await this.change.sessionFor(actor, sessionId, 'session.unfreeze');
    await this.change.run(
      {
        actor,
        tableKey: session.tableKey,
        action: 'session.unfreeze',
        details: { sessionId },
        reason,
        replanSessionId: sessionId,
        once: { scope: SESSION_UNFREEZE_SCOPE, key: submissionKey, content: { sessionId, reason } },
      },
      async (tx) => {
        const row = (await this.sessions.session(sessionId, tx))!;
        const reopen = unfreezeSession(row);
        if (!reopen.ok) throw new AgendaRefusal(reopen.code, reopen.message, undefined, 'conflict');
        await this.sessions.unfreeze(tx, sessionId);
        const fresh = await this.agenda.lock(tx, session.tableKey);
        return (await this.agenda.reallocate(tx, fresh)).moves;
      },
    );
  }
}
