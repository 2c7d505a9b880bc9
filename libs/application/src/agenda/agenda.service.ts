import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  AgendaItemInput,
  allocateItems,
  CalendarState,
  generateSessions,
  isCancelled,
  keepsItemsOnReallocation,
  Session,
  TableDefinition,
} from '@overlegtafels/domain';
import { CLOCK, Clock } from '@overlegtafels/config';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import { AgendaItemMove } from './agenda-notifier';
import { lifecycleOf } from './session-lifecycle';
import { AgendaSessionRepository, SessionRecord } from '../ports/agenda-session.repository.port';
import { AgendaItemRecord, AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { CalendarStateRepository } from '../ports/calendar-state.port';
import { RegionRepository } from '../ports/region.repository.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';

/** How far ahead the agenda is kept allocated; far beyond any realistic queue of items. */
export const AGENDA_HORIZON_DAYS = 400;
const DAY_MS = 86_400_000;

export interface TableAgendaState {
  readonly table: TableDefinition;
  readonly regionId: string;
  readonly calendar: CalendarState;
  /** Rows by session key (`<table>:<scheduled date>`). */
  readonly rowsByKey: Map<string, SessionRecord>;
  readonly keyOfRow: (row: SessionRecord) => string;
}

export interface Reallocation {
  readonly moves: AgendaItemMove[];
  /** Items that found no session within the horizon (only a new item can end up here). */
  readonly unallocated: string[];
  /** Session rows created or changed. */
  readonly sessionIds: string[];
}

/**
 * Keeps a table's agenda allocated: which session each agendapunt is on, its place and its slot.
 * The rules are the domain's (allocateItems); this is where they meet the stored rows. Every
 * change runs under the table's advisory lock, inside the caller's transaction, so fifty
 * submissions at once are placed one after the other and none is lost or placed twice.
 *
 * Sessions whose agenda is frozen, sent or held (or that have started) are fixed: their items are
 * not moved by re-allocation. Everything after them is re-allocated from the stored items, in
 * arrival order, with the coordinators' pins.
 */
@Injectable()
export class AgendaService {
  constructor(
    @Inject(AgendaSessionRepository) private readonly sessionRows: AgendaSessionRepository,
    @Inject(AgendaItemRepository) private readonly items: AgendaItemRepository,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(TableCalendarService) private readonly tables: TableCalendarService,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get region() {
    return this.tables.region;
  }

  table(key: string): TableDefinition {
    return this.tables.table(key);
  }

  keyOf(table: TableDefinition, scheduledStart: Date): string {
    return `${table.key}:${DateTime.fromJSDate(scheduledStart, { zone: table.timeZone }).toISODate()}`;
  }

  /** Takes the table's lock and reads its calendar and session rows inside `tx`. */
  async lock(tx: Transaction, tableKey: string): Promise<TableAgendaState> {
    const table = this.table(tableKey);
    const regionId = await this.regions.idOf(this.region.key, tx);
    await this.sessionRows.lockTable(tx, regionId, table.key);
    return this.load(tx, table, regionId);
  }

  private async load(
    tx: Transaction | undefined,
    table: TableDefinition,
    regionId: string,
  ): Promise<TableAgendaState> {
    const calendar = await this.calendars.forTable(this.region.key, table.key, table.timeZone, tx);
    // Rows from a week back: older sessions are held and fixed, and re-reading a table's whole
    // history on every change would grow with the years.
    const since = new Date(this.clock.now().getTime() - 7 * DAY_MS);
    const rows = await this.sessionRows.sessionsOf(tx, regionId, table.key, since);
    const keyOfRow = (row: SessionRecord) => this.keyOf(table, row.scheduledStart);
    return { table, regionId, calendar, rowsByKey: new Map(rows.map((r) => [keyOfRow(r), r])), keyOfRow };
  }

  /** The table's sessions from `fromMs` for the horizon, cancelled ones included. */
  generated(
    state: TableAgendaState,
    fromMs: number,
    toMs = fromMs + AGENDA_HORIZON_DAYS * DAY_MS,
  ): Session[] {
    return generateSessions(state.table, { fromMs, toMs }, state.calendar);
  }

  /** The row of a generated session, created when it does not exist yet. */
  async ensureRow(tx: Transaction, state: TableAgendaState, session: Session): Promise<SessionRecord> {
    const existing = state.rowsByKey.get(session.key);
    if (existing) return existing;
    const row = await this.sessionRows.createSession(tx, {
      regionId: state.regionId,
      tableKey: state.table.key,
      // Only sessions that were never moved lack a row, so the scheduled start is the start.
      scheduledStart: new Date(session.startMs),
      startsAt: new Date(session.startMs),
      endsAt: new Date(session.endMs),
      ...(isCancelled(session) ? { cancelled: { reason: session.cancellation?.reason ?? null } } : {}),
    });
    state.rowsByKey.set(session.key, row);
    return row;
  }

  /**
   * Creates the rows of the open sessions that start in [fromMs, toMs); returns all of them.
   * Reads first without the table's lock: once the rows exist (the worker's planning makes those
   * of the coming weeks), a page view or a planning run writes nothing and waits for no one.
   */
  async materializeSessions(
    tableKey: string,
    fromMs: number,
    toMs: number,
    options: { withCancelled?: boolean } = {},
  ): Promise<SessionRecord[]> {
    return (await this.materializeWithCalendar(tableKey, fromMs, toMs, options)).rows;
  }

  /**
   * The same, with the table's calendar the sessions were generated from: a page that summarises
   * the rows uses it rather than reading the calendar (every cancelled or moved session of the
   * table's history) once more (issue #18).
   */
  async materializeWithCalendar(
    tableKey: string,
    fromMs: number,
    toMs: number,
    options: { withCancelled?: boolean } = {},
  ): Promise<{
    rows: SessionRecord[];
    calendar: CalendarState;
    regionId: string;
    /** Every row of the table from a week back, as read (and made): a page needs not read them again. */
    known: SessionRecord[];
  }> {
    const table = this.table(tableKey);
    const regionId = await this.regions.idOf(this.region.key);
    const all = options.withCancelled === true;
    // Plain reads, no transaction: a row made meanwhile is found again under the lock below.
    const read = await this.load(undefined, table, regionId);
    const present = this.rowsIn(read, fromMs, toMs, all);
    if (present.every((row) => row !== undefined))
      return {
        rows: present as SessionRecord[],
        calendar: read.calendar,
        regionId,
        known: [...read.rowsByKey.values()],
      };
    return this.unitOfWork.run(async (tx) => {
      const state = await this.lock(tx, tableKey);
      const rows: SessionRecord[] = [];
      for (const session of this.sessionsToKeep(state, fromMs, toMs, all)) {
        rows.push(await this.ensureRow(tx, state, session));
      }
      return { rows, calendar: state.calendar, regionId, known: [...state.rowsByKey.values()] };
    });
  }

  /**
   * Generated sessions that have (or must get) a row: cancelled ones only when they have one, or
   * all of them with `all` (a calendar shows a zitting cancelled for a holiday as cancelled).
   */
  private sessionsToKeep(state: TableAgendaState, fromMs: number, toMs: number, all = false): Session[] {
    return this.generated(state, fromMs, toMs).filter(
      (session) => all || !isCancelled(session) || state.rowsByKey.has(session.key),
    );
  }

  /** The row of each session to keep; undefined where one is missing. */
  private rowsIn(
    state: TableAgendaState,
    fromMs: number,
    toMs: number,
    all = false,
  ): (SessionRecord | undefined)[] {
    return this.sessionsToKeep(state, fromMs, toMs, all).map((session) => state.rowsByKey.get(session.key));
  }

  /**
   * Re-allocates every item on the table's sessions that are not fixed. Call it, under the lock,
   * after any change: a new item, a pin, a cancellation, a move, a capacity change.
   */
  async reallocate(tx: Transaction, state: TableAgendaState): Promise<Reallocation> {
    const nowMs = this.clock.now().getTime();
    const fixedRowIds = new Set<string>();
    const openRows: SessionRecord[] = [];
    for (const row of state.rowsByKey.values()) {
      if (keepsItemsOnReallocation(lifecycleOf(row), nowMs)) fixedRowIds.add(row.id);
      else openRows.push(row);
    }
    const items = await this.items.activeItems(
      tx,
      openRows.map((r) => r.id),
    );
    const rowById = new Map([...state.rowsByKey.values()].map((r) => [r.id, r]));
    const sessions = this.generated(state, nowMs).filter((s) => {
      const row = state.rowsByKey.get(s.key);
      return !row || !fixedRowIds.has(row.id);
    });
    const sessionKeys = new Set(sessions.map((s) => s.key));

    const inputs: AgendaItemInput[] = items.map((item) => {
      const row = rowById.get(item.sessionId);
      const pinKey = row ? state.keyOfRow(row) : undefined;
      const pinned = item.pinned && pinKey !== undefined && sessionKeys.has(pinKey);
      return {
        id: item.id,
        type: item.itemType,
        submittedAtMs: item.submittedAt.getTime(),
        durationMinutes: item.durationMinutes,
        ...(pinned && {
          override: {
            sessionKey: pinKey,
            ...(item.pinnedPosition !== null && { position: item.pinnedPosition }),
            reason: item.overrideReason ?? 'vastgezet door de coördinator',
          },
        }),
      };
    });
    const result = allocateItems(state.table, sessions, inputs);

    const byId = new Map(items.map((i) => [i.id, i]));
    const moves: AgendaItemMove[] = [];
    const touchedSessions = new Set<string>();
    for (const agenda of result.agendas) {
      if (agenda.items.length === 0) continue;
      const row = await this.ensureRow(tx, state, agenda.session);
      for (const slot of agenda.items) {
        const item = byId.get(slot.itemId) as AgendaItemRecord;
        const carriedFrom = slot.carriedOver
          ? state.rowsByKey.get(slot.carriedOver.fromSessionKey)
          : undefined;
        const keptOrigin =
          item.originalSessionId &&
          item.originalSessionId !== row.id &&
          // An origin older than the rows read is long past, so fixed as well.
          (fixedRowIds.has(item.originalSessionId) || !rowById.has(item.originalSessionId))
            ? item.originalSessionId
            : null;
        const originalSessionId = carriedFrom?.id ?? keptOrigin;
        const status = originalSessionId || slot.carriedOver ? 'rolled_over' : 'placed';
        const slotStart = new Date(slot.slotStartMs);
        const slotEnd = new Date(slot.slotEndMs);
        const pinLost = item.pinned && !slot.override;
        if (
          item.sessionId === row.id &&
          item.position === slot.position &&
          item.slotStart?.getTime() === slot.slotStartMs &&
          item.slotEnd?.getTime() === slot.slotEndMs &&
          item.status === status &&
          item.originalSessionId === originalSessionId &&
          !pinLost
        ) {
          continue;
        }
        await this.items.place(tx, item.id, {
          sessionId: row.id,
          position: slot.position,
          slotStart,
          slotEnd,
          rolledOver: status === 'rolled_over',
          originalSessionId,
          dropPin: pinLost,
        });
        touchedSessions.add(row.id);
        touchedSessions.add(item.sessionId);
        if (item.sessionId !== row.id || item.slotStart?.getTime() !== slot.slotStartMs) {
          moves.push({
            itemId: item.id,
            fromSessionId: item.sessionId,
            toSessionId: row.id,
            fromSlotStart: item.slotStart,
            toSlotStart: slotStart,
          });
        }
      }
    }
    return {
      moves,
      unallocated: result.unallocated.map((u) => u.itemId),
      sessionIds: [...touchedSessions],
    };
  }
}
