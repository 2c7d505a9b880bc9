import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AgendaRepository, AuditRepository, Transaction } from '@overlegtafels/persistence';
import { CLOCK, Clock } from '@overlegtafels/config';
import { acceptsItems, cancelSession } from '@overlegtafels/domain';
import { AgendaRefusal, ClosePeriodSchema, InputError, MoveItemSchema, parseInput } from './agenda-input';
import { AgendaJobsPlanner } from '../agenda-mailing/agenda-jobs.planner';
import { AgendaMailDispatcher } from '../agenda-mailing/agenda-mail.dispatcher';
import { AGENDA_NOTIFIER, AgendaItemMove, AgendaNotifier } from './agenda-notifier';
import { AgendaService, isFixedSession, TableAgendaState } from './agenda.service';
import { ChangeResult, CoordinatorActor, CoordinatorChange } from '../coordinator/coordinator-change';
import {
  AgendaSessionRepository,
  SessionRecord as SessionRow,
} from '../ports/agenda-session.repository.port';
import {
  AgendaItemRecord as AgendaItemRow,
  AgendaItemRepository,
} from '../ports/agenda-item.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { dateOnly } from './dossier-state';
import { lifecycleOf } from './session-lifecycle';

export type { CoordinatorActor };

/**
 * What a coordinator does to a table's calendar and agendas. Every action takes a reason (kept in
 * the audit log, and on the row where the schema has room for it), runs under the table's lock,
 * re-allocates what follows from it and tells the mailing side who must hear about it.
 */
