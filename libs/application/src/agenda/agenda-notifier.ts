import type { Transaction } from '../ports/unit-of-work.port';

/** One agendapunt whose session or slot changed through a coordinator's action or a re-allocation. */
export interface AgendaItemMove {
  readonly itemId: string;
  /** The session it was on before; null for a new item. */
  readonly fromSessionId: string | null;
  readonly toSessionId: string;
  readonly fromSlotStart: Date | null;
  readonly toSlotStart: Date | null;
}

/**
 * What the agenda tells the mailing side when something changes that people were told about.
 * Called inside the transaction of the change: implementations write outbox rows with `tx` and
 * return their ids; the caller enqueues them after the commit. The mailing side decides who gets
 * what (an updated invitation with a higher SEQUENCE once the agenda was sent, a plain mail
 * before that) — the agenda side only says what happened.
 */
export interface AgendaNotifier {
  itemsMoved(tx: Transaction, moves: readonly AgendaItemMove[], reason: string | null): Promise<string[]>;
  sessionCancelled(tx: Transaction, sessionId: string, reason: string): Promise<string[]>;
  sessionMoved(tx: Transaction, sessionId: string, reason: string): Promise<string[]>;
  /** The session's location or online link changed: whoever holds an invitation gets the update. */
  sessionPlaceChanged(tx: Transaction, sessionId: string): Promise<string[]>;
}

export const AGENDA_NOTIFIER = Symbol('AGENDA_NOTIFIER');
