import {
  InvalidAllocationInputError,
  InvalidInstantError,
  OverrideReasonRequiredError,
} from '../errors/domain.error';
import { compareSessions } from '../sessions/session-calendar.policy';
import { Instant, Session } from '../sessions/session.model';
import { TableDefinition } from '../tables/table-definition.model';
import { TableSchedule } from '../tables/table-schedule.policy';
import { MS_PER_MINUTE } from '../time/local-date.util';

/** A coordinator's decision about one agendapunt; the reason is required and is kept. */
export interface CoordinatorOverride {
  /** The session the item must be in, even when it is full or its deadline has passed. */
  readonly sessionKey: string;
  /** 1-based place on that session's agenda; without it the item keeps its place by arrival. */
  readonly position?: number;
  readonly reason: string;
}

export interface AgendaItemInput {
  readonly id: string;
  readonly type: string;
  readonly submittedAtMs: Instant;
  /** Overrides the item type's default duration (e.g. a long Ronde Tafel question). */
  readonly durationMinutes?: number;
  readonly override?: CoordinatorOverride;
}

export type CarryCode = 'SESSION_FULL' | 'SESSION_CANCELLED';

export interface SlotAllocation {
  readonly itemId: string;
  readonly type: string;
  readonly sessionKey: string;
  /** 1-based place on the agenda. */
  readonly position: number;
  readonly slotStartMs: Instant;
  readonly slotEndMs: Instant;
  readonly durationMinutes: number;
  /** The session the deadline rule gives the item, if any session in the input qualifies. */
  readonly nominalSessionKey?: string;
  /** Set when the item sits on a later session because its own was full or cancelled. */
  readonly carriedOver?: { readonly fromSessionKey: string; readonly code: CarryCode };
  /** Submitted at or after this session's deadline: only possible through an override. */
  readonly late: boolean;
  /** The slot ends past the session's capacity: only possible through an override. */
  readonly beyondCapacity: boolean;
  readonly override?: CoordinatorOverride;
}

export interface SessionAgenda {
  readonly session: Session;
  /** In agenda order. */
  readonly items: readonly SlotAllocation[];
  readonly usedMinutes: number;
}

export interface UnallocatedItem {
  readonly itemId: string;
  /** SESSION_FULL: every later session in the input was full too; NO_SESSION_IN_RANGE: none qualified. */
  readonly code: 'NO_SESSION_IN_RANGE' | 'SESSION_FULL' | 'UNKNOWN_ITEM_TYPE';
  readonly carriedOver?: { readonly fromSessionKey: string; readonly code: CarryCode };
}

/** An override that could not be honoured as asked; the item was handled as described by `code`. */
export interface OverrideNotice {
  readonly itemId: string;
  /** The target session is cancelled: the item rolls over to the next open session. */
  readonly code: 'SESSION_CANCELLED';
  readonly sessionKey: string;
}

export interface AllocationResult {
  /** One per input session, chronological; cancelled sessions have no items. */
  readonly agendas: readonly SessionAgenda[];
  readonly unallocated: readonly UnallocatedItem[];
  readonly overrideNotices: readonly OverrideNotice[];
}

interface Entry {
  readonly item: AgendaItemInput;
  readonly arrival: number;
  readonly durationMinutes: number;
  readonly pinned: boolean;
  readonly nominalSessionKey?: string;
  carriedOver?: { fromSessionKey: string; code: CarryCode };
}

