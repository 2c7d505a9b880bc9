import type { ItipReply, ReplyPartstat } from './itip-reply.parser';

/**
 * Whether a parsed REPLY changes a session's attendance (RFC 5546 §3.2.3): it must answer one of
 * our calendar entries, of this region, come from the attendee it speaks for, who was invited to
 * that entry, and answer its current version (SEQUENCE). An older SEQUENCE answers an invitation
 * that has been replaced: ignored, nothing changes. The entry is a session's own invitation or a
 * guest's invitation for one agendapunt's slot (its own UID and SEQUENCE, see guestSlotUid): the
 * answer to a slot counts for the session the slot is on, marked with its agendapunt.
 */
export interface ReplyContext {
  /** The session the UID names, or undefined when the UID is none of ours. */
  readonly session?: {
    readonly id: string;
    /** Whether it is a session of the region whose mailbox received the reply. */
    readonly ofThisRegion: boolean;
    /** The SEQUENCE of the entry the UID names: the session's, or the slot's agendapunt's. */
    readonly sequence: number;
    /** Set when the UID names a guest's slot: the agendapunt whose invitation was answered. */
    readonly agendaItemId?: string;
  };
  /** The addresses (lower case) the mail's From and Sender headers give. */
  readonly senders: readonly string[];
  /** Who holds the entry's invitation (the session's, or the slot's): their addresses and person ids. */
  readonly invited: readonly { readonly email: string; readonly personId: string | null }[];
}

export const REPLY_DECISION_CODES = [
  'UNKNOWN_SESSION',
  'OTHER_REGION',
  'SENDER_NOT_ATTENDEE',
  'NOT_INVITED',
  'STALE_SEQUENCE',
  'FUTURE_SEQUENCE',
] as const;
export type ReplyDecisionCode = (typeof REPLY_DECISION_CODES)[number];

export type ReplyDecision =
  | {
      readonly kind: 'apply';
      readonly sessionId: string;
      /** The agendapunt of an answered slot invitation; null for the session's own invitation. */
      readonly agendaItemId: string | null;
      readonly email: string;
      readonly personId: string | null;
      readonly partstat: ReplyPartstat;
      readonly sequence: number;
    }
  | { readonly kind: 'ignore'; readonly code: 'STALE_SEQUENCE' }
  | { readonly kind: 'refuse'; readonly code: Exclude<ReplyDecisionCode, 'STALE_SEQUENCE'> };

export function decideReply(reply: ItipReply, context: ReplyContext): ReplyDecision {
  const { session } = context;
  if (!session) return { kind: 'refuse', code: 'UNKNOWN_SESSION' };
  if (!session.ofThisRegion) return { kind: 'refuse', code: 'OTHER_REGION' };
  const attendee = reply.attendee.toLowerCase();
  const senders = context.senders.map((s) => s.trim().toLowerCase());
  // Someone answering for another: the From (or Sender) must be the attendee themself.
  if (senders.length === 0 || !senders.every((s) => s === attendee)) {
    return { kind: 'refuse', code: 'SENDER_NOT_ATTENDEE' };
  }
  const invited = context.invited.find((i) => i.email.trim().toLowerCase() === attendee);
  if (!invited) return { kind: 'refuse', code: 'NOT_INVITED' };
  if (reply.sequence < session.sequence) return { kind: 'ignore', code: 'STALE_SEQUENCE' };
  if (reply.sequence > session.sequence) return { kind: 'refuse', code: 'FUTURE_SEQUENCE' };
  return {
    kind: 'apply',
    sessionId: session.id,
    agendaItemId: session.agendaItemId ?? null,
    email: attendee,
    personId: invited.personId,
    partstat: reply.partstat,
    sequence: reply.sequence,
  };
}
