import { createHash } from 'node:crypto';

/** What an agenda mail is for; stored as the outbox row's purpose and first part of its key. */
export const AGENDA_MAIL = {
  /** The agenda with the session's invitation (REQUEST), to a standing member. */
  agenda: 'agenda',
  /** A changed agenda with the updated session invitation (higher SEQUENCE). */
  agendaUpdate: 'agenda-update',
  /** The session's METHOD:CANCEL to someone who holds its invitation. */
  sessionCancel: 'session-cancel',
  /** "Session cancelled" without calendar part, to submitters before the agenda was sent. */
  sessionCancelled: 'session-cancelled',
  /** A guest's (or casusregisseur's) slot invitation (REQUEST) or its update. */
  slotInvitation: 'slot-invitation',
  /** The slot's METHOD:CANCEL. */
  slotCancel: 'slot-cancel',
  /** At the freeze: the slot is definitive. */
  slotConfirmed: 'slot-confirmed',
  /** The item moved to another session (with the slot's update when the recipient holds it). */
  itemMoved: 'item-moved',
  /** The send moment of an agenda without items: the coordinators are asked to cancel or keep it. */
  emptyAgenda: 'empty-agenda',
} as const;

export type AgendaMailPurpose = (typeof AGENDA_MAIL)[keyof typeof AGENDA_MAIL];

export interface KeyedRecipient {
  readonly personId: string | null;
  readonly email: string;
}

/**
 * Identifies a recipient inside keys and job ids without putting an address into the queue: the
 * person's id, or for a guest who is no user a hash of the (lower-cased) address.
 */
export function recipientKey(r: KeyedRecipient): string {
  if (r.personId) return `p-${r.personId}`;
  return `e-${createHash('sha256').update(r.email.trim().toLowerCase()).digest('hex').slice(0, 24)}`;
}

/**
 * The idempotency key of one agenda mail, also its mail job's id: purpose, the session or item it
 * is about, the recipient and the calendar SEQUENCE it carries. Writing the same mail again (a
 * retried job, a second worker, a re-run freeze) finds the row that exists.
 */
export function agendaMailKey(
  purpose: AgendaMailPurpose,
  about: { sessionId: string } | { agendaItemId: string },
  recipient: KeyedRecipient,
  sequence: number,
): string {
  const scope = 'sessionId' in about ? `s-${about.sessionId}` : `i-${about.agendaItemId}`;
  return `${purpose}|${scope}|${recipientKey(recipient)}|${sequence}`;
}

/** The left-hand side of a Message-ID, fixed by the key: the same mail is always the same message. */
export function messageLocalPart(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}
