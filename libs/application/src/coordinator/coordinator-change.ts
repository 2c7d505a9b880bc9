import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AuditLog } from '../ports/audit-log.port';
import { AgendaRefusal } from '../errors';
import { AGENDA_NOTIFIER, AgendaItemMove, AgendaNotifier } from '../agenda/agenda-notifier';
import { AgendaService, TableAgendaState } from '../agenda/agenda.service';
import { Actor } from '../agenda/agenda-views';
import { AgendaJobsPlanner } from '../agenda-mailing/agenda-jobs.planner';
import { AgendaMailDispatcher } from '../agenda-mailing/agenda-mail.dispatcher';
import { AgendaItemRecord, AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { AgendaSessionRepository, SessionRecord } from '../ports/agenda-session.repository.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { withinRegion } from '../region-fence/region-fence';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface CoordinatorActor extends Actor {
  /** The tables this person coordinates ('all' for a region-wide coordinator). */
  readonly coordinatorTables: readonly string[] | 'all';
}

/** What the work of a change did: the moves, and the outbox ids when it already told people. */
export type ChangeResult =
  AgendaItemMove[] | { moves: AgendaItemMove[]; notified: string[]; movesNotified: boolean };

export interface ChangeSpec {
  readonly actor: CoordinatorActor;
  readonly tableKey: string;
  /** The audit action; `session.*` actions change the calendar. */
  readonly action: string;
  readonly details: Record<string, string | number | boolean | null>;
  /** The dossier an item change is about: every item event names it (issue #17, audit). */
  readonly dossierId?: string;
  /** The coordinator's reason, passed to whoever hears about moved items. */
  readonly reason?: string;
  /** A session whose freeze and send jobs must be planned again after the commit. */
  readonly replanSessionId?: string;
  /**
   * The change made once per submission key (issue #15): a repeat of the key — a reload, a double
   * click, a retried API call — changes, audits, mails and re-plans nothing, and answers as the first.
   */
  readonly once?: {
    /** The ledger's scope: one per kind of change. */
    readonly scope: string;
    /** The form's one-time key or the API's Idempotency-Key; without one the change simply runs. */
    readonly key?: string;
    /** What was sent: the same key with other content is refused (409). */
    readonly content: unknown;
  };
}

/** What a change answers: whether it was the repeat of a submission key, which changed nothing. */
export interface ChangeOutcome {
  readonly repeated: boolean;
}

/**
 * What every coordinator command shares: who coordinates what, and one change as a unit — take
 * the table's lock, do the work, tell the notifier about moved items, let obligations follow,
 * audit, commit, then hand the outbox rows to the mailer and re-plan the session's jobs.
 */
