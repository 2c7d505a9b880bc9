import ical, {
  ICalAttendee,
  ICalAttendeeData,
  ICalCalendar,
  ICalEvent,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalAttendeeType,
  ICalCalendarMethod,
  ICalEventClass,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { BRUSSELS, assertInterval, inBrussels } from './brussels-time';
import { IcsDescription, IcsSummary } from './mail-subjects';
import {
  EmailAddress,
  HostName,
  LINE_BREAKING,
  MailSender,
  Label,
  Place,
  WebLink,
  MailValueError,
  Uuid,
  cleanText,
} from './mail-values';
import { ALARM_DESCRIPTION, alarmData, alarmsLast } from './calendar-alarm';
import { vtimezoneFor } from './vtimezone';

export type IcsMethod = 'REQUEST' | 'CANCEL';

/** What an outbox row stores as icsMethod / icsContent. */
export interface IcsPart {
  readonly method: IcsMethod;
  readonly content: string;
}

declare const brand: unique symbol;
/** A calendar UID; only the two derivations below produce one. */
export type CalendarUid = string & { readonly [brand]: 'CalendarUid' };

/**
 * One session is one calendar entry for its whole life: the UID is derived from the session id,
 * so every update and the cancellation replace the same entry instead of adding a second one.
 */
export function sessionUid(sessionId: Uuid, host: HostName): CalendarUid {
  return `session-${sessionId}@${host}` as CalendarUid;
}

/**
 * A guest (an aanmelder, a consulent) gets an entry for their own slot only. It is keyed by the
 * agenda item, not the session, so when the item moves to a later session the guest's entry
 * moves with it (same UID, higher SEQUENCE) and the session's own UID is never reused.
 */
export function guestSlotUid(agendaItemId: Uuid, host: HostName): CalendarUid {
  return `slot-${agendaItemId}@${host}` as CalendarUid;
}

/**
 * Who an invitation is for: the address only. Invitations carry ids and codes, never a person's
 * name, so an ATTENDEE has no CN in any invitation kind (session, slot, cancel); the greeting of
 * the mail body is where a name may stand.
 */
export interface InvitationAttendee {
  readonly address: EmailAddress;
}

export interface CalendarEntry {
  readonly uid: CalendarUid;
  /** Raised by the caller on every change that is sent (RFC 5546 §2.1.4); never lowered. */
  readonly sequence: number;
  /** DTSTAMP: when this version was made. Passed in: rendering never reads the clock. */
  readonly stamp: DateTime;
  readonly start: DateTime;
  readonly end: DateTime;
  readonly summary: IcsSummary;
  readonly description: IcsDescription;
  readonly location?: Place | Label;
  /** The online-meeting link (URL property; the description names it too). */
  readonly url?: WebLink;
  readonly organizer: MailSender;
  readonly attendees: readonly InvitationAttendee[];
  /** TENTATIVE while a slot is provisional (before the agenda freeze). */
  readonly tentative?: boolean;
  /** The recipient's chosen reminder: a display alarm this many minutes before the start. */
  readonly alarmMinutes?: number | null;
}

const PRODUCT_ID = '//Overlegtafels//Uitnodigingen//NL';

function assertSequence(sequence: number): void {
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new MailValueError('INVALID_SEQUENCE', `SEQUENCE must be a non-negative integer, got ${sequence}`);
  }
}

/**
 * RFC 5545 §3.1 folding: a line longer than 74 octets continues on the next line after one space,
 * never inside a UTF-8 sequence or a surrogate pair. The same rule as ical-generator's foldLines
 * (which the spec uses as the reference), without encoding every character on its own — that
 * took most of an invitation's rendering time in a fan-out of hundreds.
 */
export function foldIcs(content: string): string {
  return content.split('\r\n').map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  // Most lines are short and plain ASCII (byte length = string length): nothing to fold.
  if (line.length <= 74 && Buffer.byteLength(line, 'utf8') === line.length) return line;
  let out = '';
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let ch = line[i]!;
    let size: number;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      ch += line[++i]!;
      size = 4;
    } else size = 3;
    octets += size;
    if (octets > 74) {
      out += '\r\n ';
      octets = size;
    }
    out += ch;
  }
  return out;
}

