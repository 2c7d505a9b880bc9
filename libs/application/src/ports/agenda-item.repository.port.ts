import type { Transaction } from './unit-of-work.port';

export type AgendaItemStatus = 'placed' | 'rolled_over' | 'withdrawn' | 'discussed';

/** An agendapunt as the agenda places it. */
export interface AgendaItemRecord {
  readonly id: string;
  readonly sessionId: string;
  readonly dossierId: string;
  readonly tableKey: string;
  readonly itemType: string;
  readonly durationMinutes: number;
  readonly position: number;
  readonly slotStart: Date | null;
  readonly slotEnd: Date | null;
  readonly status: AgendaItemStatus;
  readonly submittedAt: Date;
  readonly submittedById: string;
  readonly originalSessionId: string | null;
  readonly pinned: boolean;
  readonly pinnedPosition: number | null;
  readonly overrideReason: string | null;
  readonly lateReason: string | null;
  readonly icsSequence: number;
}

/** A new agendapunt, before the allocation gives it its place and slot. */
export interface NewAgendaItem extends Pick<
  AgendaItemRecord,
  | 'sessionId'
  | 'dossierId'
  | 'tableKey'
  | 'itemType'
  | 'durationMinutes'
  | 'position'
  | 'slotStart'
  | 'slotEnd'
  | 'submittedAt'
  | 'submittedById'
> {
  readonly id?: string;
  readonly aanmeldingId?: string | null;
  readonly question?: string | null;
  readonly documentId?: string | null;
  readonly guests?: readonly {
    readonly kind: 'aanmelder' | 'consulent' | 'expert';
    readonly personId?: string | null;
    readonly email?: string | null;
    readonly name?: string | null;
  }[];
}

/** Where the allocation puts an item. */
export interface ItemPlacement {
  readonly sessionId: string;
  readonly position: number;
  readonly slotStart: Date;
  readonly slotEnd: Date;
  /** Carried on from a session it did not fit on (or that was cancelled). */
  readonly rolledOver: boolean;
  readonly originalSessionId: string | null;
  /** The coordinator's pin no longer holds (its session is gone or fixed). */
  readonly dropPin: boolean;
}

/** A coordinator's override, with the reason that goes into the audit log and on the row. */
export interface CoordinatorOverride {
  readonly reason: string;
  readonly byPersonId: string;
}

/**
 * The agendapunten as the agenda and its coordinators change them; every write is one intent.
 * Items to be held are those placed or rolled over.
 */
export abstract class AgendaItemRepository {
  abstract item(id: string, tx?: Transaction): Promise<AgendaItemRecord | undefined>;
  /** Items still to be held on the sessions, in arrival order. */
  abstract activeItems(tx: Transaction, sessionIds: readonly string[]): Promise<AgendaItemRecord[]>;
  /** A new item, placed; the caller re-allocates the table under its lock. */
  abstract createItem(tx: Transaction, item: NewAgendaItem): Promise<AgendaItemRecord>;
  abstract place(tx: Transaction, id: string, placement: ItemPlacement): Promise<void>;
  /** Onto another session, pinned there; the allocation gives it its place and slot. */
  abstract pinToSession(
    tx: Transaction,
    id: string,
    sessionId: string,
    override: CoordinatorOverride,
  ): Promise<void>;
  /** Pinned at a place (1-based) of its session's agenda. */
  abstract pinAtPosition(
    tx: Transaction,
    id: string,
    position: number,
    override: CoordinatorOverride,
  ): Promise<void>;
  /**
   * A late item accepted at the end of a fixed (frozen or sent) agenda, with the reason as the
   * late reason too; it is placed there, not carried from anywhere.
   */
  abstract acceptLate(
    tx: Transaction,
    id: string,
    slot: {
      readonly sessionId: string;
      readonly position: number;
      readonly slotStart: Date;
      readonly slotEnd: Date;
    },
    override: CoordinatorOverride,
  ): Promise<void>;
  abstract unpin(tx: Transaction, id: string): Promise<void>;
  /** A new place and slot on the same session (a fixed agenda resequenced). */
  abstract reslot(
    tx: Transaction,
    id: string,
    slot: { readonly position: number; readonly slotStart: Date; readonly slotEnd: Date },
  ): Promise<void>;
  /** A decision was taken on it. */
  abstract markDiscussed(tx: Transaction, id: string): Promise<void>;
  /** Shares the item's contents with the members of its session, or stops sharing them. */
  abstract setShared(tx: Transaction, id: string, shared: boolean): Promise<void>;
}