/**
 * Puts agendapunten on sessions and gives each a slot. The rules, in the order they apply:
 *
 * - An item's own session is the first session (by start, cancelled ones included) whose deadline
 *   is strictly after its submission.
 * - A session's agenda is: first the items carried over from earlier sessions (overflow and
 *   roll-over from cancelled sessions, in the order they were carried), then its own items in
 *   arrival order (submission time; equal times keep input order). Items a coordinator gave a
 *   position take that place.
 * - Slots run back to back from the session start. Once an item does not fit in the remaining
 *   minutes, it and every later item move on, so nobody overtakes an earlier arrival. An item
 *   longer than the whole session cannot block the queue; it waits for a session large enough.
 * - Items pinned by a coordinator always stay in their session; they take their minutes before the
 *   others, so a pin into a full session pushes the last unpinned items on. If pins alone exceed
 *   the capacity, the slots run past it and are flagged `beyondCapacity`.
 * - Items of a cancelled session, and pins into one, roll over to the next open session, ahead of
 *   its own items.
 *
 * Pure: the application passes the sessions (from generateSessions with the calendar state) and
 * every item still to be held, and stores the result.
 */
export function allocateItems(
  table: TableDefinition,
  sessions: readonly Session[],
  items: readonly AgendaItemInput[],
): AllocationResult {
  const schedule = TableSchedule.of(table);
  const ordered = [...sessions].sort(compareSessions);
  const indexByKey = new Map<string, number>();
  ordered.forEach((session, i) => {
    if (session.tableKey !== schedule.key) {
      throw new InvalidAllocationInputError(
        `session ${session.key} is not a session of table ${schedule.key}`,
      );
    }
    if (indexByKey.has(session.key))
      throw new InvalidAllocationInputError(`session ${session.key} is given twice`);
    indexByKey.set(session.key, i);
  });

  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new InvalidAllocationInputError(`agendapunt "${item.id}" is given twice`);
    seen.add(item.id);
    if (typeof item.submittedAtMs !== 'number' || !Number.isFinite(item.submittedAtMs)) {
      throw new InvalidInstantError(`submittedAtMs of agendapunt "${item.id}"`, item.submittedAtMs);
    }
    if (
      item.durationMinutes !== undefined &&
      (!Number.isInteger(item.durationMinutes) || item.durationMinutes <= 0)
    ) {
      throw new InvalidAllocationInputError(
        `agendapunt "${item.id}": durationMinutes must be a positive whole number`,
      );
    }
    const override = item.override;
    if (override) {
      if (typeof override.reason !== 'string' || override.reason.trim() === '') {
        throw new OverrideReasonRequiredError(item.id);
      }
      if (!indexByKey.has(override.sessionKey)) {
        throw new InvalidAllocationInputError(
          `agendapunt "${item.id}" is put on session ${override.sessionKey}, which is not among the sessions given`,
        );
      }
      if (
        override.position !== undefined &&
        (!Number.isInteger(override.position) || override.position < 1)
      ) {
        throw new InvalidAllocationInputError(
          `agendapunt "${item.id}": position must be a whole number from 1`,
        );
      }
    }
  }

  const byArrival = items
    .map((item, inputIndex) => ({ item, inputIndex }))
    .sort((a, b) => a.item.submittedAtMs - b.item.submittedAtMs || a.inputIndex - b.inputIndex);

  const arrivals: Entry[][] = ordered.map(() => []);
  const positioned: Entry[][] = ordered.map(() => []);
  const unallocated: UnallocatedItem[] = [];
  const overrideNotices: OverrideNotice[] = [];

  byArrival.forEach(({ item }, arrival) => {
    const type = schedule.itemType(item.type);
    if (!type) {
      unallocated.push({ itemId: item.id, code: 'UNKNOWN_ITEM_TYPE' });
      return;
    }
    const nominal = firstWithDeadlineAfter(ordered, item.submittedAtMs);
    const base = {
      item,
      arrival,
      durationMinutes: item.durationMinutes ?? type.durationMinutes,
      ...(nominal !== undefined && { nominalSessionKey: (ordered[nominal] as Session).key }),
    };
    const override = item.override;
    if (override) {
      const target = indexByKey.get(override.sessionKey) as number;
      if ((ordered[target] as Session).status === 'cancelled') {
        overrideNotices.push({ itemId: item.id, code: 'SESSION_CANCELLED', sessionKey: override.sessionKey });
        (arrivals[target] as Entry[]).push({ ...base, pinned: false });
      } else if (override.position !== undefined) {
        (positioned[target] as Entry[]).push({ ...base, pinned: true });
      } else {
        (arrivals[target] as Entry[]).push({ ...base, pinned: true });
      }
      return;
    }
    if (nominal === undefined) {
      unallocated.push({ itemId: item.id, code: 'NO_SESSION_IN_RANGE' });
      return;
    }
    (arrivals[nominal] as Entry[]).push({ ...base, pinned: false });
  });

  let carry: Entry[] = [];
  const agendas: SessionAgenda[] = ordered.map((session, i) => {
    const own = arrivals[i] as Entry[];
    if (session.status === 'cancelled') {
      for (const entry of own) entry.carriedOver = { fromSessionKey: session.key, code: 'SESSION_CANCELLED' };
      carry = [...carry, ...own];
      return { session, items: [], usedMinutes: 0 };
    }
    const queue = [...carry, ...own];
    const fixed = [...(positioned[i] as Entry[])].sort(
      (a, b) =>
        (a.item.override?.position as number) - (b.item.override?.position as number) ||
        a.arrival - b.arrival,
    );
    for (const entry of fixed) {
      queue.splice(Math.min((entry.item.override?.position as number) - 1, queue.length), 0, entry);
    }

    const capacity = session.capacityMinutes;
    const reserved = queue.reduce((sum, e) => sum + (e.pinned ? e.durationMinutes : 0), 0);
    let unpinnedUsed = 0;
    let blocked = false;
    const admitted: Entry[] = [];
    const overflow: Entry[] = [];
    for (const entry of queue) {
      if (entry.pinned) {
        admitted.push(entry);
      } else if (!blocked && reserved + unpinnedUsed + entry.durationMinutes <= capacity) {
        admitted.push(entry);
        unpinnedUsed += entry.durationMinutes;
      } else {
        if (entry.durationMinutes <= capacity) blocked = true;
        entry.carriedOver ??= { fromSessionKey: session.key, code: 'SESSION_FULL' };
        overflow.push(entry);
      }
    }
    carry = overflow;

    let minutes = 0;
    const allocations = admitted.map((entry, k): SlotAllocation => {
      const slotStartMs = session.startMs + minutes * MS_PER_MINUTE;
      minutes += entry.durationMinutes;
      const { item } = entry;
      return {
        itemId: item.id,
        type: item.type,
        sessionKey: session.key,
        position: k + 1,
        slotStartMs,
        slotEndMs: slotStartMs + entry.durationMinutes * MS_PER_MINUTE,
        durationMinutes: entry.durationMinutes,
        ...(entry.nominalSessionKey !== undefined && { nominalSessionKey: entry.nominalSessionKey }),
        ...(entry.carriedOver && { carriedOver: entry.carriedOver }),
        late: item.submittedAtMs >= session.deadlineMs,
        beyondCapacity: minutes > capacity,
        ...(item.override && { override: item.override }),
      };
    });
    return { session, items: allocations, usedMinutes: minutes };
  });

  for (const entry of carry) {
    const carried = entry.carriedOver as NonNullable<Entry['carriedOver']>;
    unallocated.push({
      itemId: entry.item.id,
      code: carried.code === 'SESSION_FULL' ? 'SESSION_FULL' : 'NO_SESSION_IN_RANGE',
      carriedOver: carried,
    });
  }
  return { agendas, unallocated, overrideNotices };
}

/** Deadlines never decrease with the start of a session (both follow its date), so bisect. */
function firstWithDeadlineAfter(sessions: readonly Session[], instant: Instant): number | undefined {
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sessions[mid] as Session).deadlineMs > instant) hi = mid;
    else lo = mid + 1;
  }
  return lo < sessions.length ? lo : undefined;
}