/**
 * The calendar as ical-generator's toString() writes it for an invitation (VERSION, PRODID,
 * METHOD, the zone of its events, the events), folded with foldIcs. The spec holds the two equal.
 */
export function serializeCalendar(calendar: ICalCalendar): string {
  const events = calendar.events();
  const zones = [...new Set(events.map((e) => e.timezone()))].filter(
    (z): z is string => z !== null && !z.startsWith('/'),
  );
  let out = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-${calendar.prodId()}\r\n`;
  const method = calendar.method();
  if (method) out += `METHOD:${method}\r\n`;
  for (const zone of zones) {
    const block = vtimezoneFor(zone);
    if (block) out += `${block.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n').trim()}\r\n`;
  }
  for (const event of events) out += alarmsLast(event.toString());
  return foldIcs(`${out}END:VCALENDAR`);
}

/** An ATTENDEE as invitations write it: a required individual, asked to answer a REQUEST. */
function attendeeData(method: IcsMethod, attendee: InvitationAttendee): ICalAttendeeData {
  return {
    email: attendee.address,
    // Never a CN: the rule is ids and codes only (issue #16), for every invitation kind alike.
    name: null,
    role: ICalAttendeeRole.REQ,
    type: ICalAttendeeType.INDIVIDUAL,
    status: ICalAttendeeStatus.NEEDSACTION,
    // A cancellation asks for no answer; RSVP is left out there.
    rsvp: method === 'REQUEST' ? true : null,
  };
}

/** The invitation's calendar object, before serialization (exported for the spec). */
export function invitationCalendar(method: IcsMethod, entry: CalendarEntry): ICalCalendar {
  assertSequence(entry.sequence);
  assertInterval(entry.start, entry.end, 'calendar entry');
  if (entry.attendees.length === 0) {
    throw new MailValueError('UNSAFE_ICS', 'an invitation needs at least one ATTENDEE (RFC 5546)');
  }
  // No calendar-level zone name: that would print TIMEZONE-ID/X-WR-TIMEZONE and make DTSTAMP
  // floating. Only the generator is set, so ical-generator adds our VTIMEZONE for the zone each
  // event names, and DTSTAMP stays in UTC.
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: vtimezoneFor },
  });
  const event = calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    // luxon values in the Brussels zone: ical-generator prints their wall time with TZID, never
    // the process's own zone (a native Date would be).
    stamp: inBrussels(entry.stamp, 'stamp').toUTC(),
    start: inBrussels(entry.start, 'start'),
    end: inBrussels(entry.end, 'end'),
    timezone: BRUSSELS,
    // Already codes and labels only; cleaned once more so that even a value forced past the
    // types can only ever be text (ical-generator escapes CR/LF, not U+2028 or NEL).
    summary: cleanText(entry.summary, { maxLength: 250 }),
    description: cleanText(entry.description, { multiline: true, maxLength: 4000 }),
    location: entry.location === undefined ? null : cleanText(entry.location, { maxLength: 250 }),
    url: entry.url ?? null,
    organizer: { name: entry.organizer.name, email: entry.organizer.address },
    status:
      method === 'CANCEL'
        ? ICalEventStatus.CANCELLED
        : entry.tentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    // Shared and delegated calendars then show "busy", not the dossier code.
    class: ICalEventClass.PRIVATE,
  });
  for (const attendee of entry.attendees) event.createAttendee(attendeeData(method, attendee));
  // A cancellation removes the entry: no reminder for it.
  if (method === 'REQUEST' && entry.alarmMinutes != null) event.createAlarm(alarmData(entry.alarmMinutes));
  return calendar;
}

function build(method: IcsMethod, entry: CalendarEntry): IcsPart {
  const content = serializeCalendar(invitationCalendar(method, entry));
  assertIcsShape(content, {
    method,
    attendees: entry.attendees.length,
    location: entry.location !== undefined,
    url: entry.url !== undefined,
    alarm: method === 'REQUEST' && entry.alarmMinutes != null,
  });
  return { method, content };
}

/** METHOD:REQUEST — a new invitation or an update of one (same UID, higher SEQUENCE). */
export function invitationRequest(entry: CalendarEntry): IcsPart {
  return build('REQUEST', entry);
}

