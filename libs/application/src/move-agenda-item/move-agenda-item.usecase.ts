import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { acceptsItems, isFixed } from '@overlegtafels/domain';
import { AgendaRefusal, InputError } from '../errors';
import { AgendaItemMove } from '../agenda/agenda-notifier';
import { AgendaService } from '../agenda/agenda.service';
import { lifecycleOf } from '../agenda/session-lifecycle';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaItemRecord, AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import {
  checkMoveTarget,
  checkSingleTarget,
  MoveAgendaItemCommand,
  positionMessage,
  reorderedTo,
} from './move-agenda-item.command';
import { ofRegion } from '../region-fence/region-fence';

/** The ledger's scope of a move's one-time key. */
export const ITEM_MOVE_SCOPE = 'agenda-item-move';

/**
 * A coordinator moves an agendapunt up or down on its agenda, to a position on it (one step however
 * far), or to another session of the table
 * (also a frozen or full one). On an open agenda the move is a pin and the table is re-allocated;
 * on a fixed one the order changes in place, or the item joins at the end as a late item. One
 * press moves once: with the form's key (or the API's Idempotency-Key) a repeat — a reload, a
 * double click — moves nothing more (a step up pressed twice is one step).
 */
@Injectable()
export class MoveAgendaItemUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: CoordinatorChange,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'reallocate'>,
    @Inject(AgendaSessionRepository) private readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(AgendaItemRepository)
    private readonly items: Pick<
      AgendaItemRepository,
      'item' | 'activeItems' | 'acceptLate' | 'pinToSession' | 'pinAtPosition'
    >,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: MoveAgendaItemCommand): Promise<void> {
    const { actor, itemId } = input;
    checkMoveTarget(input);
    const item = await this.change.itemFor(actor, itemId, 'agenda.item.move');
    if (!item || !isToBeHeld(item)) {
      throw new AgendaRefusal(
        'ITEM_NOT_FOUND',
        'Agendapunt niet gevonden of niet meer te verplaatsen.',
        undefined,
        'not_found',
      );
    }
    checkSingleTarget(input);
    await this.change.run(
      {
        actor,
        tableKey: item.tableKey,
        dossierId: item.dossierId,
        action: 'agenda.item.move',
        details: {
          itemId,
          ...(input.sessionId && { sessionId: input.sessionId }),
          direction: input.direction ?? null,
          ...(input.position !== undefined && { position: input.position }),
        },
        // A repeat of the key moves, tells, audits and re-plans nothing (issue #15).
        once: {
          scope: ITEM_MOVE_SCOPE,
          ...(input.submissionKey && { key: input.submissionKey }),
          content: {
            itemId,
            reason: input.reason,
            direction: input.direction,
            sessionId: input.sessionId,
            position: input.position,
          },
        },
      },
      async (tx, state) => {
        const current = (await this.items.item(itemId, tx))!;
        const nowMs = this.clock.now().getTime();
        const override = { reason: input.reason, byPersonId: actor.personId };
        if (input.sessionId && input.sessionId !== current.sessionId) {
          const target = await this.sessions.session(input.sessionId, tx);
          if (!ofRegion(actor, target) || target.tableKey !== current.tableKey) {
            throw new InputError([
              { field: 'sessionId', code: 'UNKNOWN', message: 'Kies een zitting van dezelfde tafel.' },
            ]);
          }
          if (!acceptsItems(lifecycleOf(target), nowMs)) {
            throw new InputError([
              {
                field: 'sessionId',
                code: 'NOT_OPEN',
                message: 'Deze zitting is geannuleerd of al voorbij.',
              },
            ]);
          }
          if (isFixed(lifecycleOf(target), nowMs)) {
            // A late item accepted into a frozen or sent agenda: it joins at the end, the rest stays.
            const onTarget = await this.items.activeItems(tx, [target.id]);
            const last = onTarget.reduce<AgendaItemRecord | undefined>(
              (a, b) => (!a || b.position > a.position ? b : a),
              undefined,
            );
            const start = last?.slotEnd ?? target.startsAt;
            await this.items.acceptLate(
              tx,
              current.id,
              {
                sessionId: target.id,
                position: (last?.position ?? 0) + 1,
                slotStart: start,
                slotEnd: new Date(start.getTime() + current.durationMinutes * 60_000),
              },
              override,
            );
            const realloc = await this.agenda.reallocate(tx, state);
            return [
              {
                itemId: current.id,
                fromSessionId: current.sessionId,
                toSessionId: target.id,
                fromSlotStart: current.slotStart,
                toSlotStart: start,
              },
              ...realloc.moves,
            ];
          }
          await this.items.pinToSession(tx, current.id, target.id, override);
          const realloc = await this.agenda.reallocate(tx, state);
          return withMove(realloc.moves, current, target.id);
        }
        if (!input.direction && input.position === undefined) return [];
        const session = (await this.sessions.session(current.sessionId, tx))!;
        const items = (await this.items.activeItems(tx, [session.id])).sort(
          (a, b) => a.position - b.position,
        );
        const index = items.findIndex((i) => i.id === current.id);
        const position = input.position ?? (input.direction === 'up' ? index : index + 2);
        if (input.position !== undefined && input.position > items.length) {
          throw new InputError([
            { field: 'position', code: 'OUT_OF_RANGE', message: positionMessage(items.length) },
          ]);
        }
        if (position < 1 || position > items.length || position === index + 1) return [];
        const ordered = reorderedTo(items, index, position);
        if (isFixed(lifecycleOf(session), nowMs)) return this.change.resequence(tx, session, ordered);
        // On an open agenda each item whose place changes is pinned there (and an older pin that
        // would now point elsewhere follows); the others keep their place between them.
        for (const [i, item] of ordered.entries()) {
          const stalePin = item.pinnedPosition !== null && item.pinnedPosition !== i + 1;
          if (items[i]!.id !== item.id || stalePin)
            await this.items.pinAtPosition(tx, item.id, i + 1, override);
        }
        return (await this.agenda.reallocate(tx, state)).moves;
      },
    );
  }
}

/** Placed or rolled over: still on an agenda, not withdrawn or discussed. */
function isToBeHeld(item: AgendaItemRecord): boolean {
  return item.status === 'placed' || item.status === 'rolled_over';
}

function withMove(moves: AgendaItemMove[], item: AgendaItemRecord, toSessionId: string): AgendaItemMove[] {
  return moves.some((m) => m.itemId === item.id)
    ? moves
    : [
        ...moves,
        {
          itemId: item.id,
          fromSessionId: item.sessionId,
          toSessionId,
          fromSlotStart: item.slotStart,
          toSlotStart: item.slotStart,
        },
      ];
}
