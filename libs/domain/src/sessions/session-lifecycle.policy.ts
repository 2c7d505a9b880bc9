import { Instant } from './session.model';

/**
 * The life of a stored zitting: planned (the agenda is provisional) → frozen (the agenda is
 * definitive, slot confirmations went out) → sent (the agenda went to the table) → held (a decision
 * was taken on it). A session that has not been held can be cancelled; one that is neither
 * cancelled nor held can be moved. Only this file compares statuses; everyone else asks it.
 */
export const SESSION_STATUSES = ['planned', 'frozen', 'sent', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The statuses of a session that is still on the calendar (not cancelled). */
export const SESSION_STATUSES_ON_CALENDAR: readonly SessionStatus[] = ['planned', 'frozen', 'sent', 'held'];
/** The statuses in which a freeze or an agenda send is still to come. */
export const SESSION_STATUSES_AWAITING_AGENDA: readonly SessionStatus[] = ['planned', 'frozen'];

/** What the lifecycle needs of a session: its status and when it starts. */
export interface SessionLifecycleState {
  readonly status: SessionStatus;
  readonly startsAtMs: Instant;
}

/** Anything with a session status: a stored row or a generated session ('open' | 'cancelled'). */
export interface HasSessionStatus {
  readonly status: SessionStatus | 'open';
}

export const SESSION_LIFECYCLE_CODES = [
  /** The session has started or was held: too late to cancel it. */
  'SESSION_PAST',
  /** A cancelled or held session cannot be moved. */
  'SESSION_NOT_OPEN',
  /** Only a provisional (planned) agenda can be frozen. */
  'NOT_PLANNED',
  /** Only a frozen agenda that was not sent can be opened again, or sent. */
  'NOT_FROZEN',
  /** A cancelled session is not held. */
  'SESSION_CANCELLED',
  /** The new moment of a move lies in the past. */
  'MOVE_IN_PAST',
  /** The new end of a move is not after its start. */
  'MOVE_ENDS_BEFORE_START',
  /** More minutes than the session lasts, or not a whole number of minutes from 0. */
  'CAPACITY_INVALID',
] as const;
export type SessionLifecycleCode = (typeof SESSION_LIFECYCLE_CODES)[number];

export interface SessionLifecycleRefusal {
  readonly ok: false;
  readonly code: SessionLifecycleCode;
  readonly message: string;
}

export interface SessionTransitionOk {
  readonly ok: true;
  /** The status afterwards. */
  readonly status: SessionStatus;
  /** False when the session already was where the transition leads (nothing to write). */
  readonly changed: boolean;
  /** The calendar entry of the session changes: its ICS SEQUENCE rises by one. */
  readonly raisesSequence: boolean;
}

export type SessionTransition = SessionTransitionOk | SessionLifecycleRefusal;

export interface SessionMoveOk extends SessionTransitionOk {
  /**
   * The agenda is fixed (frozen, sent or started): its items keep their order and shift with the
   * session. Otherwise the table is re-allocated.
   */
  readonly keepsAgenda: boolean;
}

export type SessionMoveOutcome = SessionMoveOk | SessionLifecycleRefusal;

function refuse(code: SessionLifecycleCode, message: string): SessionLifecycleRefusal {
  return { ok: false, code, message };
}

function to(status: SessionStatus, changed: boolean, raisesSequence = false): SessionTransitionOk {
  return { ok: true, status, changed, raisesSequence };
}

export function isCancelled(session: HasSessionStatus): boolean {
  return session.status === 'cancelled';
}

export function isHeld(session: HasSessionStatus): boolean {
  return session.status === 'held';
}

/**
 * The status as people read it at `nowMs`: a session that is not cancelled is gehouden once its
 * end has passed, whatever its row says yet (the row becomes held when a decision is recorded).
 * Issue #15: a session that ended hours ago showed "in voorbereiding" under the coming sessions.
 */
export function statusAt(
  session: { readonly status: SessionStatus; readonly endsAtMs: Instant },
  nowMs: Instant,
): SessionStatus {
  return session.status !== 'cancelled' && session.endsAtMs <= nowMs ? 'held' : session.status;
}

/** The agenda is provisional ("onder voorbehoud"): the session is planned, not frozen yet. */
export function isProvisional(session: HasSessionStatus): boolean {
  return session.status === 'planned';
}

/** The agenda went out to the table: a change to it must be sent again. */
export function isAgendaSent(session: HasSessionStatus): boolean {
  return session.status === 'sent';
}

export function hasStarted(session: SessionLifecycleState, nowMs: Instant): boolean {
  return session.startsAtMs <= nowMs;
}

/** Over: held, or started. Nothing can be cancelled or placed on it any more. */
export function isOver(session: SessionLifecycleState, nowMs: Instant): boolean {
  return isHeld(session) || hasStarted(session, nowMs);
}

/** A session is fixed once its agenda is frozen, sent or held, or once it has started. */
export function isFixed(session: SessionLifecycleState, nowMs: Instant): boolean {
  return (
    session.status === 'frozen' ||
    session.status === 'sent' ||
    session.status === 'held' ||
    hasStarted(session, nowMs)
  );
}

/** Re-allocation leaves the items of a fixed session that is not cancelled where they are. */
export function keepsItemsOnReallocation(session: SessionLifecycleState, nowMs: Instant): boolean {
  return !isCancelled(session) && isFixed(session, nowMs);
}

/** An item can still be put on it: not cancelled, not held, not started. */
export function acceptsItems(session: SessionLifecycleState, nowMs: Instant): boolean {
  return !isCancelled(session) && !isOver(session, nowMs);
}

/** An agenda still provisional counts for new placements; a frozen or later one takes none. */
export function takesPlacements(session: HasSessionStatus): boolean {
  return isProvisional(session);
}

/** A freeze job is due while the agenda is provisional. */
export function awaitsFreeze(session: HasSessionStatus): boolean {
  return isProvisional(session);
}

/** An agenda send job is due while the agenda is provisional or frozen. */
export function awaitsAgendaSend(session: HasSessionStatus): boolean {
  return session.status === 'planned' || session.status === 'frozen';
}

/** The agenda becomes definitive. */
export function freezeSession(session: HasSessionStatus): SessionTransition {
  if (session.status !== 'planned') {
    return refuse('NOT_PLANNED', 'Enkel een agenda in voorbereiding kan definitief gemaakt worden.');
  }
  return to('frozen', true);
}

/** Back to planned: the agenda opens again. */
export function unfreezeSession(session: HasSessionStatus): SessionTransition {
  if (session.status !== 'frozen') {
    return refuse('NOT_FROZEN', 'Enkel een bevroren agenda die nog niet verstuurd is, kan weer open.');
  }
  return to('planned', true);
}

/** The frozen agenda goes out to the table. */
export function sendAgenda(session: Pick<SessionLifecycleState, 'status'>): SessionTransition {
  if (session.status !== 'frozen') {
    return refuse('NOT_FROZEN', 'Enkel een bevroren agenda kan verstuurd worden.');
  }
  return to('sent', true);
}

/** A decision was taken on one of its items: the session was held. */
export function holdSession(session: Pick<SessionLifecycleState, 'status'>): SessionTransition {
  if (session.status === 'cancelled') {
    return refuse('SESSION_CANCELLED', 'Deze zitting werd geannuleerd; het agendapunt schuift door.');
  }
  return to('held', session.status !== 'held');
}

/** Cancelled by a coordinator (or a closed period); cancelling twice changes nothing. */
export function cancelSession(session: SessionLifecycleState, nowMs: Instant): SessionTransition {
  if (isCancelled(session)) return to('cancelled', false);
  if (isOver(session, nowMs)) {
    return refuse('SESSION_PAST', 'Een zitting die al begonnen is, kan niet meer geannuleerd worden.');
  }
  return to('cancelled', true, true);
}

/** The new moment of a move, on its own: later than now, ending after it starts. */
export function checkMoveTimes(
  target: { readonly startMs: Instant; readonly endMs: Instant },
  nowMs: Instant,
): SessionLifecycleRefusal | undefined {
  if (target.endMs <= target.startMs) {
    return refuse('MOVE_ENDS_BEFORE_START', 'Het einduur moet na het beginuur liggen.');
  }
  if (target.startMs <= nowMs) return refuse('MOVE_IN_PAST', 'Kies een moment in de toekomst.');
  return undefined;
}

/** To another moment; the status stays, the calendar entry changes. */
export function moveSession(
  session: SessionLifecycleState,
  target: { readonly startMs: Instant; readonly endMs: Instant },
  nowMs: Instant,
): SessionMoveOutcome {
  const times = checkMoveTimes(target, nowMs);
  if (times) return times;
  if (isCancelled(session) || isHeld(session)) {
    return refuse('SESSION_NOT_OPEN', 'Een geannuleerde of gehouden zitting kan niet verplaatst worden.');
  }
  return { ...to(session.status, true, true), keepsAgenda: isFixed(session, nowMs) };
}

/** Fewer (or again more) minutes for the agenda; at most as many as the session lasts. */
export function changeSessionCapacity(
  session: Pick<SessionLifecycleState, 'status'> & {
    readonly startsAtMs: Instant;
    readonly endsAtMs: Instant;
  },
  capacityMinutes: number,
): SessionTransition {
  const lengthMinutes = sessionLengthMinutes(session);
  if (!Number.isInteger(capacityMinutes) || capacityMinutes < 0 || capacityMinutes > lengthMinutes) {
    return refuse(
      'CAPACITY_INVALID',
      `Capaciteit: hoogstens ${lengthMinutes} minuten, de duur van de zitting.`,
    );
  }
  return to(session.status, true);
}

export function sessionLengthMinutes(session: {
  readonly startsAtMs: Instant;
  readonly endsAtMs: Instant;
}): number {
  return Math.round((session.endsAtMs - session.startsAtMs) / 60_000);
}