@Injectable()
export class CoordinatorAgendaUseCase {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaRepository) private readonly repo: AgendaRepository,
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(AgendaItemRepository) private readonly items: AgendaItemRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(AgendaMailDispatcher) private readonly mailDispatch: AgendaMailDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AGENDA_NOTIFIER) private readonly notifier: AgendaNotifier,
    @Inject(AgendaJobsPlanner) private readonly jobs: AgendaJobsPlanner,
    @Inject(CoordinatorChange) private readonly changes: CoordinatorChange,
  ) {}

  /** Up or down on its agenda, or to another session (also a frozen or full one: a late item). */
  async moveItem(actor: CoordinatorActor, itemId: string, body: unknown): Promise<void> {
    const input = parseInput(MoveItemSchema, body);
    if (!input.direction && !input.sessionId) {
      throw new InputError([
        { field: 'sessionId', code: 'REQUIRED', message: 'Kies een zitting of een richting.' },
      ]);
    }
    const item = await this.items.item(itemId);
    if (
      !item ||
      !this.coordinates(actor, item.tableKey) ||
      (item.status !== 'placed' && item.status !== 'rolled_over')
    ) {
      throw new AgendaRefusal(
        'ITEM_NOT_FOUND',
        'Agendapunt niet gevonden of niet meer te verplaatsen.',
        undefined,
        'not_found',
      );
    }
    await this.change(
      actor,
      item.tableKey,
      'agenda.item.move',
      { itemId, ...(input.sessionId && { sessionId: input.sessionId }), direction: input.direction ?? null },
      async (tx, state) => {
        const current = (await this.items.item(itemId, tx))!;
        const nowMs = this.clock.now().getTime();
        const override = { reason: input.reason, byPersonId: actor.personId };
        if (input.sessionId && input.sessionId !== current.sessionId) {
          const target = await this.sessions.session(input.sessionId, tx);
          if (!target || target.tableKey !== current.tableKey || target.regionId !== state.regionId) {
            throw new InputError([
              { field: 'sessionId', code: 'UNKNOWN', message: 'Kies een zitting van dezelfde tafel.' },
            ]);
          }
          if (!acceptsItems(lifecycleOf(target), nowMs)) {
            throw new InputError([
              { field: 'sessionId', code: 'NOT_OPEN', message: 'Deze zitting is geannuleerd of al voorbij.' },
            ]);
          }
          if (isFixedSession(target, nowMs)) {
            // A late item accepted into a frozen or sent agenda: it joins at the end, the rest stays.
            const onTarget = await this.items.activeItems(tx, [target.id]);
            const last = onTarget.reduce<AgendaItemRow | undefined>(
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
        if (!input.direction) return [];
        const session = (await this.sessions.session(current.sessionId, tx))!;
        const items = (await this.items.activeItems(tx, [session.id])).sort(
          (a, b) => a.position - b.position,
        );
        const index = items.findIndex((i) => i.id === current.id);
        const otherIndex = input.direction === 'up' ? index - 1 : index + 1;
        const other = items[otherIndex];
        if (!other) return [];
        if (isFixedSession(session, nowMs)) {
          [items[index], items[otherIndex]] = [other, current];
          return this.resequence(tx, session, items);
        }
        await this.items.pinAtPosition(tx, current.id, otherIndex + 1, override);
        await this.items.pinAtPosition(tx, other.id, index + 1, override);
        return (await this.agenda.reallocate(tx, state)).moves;
      },
    );
  }

  /** A period without sessions (e.g. the Christmas weeks), for one table or all of them. */
  async closePeriod(actor: CoordinatorActor, body: unknown): Promise<void> {
    const input = parseInput(ClosePeriodSchema, body);
    const tables = input.tableKey ? [input.tableKey] : this.agenda.region.tables.map((t) => t.key);
    for (const key of tables) {
      if (!this.agenda.region.tables.some((t) => t.key === key)) {
        throw new InputError([
          { field: 'tableKey', code: 'UNKNOWN', message: 'Kies een tafel uit de lijst.' },
        ]);
      }
      if (!this.coordinates(actor, key))
        throw new AgendaRefusal('FORBIDDEN', 'U coördineert deze tafel niet.', 'tableKey', 'not_found');
    }
    const now = this.clock.now();
    const mails: string[] = [];
    const cancelled: string[] = [];
    const replan: string[] = [];
    await this.uow.run(async (tx) => {
      const regionId = await this.repo.regionId(this.agenda.region.key);
      await this.repo.createClosedPeriod(tx, {
        regionId,
        tableKey: input.tableKey ?? null,
        fromDate: dateOnly(input.from),
        toDate: dateOnly(input.to),
        reason: input.reason,
        createdById: actor.personId,
      });
      for (const key of tables) {
        const state = await this.agenda.lock(tx, key);
        const zone = state.table.timeZone;
        const fromMs = DateTime.fromISO(input.from, { zone }).toMillis();
        const toMs = DateTime.fromISO(input.to, { zone }).plus({ days: 1 }).toMillis();
        for (const session of this.agenda.generated(state, fromMs, toMs)) {
          const row = state.rowsByKey.get(session.key);
          const cancel = row && cancelSession(lifecycleOf(row), now.getTime());
          if (!row || !cancel?.ok || !cancel.changed) continue;
          await this.sessions.cancelSession(tx, row.id, input.reason, now, cancel);
          await this.unpinAll(tx, row.id);
          cancelled.push(row.id);
          replan.push(row.id);
        }
        const fresh = await this.agenda.lock(tx, key);
        const realloc = await this.agenda.reallocate(tx, fresh);
        if (realloc.moves.length > 0)
          mails.push(...(await this.notifier.itemsMoved(tx, realloc.moves, input.reason)));
        await this.followUp(tx, key, realloc.moves, true);
        for (const id of cancelled.splice(0))
          mails.push(...(await this.notifier.sessionCancelled(tx, id, input.reason)));
      }
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'closed-period.create',
          entityType: 'closed_period',
          entityId: null,
          outcome: 'allowed',
          route: actor.route,
          details: { from: input.from, to: input.to, tableKey: input.tableKey ?? null },
        },
        now,
        tx,
      );
    });
    await this.mailDispatch.dispatch(mails);
    for (const id of replan) await this.jobs.planSession(id);
  }

  private followUp(
    tx: Transaction,
    tableKey: string,
    moves: readonly AgendaItemMove[],
    calendar: boolean,
  ): Promise<void> {
    return this.changes.followUp(tx, tableKey, moves, calendar);
  }

  private coordinates(actor: CoordinatorActor, tableKey: string): boolean {
    return this.changes.coordinates(actor, tableKey);
  }

  private sessionFor(actor: CoordinatorActor, sessionId: string): Promise<SessionRow> {
    return this.changes.sessionFor(actor, sessionId);
  }

  private unpinAll(tx: Transaction, sessionId: string): Promise<void> {
    return this.changes.unpinAll(tx, sessionId);
  }

  private resequence(
    tx: Transaction,
    session: Pick<SessionRow, 'id' | 'startsAt'>,
    ordered: readonly AgendaItemRow[],
  ): Promise<AgendaItemMove[]> {
    return this.changes.resequence(tx, session, ordered);
  }

  private change(
    actor: CoordinatorActor,
    tableKey: string,
    action: string,
    details: Record<string, string | number | boolean | null>,
    work: (tx: Transaction, state: TableAgendaState) => Promise<ChangeResult>,
    reason?: string,
    replanSessionId?: string,
  ): Promise<void> {
    return this.changes.run(
      {
        actor,
        tableKey,
        action,
        details,
        ...(reason !== undefined && { reason }),
        ...(replanSessionId !== undefined && { replanSessionId }),
      },
      work,
    );
  }
}

function withMove(moves: AgendaItemMove[], item: AgendaItemRow, toSessionId: string): AgendaItemMove[] {
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
