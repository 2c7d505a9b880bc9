import type { SessionStatus, SessionTransitionOk } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** A stored zitting: the one shape every use case reads. */
export interface SessionRecord {
  readonly id: string;
  readonly regionId: string;
  readonly tableKey: string;
  /** Where the series puts it; names the session in the calendar state, also after a move. */
  readonly scheduledStart: Date;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: SessionStatus;
  readonly cancelReason: string | null;
  readonly movedFromStartsAt: Date | null;
  readonly moveReason: string | null;
  readonly capacityMinutes: number | null;
  readonly frozenAt: Date | null;
  readonly sentAt: Date | null;
  readonly heldAt: Date | null;
  /** The ICS SEQUENCE of the session's calendar entry. */
  readonly icsSequence: number;
  /** A coordinator's place for this session (null or absent: the table's). */
  readonly location?: string | null;
  /** A coordinator's online-meeting link (null or absent: the table's; '': none for this session). */
  readonly onlineMeetingUrl?: string | null;
}

export interface NewSessionRecord {
  readonly regionId: string;
  readonly tableKey: string;
  readonly scheduledStart: Date;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** A session the calendar cancels (a holiday, a closed period) that needs a row anyway. */
  readonly cancelled?: { readonly reason: string | null };
}

export interface SessionMove {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly reason: string;
}

/**
 * The zittingen of the agenda. Every write is an intent of the lifecycle; the transition the
 * domain allowed is handed in, and the implementation raises the ICS SEQUENCE when it says so.
 */
export abstract class AgendaSessionRepository {
  /**
   * Serialises every change to one table's agenda (its sessions and their items) until the
   * transaction ends: a re-allocation, a freeze or a send never interleave.
   */
  abstract lockTable(tx: Transaction, regionId: string, tableKey: string): Promise<void>;
  abstract session(id: string, tx?: Transaction): Promise<SessionRecord | undefined>;
  /** The row, locked until the transaction ends. */
  abstract lockSession(tx: Transaction, id: string): Promise<SessionRecord | undefined>;
  /** The rows of a table starting from `startsFrom` (all of them without it), by start. */
  abstract sessionsOf(
    tx: Transaction | undefined,
    regionId: string,
    tableKey: string,
    startsFrom?: Date,
  ): Promise<SessionRecord[]>;
  /** The rows of a table starting in [from, to), by start. */
  abstract sessionsBetween(
    regionId: string,
    tableKey: string,
    from: Date,
    to: Date,
    tx?: Transaction,
  ): Promise<SessionRecord[]>;
  /** Rows of a table starting in [from, to) whose freeze or agenda send may still be due, by start. */
  abstract awaitingAgenda(regionId: string, tableKey: string, from: Date, to: Date): Promise<SessionRecord[]>;
  /** The first session of the table after `after` that is not cancelled, if it has a row. */
  abstract nextOpenSession(
    tx: Transaction,
    regionId: string,
    tableKey: string,
    after: Date,
  ): Promise<SessionRecord | undefined>;
  abstract createSession(tx: Transaction, session: NewSessionRecord): Promise<SessionRecord>;
  /** Planned → frozen at `at`; false when another transaction got there first. */
  abstract freeze(tx: Transaction, id: string, at: Date): Promise<boolean>;
  /** Frozen → planned again. */
  abstract unfreeze(tx: Transaction, id: string): Promise<boolean>;
  /** Frozen → sent at `at`; false when another transaction got there first. */
  abstract markSent(tx: Transaction, id: string, at: Date): Promise<boolean>;
  abstract cancelSession(
    tx: Transaction,
    id: string,
    reason: string,
    at: Date,
    transition: SessionTransitionOk,
  ): Promise<SessionRecord>;
  /** To another moment; the first original start is kept as where it moved from. */
  abstract moveSession(
    tx: Transaction,
    id: string,
    move: SessionMove,
    transition: SessionTransitionOk,
  ): Promise<SessionRecord>;
  abstract changeCapacity(tx: Transaction, id: string, capacityMinutes: number): Promise<SessionRecord>;
  /** The session's own place and online link (null: the table's again). */
  abstract setPlace(
    tx: Transaction,
    id: string,
    place: { location: string | null; onlineMeetingUrl: string | null },
  ): Promise<SessionRecord>;
  /** The session's calendar entry changes: its next SEQUENCE. */
  abstract bumpSessionSequence(tx: Transaction, id: string): Promise<number>;
  /** Held: a decision was taken on one of its items (nothing to write when it already was). */
  abstract markHeld(tx: Transaction, id: string, at: Date, transition: SessionTransitionOk): Promise<void>;
}