@Injectable()
export class CoordinatorChange {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'lock'>,
    @Inject(AgendaSessionRepository) private readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(AgendaItemRepository)
    private readonly items: Pick<AgendaItemRepository, 'item' | 'activeItems' | 'unpin' | 'reslot'>,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(AGENDA_NOTIFIER) private readonly notifier: Pick<AgendaNotifier, 'itemsMoved'>,
    @Inject(AgendaMailDispatcher) private readonly mailDispatch: Pick<AgendaMailDispatcher, 'dispatch'>,
    @Inject(AgendaJobsPlanner) private readonly jobs: Pick<AgendaJobsPlanner, 'planSession'>,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
  ) {}

  coordinates(actor: CoordinatorActor, tableKey: string): boolean {
    return actor.coordinatorTables === 'all' || actor.coordinatorTables.includes(tableKey);
  }

  /**
   * The agenda item, if its session is of the actor's region and on a table they coordinate; else
   * undefined (the caller answers "not found", as for any item the actor may not know of).
   */
  async itemFor(
    actor: CoordinatorActor,
    itemId: string,
    action = 'agenda-item.change',
  ): Promise<AgendaItemRecord | undefined> {
    const item = await this.items.item(itemId);
    if (!item) return undefined;
    const session = await withinRegion(
      this.audit,
      actor,
      await this.sessions.session(item.sessionId),
      { action, entityType: 'agenda_item', entityId: item.id, dossierId: item.dossierId },
      this.clock.now(),
    );
    return session && this.coordinates(actor, item.tableKey) ? item : undefined;
  }

  /** The session, if it is of the actor's region and on a table they coordinate; else not found. */
  async sessionFor(
    actor: CoordinatorActor,
    sessionId: string,
    action = 'session.change',
  ): Promise<SessionRecord> {
    const session = await withinRegion(
      this.audit,
      actor,
      await this.sessions.session(sessionId),
      { action, entityType: 'session', entityId: sessionId },
      this.clock.now(),
    );
    if (!session || !this.coordinates(actor, session.tableKey)) {
      throw new AgendaRefusal('SESSION_NOT_FOUND', 'Zitting niet gevonden.', undefined, 'not_found');
    }
    return session;
  }

  /** A cancelled session's items lose their pins: re-allocation carries them on freely. */
  async unpinAll(tx: Transaction, sessionId: string): Promise<void> {
    for (const item of await this.items.activeItems(tx, [sessionId])) {
      if (item.pinned) await this.items.unpin(tx, item.id);
    }
  }

  /** Slots back to back from the session's start, in the given order (a fixed agenda). */
  async resequence(
    tx: Transaction,
    session: Pick<SessionRecord, 'id' | 'startsAt'>,
    ordered: readonly AgendaItemRecord[],
  ): Promise<AgendaItemMove[]> {
    const moves: AgendaItemMove[] = [];
    let start = session.startsAt.getTime();
    for (const [i, item] of ordered.entries()) {
      const slotStart = new Date(start);
      start += item.durationMinutes * 60_000;
      if (item.position === i + 1 && item.slotStart?.getTime() === slotStart.getTime()) continue;
      await this.items.reslot(tx, item.id, { position: i + 1, slotStart, slotEnd: new Date(start) });
      if (item.slotStart?.getTime() !== slotStart.getTime()) {
        moves.push({
          itemId: item.id,
          fromSessionId: item.sessionId,
          toSessionId: session.id,
          fromSlotStart: item.slotStart,
          toSlotStart: slotStart,
        });
      }
    }
    return moves;
  }

  /** Follow-up obligations hang on items and sessions: let them follow the change. */
  async followUp(
    tx: Transaction,
    tableKey: string,
    moves: readonly AgendaItemMove[],
    calendar: boolean,
  ): Promise<void> {
    const dossierIds = new Set<string>();
    for (const move of moves) {
      const item = await this.items.item(move.itemId, tx);
      if (item) dossierIds.add(item.dossierId);
    }
    if (calendar) await this.dossierChanged.calendarChanged(tx, tableKey);
    for (const id of dossierIds) await this.dossierChanged.dossierChanged(tx, id);
  }

  /**
   * One coordinator action: lock, work, notify, follow up, audit, commit, dispatch, re-plan — or,
   * for a repeated submission key, nothing but the first answer.
   */
  async run(
    spec: ChangeSpec,
    work: (tx: Transaction, state: TableAgendaState) => Promise<ChangeResult>,
  ): Promise<ChangeOutcome> {
    const { actor, tableKey, action, details } = spec;
    const calendar = action.startsWith('session');
    const { result, repeated } = await this.uow.run(async (tx) => {
      const state = await this.agenda.lock(tx, tableKey);
      const change = async (): Promise<string[]> => {
        const done = await work(tx, state);
        const { moves, notified, movesNotified } = Array.isArray(done)
          ? { moves: done, notified: [], movesNotified: false }
          : done;
        const movedIds =
          !movesNotified && moves.length > 0
            ? await this.notifier.itemsMoved(tx, moves, spec.reason ?? null)
            : [];
        await this.followUp(tx, tableKey, moves, calendar);
        await this.audit.append(
          {
            actorPersonId: actor.personId,
            action,
            entityType: calendar ? 'session' : 'agenda_item',
            entityId: (details.itemId ?? details.sessionId ?? null) as string | null,
            ...(spec.dossierId && { dossierId: spec.dossierId }),
            outcome: 'allowed',
            route: actor.route,
            details: { ...details, tableKey, moved: moves.length },
          },
          this.clock.now(),
          tx,
        );
        return [...notified, ...movedIds];
      };
      if (!spec.once) return { result: await change(), repeated: false };
      return this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: spec.once.scope,
          ...(spec.once.key && { key: spec.once.key }),
          content: spec.once.content,
          at: this.clock.now(),
        },
        change,
      );
    });
    if (repeated) return { repeated };
    await this.mailDispatch.dispatch(result);
    if (spec.replanSessionId) await this.jobs.planSession(spec.replanSessionId);
    return { repeated };
  }
}
