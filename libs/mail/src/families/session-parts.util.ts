import { DateTime } from 'luxon';
import { assertInterval, dutchDate, dutchTimeRange } from '../brussels-time';
import { CalendarEntry, InvitationAttendee } from '../calendar-invitation';
import { Recipient } from '../mail-renderer';
import { SessionTitle } from '../mail-subjects';
import { Label, Place, Uuid, WebLink } from '../mail-values';
import { TemplateScope } from '../template-engine';

// What several mail families say about a session, and how they make its calendar entry.

export interface SessionInfo {
  readonly id: Uuid;
  readonly table: Label;
  readonly start: DateTime;
  readonly end: DateTime;
  readonly location?: Place | Label;
  /** The link to join online, when the session has one. */
  readonly onlineUrl?: WebLink;
}

/** A session as far as a title needs it. */
export interface SessionTitleInput {
  readonly table: Label;
  readonly start: DateTime;
}

/** What the sender of an invitation tracks per calendar entry (RFC 5546 §2.1.4). */
export interface InvitationVersion {
  /** 0 for the first invitation, raised by the caller on every change it sends. */
  readonly sequence: number;
  /** DTSTAMP: the moment this version was made (the caller's clock, not ours). */
  readonly stamp: DateTime;
}

export function sessionTitle(session: SessionTitleInput): SessionTitle {
  return { table: session.table, date: session.start };
}

/** The session's lines of a template: table, date, hours and (when known) location. */
export function sessionValues(session: SessionInfo): TemplateScope {
  assertInterval(session.start, session.end, 'session');
  return {
    tableName: session.table,
    sessionDate: dutchDate(session.start),
    sessionHours: dutchTimeRange(session.start, session.end),
    hasLocation: session.location !== undefined,
    location: session.location ?? '',
    hasOnlineUrl: session.onlineUrl !== undefined,
    onlineUrl: session.onlineUrl ?? '',
  };
}

/** Only the version fields, whatever else the caller's object carries. */
export function versionOf(v: InvitationVersion): Pick<CalendarEntry, 'sequence' | 'stamp'> {
  return { sequence: v.sequence, stamp: v.stamp };
}

/** The recipients as ATTENDEEs: their address only, whatever name the greeting uses. */
export function attendeesOf(recipients: readonly Recipient[]): InvitationAttendee[] {
  return recipients.map((r) => ({ address: r.address }));
}
