import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { cancelSession } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { AGENDA_NOTIFIER, AgendaNotifier } from '../agenda/agenda-notifier';
import { AgendaService } from '../agenda/agenda.service';
import { lifecycleOf } from '../agenda/session-lifecycle';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { CancelSessionCommand } from './cancel-session.command';

/** The ledger's scope of a cancellation's one-time key. */
export const SESSION_CANCEL_SCOPE = 'session-cancel';

/**
 * Cancels a session that has not started: its items lose their pins and are carried on to the
 * next sessions (those people hear where they went), and everyone invited hears of the
 * cancellation. Cancelling a cancelled session changes nothing; a started or held one is refused.
 * One press cancels once: the same key again audits, mails and re-plans nothing more.
 */
@Injectable()
export class CancelSessionUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: CoordinatorChange,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'lock' | 'reallocate'>,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'session' | 'cancelSession'>,
    @Inject(AGENDA_NOTIFIER)
    private readonly notifier: Pick<AgendaNotifier, 'itemsMoved' | 'sessionCancelled'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, sessionId, reason, submissionKey }: CancelSessionCommand): Promise<void> {
    const session = await this.change.sessionFor(actor, sessionId, 'session.cancel');
    await this.change.run(
      {
        actor,
        tableKey: session.tableKey,
        action: 'session.cancel',
        details: { sessionId },
        reason,
        replanSessionId: sessionId,
        once: { scope: SESSION_CANCEL_SCOPE, key: submissionKey, content: { sessionId, reason } },
      },
      async (tx, state) => {
        const row = (await this.sessions.session(sessionId, tx))!;
        const now = this.clock.now();
        const cancel = cancelSession(lifecycleOf(row), now.getTime());
        if (!cancel.ok) throw new AgendaRefusal(cancel.code, cancel.message, undefined, 'conflict');
        if (!cancel.changed) return [];
        await this.sessions.cancelSession(tx, row.id, reason, now, cancel);
        await this.change.unpinAll(tx, row.id);
        const fresh = await this.agenda.lock(tx, state.table.key);
        const realloc = await this.agenda.reallocate(tx, fresh);
        // The items carried on hear where they went; then everyone invited hears of the cancellation.
        const moved =
          realloc.moves.length > 0 ? await this.notifier.itemsMoved(tx, realloc.moves, reason) : [];
        const notified = await this.notifier.sessionCancelled(tx, row.id, reason);
        return { moves: realloc.moves, notified: [...moved, ...notified], movesNotified: true };
      },
    );
  }
}