/**
 * The same METHOD:REQUEST for each recipient of a fan-out, each copy naming its recipient as the
 * one ATTENDEE (no copy shows the others' addresses). The entry is built and serialized once;
 * per recipient only the ATTENDEE line is made and put in its place. Every copy is byte for byte
 * what invitationRequest gives for that attendee (the spec holds the two equal) and passes the
 * same shape check.
 */
export function invitationRequests(
  entry: Omit<CalendarEntry, 'attendees' | 'alarmMinutes'>,
): (attendee: InvitationAttendee, alarmMinutes?: number | null) => IcsPart {
  // One template per reminder choice met in the fan-out (there are only a few).
  const templates = new Map<number | null, (attendee: InvitationAttendee) => IcsPart>();
  return (attendee, alarmMinutes = null) => {
    let forEach = templates.get(alarmMinutes);
    if (!forEach) {
      forEach = requestTemplate({ ...entry, alarmMinutes });
      templates.set(alarmMinutes, forEach);
    }
    return forEach(attendee);
  };
}

function requestTemplate(entry: Omit<CalendarEntry, 'attendees'>): (attendee: InvitationAttendee) => IcsPart {
  const stand = { address: 'attendee@invalid.example' as EmailAddress };
  const calendar = invitationCalendar('REQUEST', { ...entry, attendees: [stand] });
  const event: ICalEvent = calendar.events()[0]!;
  const marker = event.attendees()[0]!.toString();
  // The calendar before folding (serializeCalendar folds line by line, so the parts can be folded
  // apart): everything before the ATTENDEE line, and everything after it.
  const unfolded = unfoldedLines(serializeCalendar(calendar));
  const at = unfolded.indexOf(marker);
  if (at < 0 || unfolded.indexOf(marker, at + 1) >= 0) {
    throw new MailValueError('UNSAFE_ICS', 'generated calendar rejected: attendee line not found once');
  }
  const before = foldIcs(unfolded.slice(0, at));
  const after = foldIcs(unfolded.slice(at + marker.length));
  const shape = {
    method: 'REQUEST' as const,
    attendees: 1,
    location: entry.location !== undefined,
    url: entry.url !== undefined,
    alarm: entry.alarmMinutes != null,
  };
  return (attendee) => {
    const line = new ICalAttendee(attendeeData('REQUEST', attendee), event).toString();
    const content = `${before}${foldIcs(line)}${after}`;
    assertIcsShape(content, shape);
    return { method: 'REQUEST', content };
  };
}

/** Folded content back to its lines as written (CRLF-separated), for splicing. */
function unfoldedLines(content: string): string {
  return content.replace(/\r\n /g, '');
}

/** METHOD:CANCEL with STATUS:CANCELLED — the entry disappears from the attendees' calendars. */
export function invitationCancel(entry: Omit<CalendarEntry, 'tentative' | 'alarmMinutes'>): IcsPart {
  return build('CANCEL', entry);
}

/** Joins folded lines (RFC 5545 §3.1) so every logical content line can be inspected whole. */
export function unfoldIcs(content: string): string[] {
  return content
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line.length > 0);
}

const ALLOWED: Record<string, readonly string[]> = {
  VCALENDAR: ['VERSION', 'PRODID', 'METHOD'],
  VTIMEZONE: ['TZID', 'X-LIC-LOCATION'],
  DAYLIGHT: ['TZOFFSETFROM', 'TZOFFSETTO', 'TZNAME', 'DTSTART', 'RRULE'],
  STANDARD: ['TZOFFSETFROM', 'TZOFFSETTO', 'TZNAME', 'DTSTART', 'RRULE'],
  VALARM: ['ACTION', 'TRIGGER', 'DESCRIPTION'],
  VEVENT: [
    'UID',
    'SEQUENCE',
    'DTSTAMP',
    'DTSTART',
    'DTEND',
    'SUMMARY',
    'LOCATION',
    'URL',
    'DESCRIPTION',
    'ORGANIZER',
    'ATTENDEE',
    'STATUS',
    'CLASS',
  ],
};

