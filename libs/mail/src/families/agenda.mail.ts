import { DateTime } from 'luxon';
import { assertInterval, dutchDate, dutchTimeRange } from '../brussels-time';
import {
  CalendarEntry,
  IcsPart,
  invitationRequest,
  invitationRequests,
  sessionUid,
} from '../calendar-invitation';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { sessionDescription, sessionSubject, sessionSummary } from '../mail-subjects';
import { DossierCode, Label, WebLink, cleanText } from '../mail-values';
import { InvitationVersion, SessionInfo, attendeesOf, sessionValues, versionOf } from './session-parts.util';

export interface AgendaRow {
  readonly start: DateTime;
  readonly end: DateTime;
  readonly dossier: DossierCode;
  readonly itemType: Label;
  /** Who brings the item (e.g. "casusregisseur, CAW"); body only, never subject or calendar. */
  readonly broughtBy: string;
}

export interface AgendaInvitation extends InvitationVersion {
  /** Defaults to the recipient alone, so no mail reveals the other participants' addresses. */
  readonly attendees?: readonly Recipient[];
}

/** The agenda of a session, the same for every standing member. */
export interface AgendaBodyInput {
  readonly session: SessionInfo;
  readonly rows: readonly AgendaRow[];
  readonly agendaUrl: WebLink;
  /** A re-sent agenda after a change ("Gewijzigd: …"). */
  readonly changed?: boolean;
  /** With it, the session's invitation (METHOD:REQUEST, the session's UID) comes along. */
  readonly invitation?: AgendaInvitation;
}

export interface AgendaMailInput extends AgendaBodyInput {
  /** Whom the invitation is for (the body is addressed to the table's members). */
  readonly recipient: Recipient;
}

/**
 * The agenda goes to every member alike, so it greets them all rather than a person. Not "leden
 * van de <tafel>": the tables' names do not all take "de" (het Verkennend casusoverleg).
 */
const MEMBERS_GREETING = 'Beste deelnemers,';

/**
 * The agenda as every standing member gets it, addressed to all: one rendering serves a whole
 * fan-out. No calendar part: `input.invitation` only makes the body say that one comes along.
 */
export function agendaBodyMail(identity: MailIdentity, input: AgendaBodyInput): MailParts {
  const { session } = input;
  assertInterval(session.start, session.end, 'session');
  const ordered = sortedRows(input.rows);
  return {
    template: 'agenda',
    subject: sessionSubject(
      { table: session.table, date: session.start },
      identity.region,
      input.changed ? 'Gewijzigd' : undefined,
    ),
    preview: `${session.table}, ${dutchDate(session.start)}, ${dutchTimeRange(session.start, session.end)}`,
    greeting: MEMBERS_GREETING,
    values: {
      ...sessionValues(session),
      changed: input.changed === true,
      rows: ordered.map((r) => {
        assertInterval(r.start, r.end, 'agenda row');
        return {
          time: dutchTimeRange(r.start, r.end),
          dossierCode: r.dossier,
          itemType: r.itemType,
          broughtBy: cleanText(r.broughtBy, { maxLength: 120 }) || '–',
        };
      }),
      agendaUrl: input.agendaUrl,
      hasInvitation: input.invitation !== undefined,
    },
  };
}

/** The session's invitation (METHOD:REQUEST, the session's UID) for one recipient of the agenda. */
export function agendaInvitation(
  identity: MailIdentity,
  input: AgendaMailInput & { readonly invitation: AgendaInvitation },
): IcsPart {
  const { session } = input;
  assertInterval(session.start, session.end, 'session');
  return invitationRequest({
    ...sessionEntry(identity, input),
    attendees: attendeesOf(input.invitation.attendees ?? [input.recipient]),
    alarmMinutes: input.recipient.reminderMinutes ?? null,
  });
}

/**
 * The session's invitation for each member of a fan-out, each copy naming its recipient alone:
 * the entry is made once, only the ATTENDEE per recipient (the same bytes agendaInvitation gives).
 */
export function agendaInvitations(
  identity: MailIdentity,
  input: AgendaBodyInput & { readonly invitation: InvitationVersion },
): (recipient: Recipient) => IcsPart {
  assertInterval(input.session.start, input.session.end, 'session');
  const forEach = invitationRequests(sessionEntry(identity, input));
  return (recipient) => forEach(attendeesOf([recipient])[0]!, recipient.reminderMinutes ?? null);
}

/** The session's calendar entry: times, codes and item types only; who brings what stays in the body. */
function sessionEntry(
  identity: MailIdentity,
  input: AgendaBodyInput & { readonly invitation: InvitationVersion },
): Omit<CalendarEntry, 'attendees' | 'alarmMinutes'> {
  const { session } = input;
  return {
    ...versionOf(input.invitation),
    uid: sessionUid(session.id, identity.uidHost),
    start: session.start,
    end: session.end,
    summary: sessionSummary(session.table, identity.region),
    description: sessionDescription(sortedRows(input.rows), input.agendaUrl, session.onlineUrl),
    location: session.location,
    url: session.onlineUrl,
    organizer: identity.sender,
  };
}

function sortedRows(rows: readonly AgendaRow[]): AgendaRow[] {
  return [...rows].sort((a, b) => a.start.toMillis() - b.start.toMillis());
}
