import { assertInterval, dutchDate, inBrussels } from '../brussels-time';
import { IcsPart, guestSlotUid, invitationCancel, sessionUid } from '../calendar-invitation';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { cancellationDescription, sessionSubject, sessionSummary, slotSummary } from '../mail-subjects';
import { WebLink, cleanText } from '../mail-values';
import { GuestSlot } from './guest-slot.util';
import {
  InvitationVersion,
  SessionInfo,
  SessionTitleInput,
  attendeesOf,
  sessionTitle,
  sessionValues,
  versionOf,
} from './session-parts.util';

export interface SessionCancelledInput {
  readonly recipient: Recipient;
  readonly session: SessionInfo;
  readonly reason?: string;
  /** The session the items roll over to, when known. */
  readonly next?: SessionTitleInput;
  readonly detailsUrl: WebLink;
  /**
   * With it, a METHOD:CANCEL is attached: for the whole session (participants), or for one
   * guest's slot (`slot` given) — the UID must be the one the recipient was invited with.
   */
  readonly cancellation?: InvitationVersion & { readonly slot?: GuestSlot };
}

/** The session is cancelled; optionally with METHOD:CANCEL for the session or a guest's slot. */
export function sessionCancelledMail(identity: MailIdentity, input: SessionCancelledInput): MailParts {
  const { session } = input;
  assertInterval(session.start, session.end, 'session');
  if (input.next) inBrussels(input.next.start, 'next.start');
  const title = sessionTitle(session);
  const ics = input.cancellation ? cancellationOf(identity, input, input.cancellation) : undefined;
  const reason = cleanText(input.reason ?? '', { multiline: true, maxLength: 2000 });
  return {
    template: 'session-cancelled',
    subject: sessionSubject(title, identity.region, 'Geannuleerd'),
    preview: `${session.table}, ${dutchDate(session.start)}: geannuleerd`,
    greeting: input.recipient,
    values: {
      ...sessionValues(session),
      hasReason: reason.length > 0,
      reason,
      hasNext: input.next !== undefined,
      nextDate: input.next ? dutchDate(input.next.start) : '',
      detailsUrl: input.detailsUrl,
      hasInvitation: ics !== undefined,
    },
    ics,
  };
}

/** The METHOD:CANCEL for the entry the recipient holds: the session's, or their own slot's. */
function cancellationOf(
  identity: MailIdentity,
  input: SessionCancelledInput,
  cancellation: NonNullable<SessionCancelledInput['cancellation']>,
): IcsPart {
  const { session } = input;
  const slot = cancellation.slot;
  return invitationCancel({
    ...versionOf(cancellation),
    uid: slot ? guestSlotUid(slot.agendaItemId, identity.uidHost) : sessionUid(session.id, identity.uidHost),
    start: slot ? slot.start : session.start,
    end: slot ? slot.end : session.end,
    summary: slot ? slotSummary(session.table, slot) : sessionSummary(session.table, identity.region),
    description: cancellationDescription(sessionTitle(session), input.detailsUrl),
    location: session.location,
    organizer: identity.sender,
    attendees: attendeesOf([input.recipient]),
  });
}