/**
 * Defence in depth: every value is validated or escaped before it gets here, but an invitation
 * is only handed out when its unfolded lines are exactly the properties we meant to write —
 * one VEVENT, one of each property, one ATTENDEE per attendee, nothing else. A line break that
 * slipped through anywhere would show up here as an extra or unknown property.
 */
export function assertIcsShape(
  content: string,
  expected: { method: IcsMethod; attendees: number; location: boolean; url?: boolean; alarm?: boolean },
): void {
  const fail = (why: string): never => {
    throw new MailValueError('UNSAFE_ICS', `generated calendar rejected: ${why}`);
  };
  if (/\r(?!\n)|(?<!\r)\n/.test(content)) fail('bare CR or LF');
  const stack: string[] = [];
  const counts = new Map<string, number>();
  let events = 0;
  let alarms = 0;
  for (const line of unfoldIcs(content)) {
    const name = /^[A-Z][A-Z0-9-]*/.exec(line)?.[0];
    if (!name || !/^[;:]/.test(line.slice(name.length)))
      fail(`malformed line ${JSON.stringify(line.slice(0, 40))}`);
    if (name === 'BEGIN' || name === 'END') {
      const component = line.slice(name.length + 1);
      if (!(component in ALLOWED)) fail(`unexpected component ${component}`);
      if (name === 'BEGIN') {
        if (component === 'VEVENT') events += 1;
        if (component === 'VALARM') {
          if (stack[stack.length - 1] !== 'VEVENT') fail('VALARM outside VEVENT');
          alarms += 1;
        }
        stack.push(component);
      } else if (stack.pop() !== component) fail(`unbalanced END:${component}`);
      continue;
    }
    const component = stack[stack.length - 1] ?? fail(`property ${name} outside VCALENDAR`);
    if (!ALLOWED[component]!.includes(name!)) fail(`unexpected property ${name} in ${component}`);
    if (component === 'VEVENT' || component === 'VCALENDAR') {
      counts.set(name!, (counts.get(name!) ?? 0) + 1);
    }
    if (component === 'VALARM') {
      counts.set(`VALARM:${name!}`, (counts.get(`VALARM:${name!}`) ?? 0) + 1);
      if (name === 'ACTION' && line !== 'ACTION:DISPLAY') fail('an alarm only displays');
      if (name === 'TRIGGER' && !/^TRIGGER:-P(T\d+[HM]|\d+[DW]|T\d+H\d+M|\d+DT\d+[HM])$/.test(line))
        fail('an alarm triggers a duration before the start');
      if (name === 'DESCRIPTION' && line !== `DESCRIPTION:${ALARM_DESCRIPTION}`) fail('alarm description');
    }
  }
  if (stack.length > 0) fail('unterminated component');
  if (events !== 1) fail(`expected one VEVENT, found ${events}`);
  const alarm = expected.alarm === true ? 1 : 0;
  if (alarms !== alarm) fail(`expected ${alarm} × VALARM, found ${alarms}`);
  const wanted = new Map<string, number>([
    ['VERSION', 1],
    ['PRODID', 1],
    ['METHOD', 1],
    ['UID', 1],
    ['SEQUENCE', 1],
    ['DTSTAMP', 1],
    ['DTSTART', 1],
    ['DTEND', 1],
    ['SUMMARY', 1],
    ['DESCRIPTION', 1],
    ['ORGANIZER', 1],
    ['ATTENDEE', expected.attendees],
    ['STATUS', 1],
    ['CLASS', 1],
    ['LOCATION', expected.location ? 1 : 0],
    ['URL', expected.url ? 1 : 0],
    ['VALARM:ACTION', alarm],
    ['VALARM:TRIGGER', alarm],
    ['VALARM:DESCRIPTION', alarm],
  ]);
  for (const [name, n] of wanted) {
    if ((counts.get(name) ?? 0) !== n) fail(`expected ${n} × ${name}, found ${counts.get(name) ?? 0}`);
  }
  if (!content.includes(`\r\nMETHOD:${expected.method}\r\n`)) fail('METHOD mismatch');
  if (LINE_BREAKING.test(content.split('\r\n').join(''))) fail('line-breaking character inside a line');
}
