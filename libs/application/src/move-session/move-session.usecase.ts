import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { CLOCK, Clock } from '@overlegtafels/config';
import { checkMoveTimes, isCancelled, moveSession, SessionLifecycleRefusal } from '@overlegtafels/domain';
import { AgendaRefusal, InputError } from '../errors';
import { AGENDA_NOTIFIER, AgendaItemMove, AgendaNotifier } from '../agenda/agenda-notifier';
import { AgendaService } from '../agenda/agenda.service';
import { lifecycleOf } from '../agenda/session-lifecycle';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { MoveSessionCommand } from './move-session.command';

/** The ledger's scope of a session move's one-time key. */
export const SESSION_MOVE_SCOPE = 'session-move';

/** The field a refused moment belongs to, with the codes the forms and the API know. */
function timesError(refusal: SessionLifecycleRefusal): InputError {
  return refusal.code === 'MOVE_IN_PAST'
    ? new InputError([{ field: 'date', code: 'IN_PAST', message: refusal.message }])
    : new InputError([{ field: 'end', code: 'INVALID', message: refusal.message }]);
}

/**
 * Moves a session that is neither cancelled nor held to another day (one without a session of
 * the table). A fixed agenda shifts with it in its order; an open one is re-allocated. Who holds
 * the session's invitation gets the new one; items carried to another session are told apart.
 * One press moves once: the same key again (a reload, a double click) moves, mails and audits
 * nothing more.
 */
@Injectable()
export class MoveSessionUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: CoordinatorChange,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'lock' | 'reallocate' | 'table'>,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'session' | 'moveSession'>,
    @Inject(AgendaItemRepository) private readonly items: Pick<AgendaItemRepository, 'activeItems'>,
    @Inject(AGENDA_NOTIFIER) private readonly notifier: Pick<AgendaNotifier, 'itemsMoved' | 'sessionMoved'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: MoveSessionCommand): Promise<void> {
    const { actor, sessionId, date, reason, submissionKey } = command;
    const session = await this.change.sessionFor(actor, sessionId, 'session.move');
    const zone = this.agenda.table(session.tableKey).timeZone;
    const startsAt = DateTime.fromISO(`${date}T${command.start}`, { zone });
    const endsAt = DateTime.fromISO(`${date}T${command.end}`, { zone });
    if (!startsAt.isValid) {
      throw new InputError([
        { field: 'start', code: 'INVALID', message: 'Beginuur bestaat niet op die dag.' },
      ]);
    }
    if (!endsAt.isValid) {
      throw new InputError([
        { field: 'end', code: 'INVALID', message: 'Het einduur moet na het beginuur liggen.' },
      ]);
    }
    const target = { startMs: startsAt.toMillis(), endMs: endsAt.toMillis() };
    const times = checkMoveTimes(target, this.clock.now().getTime());
    if (times) throw timesError(times);
    await this.change.run(
      {
        actor,
        tableKey: session.tableKey,
        action: 'session.move',
        details: { sessionId, date },
        reason,
        replanSessionId: sessionId,
        once: {
          scope: SESSION_MOVE_SCOPE,
          key: submissionKey,
          content: { sessionId, date, start: command.start, end: command.end, reason },
        },
      },
      async (tx, state) => {
        const row = (await this.sessions.session(sessionId, tx))!;
        const move = moveSession(lifecycleOf(row), target, this.clock.now().getTime());
        if (!move.ok) {
          if (move.code === 'SESSION_NOT_OPEN')
            throw new AgendaRefusal(move.code, move.message, undefined, 'conflict');
          throw timesError(move);
        }
        const clash = [...state.rowsByKey.values()].find(
          (r) =>
            r.id !== row.id &&
            !isCancelled(r) &&
            DateTime.fromJSDate(r.startsAt, { zone }).toISODate() === date,
        );
        if (clash) {
          throw new InputError([
            { field: 'date', code: 'CLASH', message: 'Op die dag is er al een zitting van deze tafel.' },
          ]);
        }
        await this.sessions.moveSession(
          tx,
          row.id,
          { startsAt: startsAt.toJSDate(), endsAt: endsAt.toJSDate(), reason },
          move,
        );
        const fresh = await this.agenda.lock(tx, state.table.key);
        let moves: AgendaItemMove[];
        if (move.keepsAgenda) {
          const items = (await this.items.activeItems(tx, [row.id])).sort((a, b) => a.position - b.position);
          moves = await this.change.resequence(tx, { id: row.id, startsAt: startsAt.toJSDate() }, items);
        } else {
          moves = (await this.agenda.reallocate(tx, fresh)).moves;
        }
        const carried = moves.filter((m) => m.fromSessionId !== m.toSessionId);
        const moved = carried.length > 0 ? await this.notifier.itemsMoved(tx, carried, reason) : [];
        // Slots that only shifted with the session are updated by the session's own notice.
        const notified = await this.notifier.sessionMoved(tx, row.id, reason);
        return { moves, notified: [...moved, ...notified], movesNotified: true };
      },
    );
  }
}
