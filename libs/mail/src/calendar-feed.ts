import ical, {
  ICalCalendarMethod,
  ICalEventClass,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { BRUSSELS, assertInterval, inBrussels } from './brussels-time';
import { alarmData, alarmsLast } from './calendar-alarm';
import type { CalendarUid } from './calendar-invitation';
import {
  DossierCode,
  HostName,
  Label,
  MailSender,
  MailValueError,
  Place,
  WebLink,
  cleanText,
} from './mail-values';
import { vtimezoneFor } from './vtimezone';

/** A session of a subscribed feed: its UID and SEQUENCE are those of its invitations. */
export interface FeedEntry {
  readonly uid: CalendarUid;
  readonly sequence: number;
  readonly start: DateTime;
  readonly end: DateTime;
  /** A table and region name only, e.g. "Weegploeg – CO3 Antwerpen": a feed never carries case data. */
  readonly summary: string;
  readonly cancelled: boolean;
  /**
   * A person's own slot while it is provisional: STATUS:TENTATIVE, as the slot invitation they
   * last received says (a session's entry is never tentative).
   */
  readonly tentative?: boolean;
  /** Where the session takes place, as its invitations say. */
  readonly location?: Place | Label;
  /** The online-meeting link (URL, and named in the description). */
  readonly onlineUrl?: WebLink;
}

/** A follow-up obligation's entry: its UID stays when the due date moves, so the entry moves with it. */
export function feedObligationUid(obligationId: string, host: HostName): CalendarUid {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(obligationId)) {
    throw new MailValueError('UNSAFE_ICS', 'an obligation UID needs the obligation id (a UUID)');
  }
  return `obligation-${obligationId}@${host}` as CalendarUid;
}

/**
 * The due date of one open follow-up obligation of the subscriber. Only the dossier code goes
 * into the calendar (a subscribed calendar is copied to Google, Microsoft or Apple servers and
 * shown on shared screens): what is due, and for whom, is on the linked page, behind the login.
 */
export interface FeedDueDate {
  readonly uid: CalendarUid;
  readonly dossier: DossierCode;
  /** The local (Brussels) date it is due: yyyy-mm-dd. */
  readonly date: string;
  /** Where the subscriber sees and handles it ("Mijn opvolging"). */
  readonly url: WebLink;
}

export interface CalendarFeed {
  /** The calendar's name in the subscriber's client. */
  readonly name: string;
  /** ORGANIZER of every entry (RFC 5546 §3.2.1 requires one with PUBLISH): the region's mailbox. */
  readonly organizer: MailSender;
  /** DTSTAMP of every entry: when the feed was produced. Passed in: rendering never reads the clock. */
  readonly stamp: DateTime;
  readonly entries: readonly FeedEntry[];
  readonly dueDates?: readonly FeedDueDate[];
  /** The subscriber's chosen reminder, on every session that is not cancelled (see the due dates). */
  readonly alarmMinutes?: number | null;
}

const PRODUCT_ID = '//Overlegtafels//Agenda-abonnement//NL';

/**
 * METHOD:PUBLISH for calendar subscriptions (Outlook, Google, Apple): every entry has the region's
 * mailbox as ORGANIZER (RFC 5546 §3.2.1) and no ATTENDEE, because a published calendar invites no
 * one and must not list who takes part. The calendar's own properties (refresh interval, TTL)
 * stand before its components, and the file ends with CRLF (RFC 5545 §3.4, §3.1).
 */
export function calendarFeed(feed: CalendarFeed): string {
  // As for invitations: no calendar-level zone (that would make DTSTAMP floating); the generator
  // adds our VTIMEZONE for the zone the entries name.
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: cleanText(feed.name, { maxLength: 100 }),
    timezone: { name: null, generator: vtimezoneFor },
    // Clients that honour it refresh twice a day; cancellations should not wait a week.
    ttl: 12 * 60 * 60,
  });
  const stamp = inBrussels(feed.stamp, 'stamp').toUTC();
  const organizer = { name: feed.organizer.name, email: feed.organizer.address };
  for (const entry of feed.entries) {
    assertInterval(entry.start, entry.end, 'feed entry');
    if (!Number.isSafeInteger(entry.sequence) || entry.sequence < 0) {
      throw new MailValueError(
        'INVALID_SEQUENCE',
        `SEQUENCE must be a non-negative integer, got ${entry.sequence}`,
      );
    }
    const event = calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      stamp,
      organizer,
      start: inBrussels(entry.start, 'start'),
      end: inBrussels(entry.end, 'end'),
      timezone: BRUSSELS,
      summary: cleanText(entry.summary, { maxLength: 250 }),
      location: entry.location === undefined ? null : cleanText(entry.location, { maxLength: 250 }),
      url: entry.onlineUrl ?? null,
      description: entry.onlineUrl ? `Online deelnemen: ${entry.onlineUrl}` : null,
      status: entry.cancelled
        ? ICalEventStatus.CANCELLED
        : entry.tentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
      class: ICalEventClass.PRIVATE,
    });
    // The same display alarm as the person's invitations carry (clients that honour alarms in a
    // subscription show it; the others drop it). None on a cancelled session.
    if (feed.alarmMinutes != null && !entry.cancelled) event.createAlarm(alarmData(feed.alarmMinutes));
  }
  for (const due of feed.dueDates ?? []) {
    const day = DateTime.fromISO(due.date, { zone: BRUSSELS });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due.date) || !day.isValid) {
      throw new MailValueError('INVALID_DATE_TIME', 'a due date is a yyyy-mm-dd date');
    }
    // An all-day VEVENT, not a VTODO: in a subscribed (webcal/.ics) calendar, Google Calendar and
    // Outlook (desktop, web and mobile) import events only and drop VTODO components without a
    // trace, and Apple Calendar shows no tasks from subscriptions either (tasks live in Reminders,
    // which syncs over CalDAV, not from .ics subscriptions). An all-day event shows in all three,
    // in the all-day row of the due date. TRANSPARENT keeps it out of free/busy, so it does not
    // make the person look busy that day. No VALARM, whatever reminder the person chose for the
    // sessions: an alarm on an all-day entry rings at or before midnight, and the obligations'
    // reminders come by mail.
    calendar.createEvent({
      id: due.uid,
      stamp,
      start: day,
      allDay: true,
      summary: cleanText(`Termijn opvolging ${due.dossier}`, { maxLength: 250 }),
      description: cleanText(`Wat er voor ${due.dossier} moet gebeuren: ${due.url}`, { maxLength: 500 }),
      url: due.url,
      organizer,
      status: ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
      class: ICalEventClass.PRIVATE,
    });
  }
  const content = calendarPropertiesFirst(alarmsLast(calendar.toString()));
  // Defence in depth: whatever slipped past the values, a feed names no one but the region's mailbox.
  const organizerLine = new RegExp(
    `^ORGANIZER;CN=[^:\\r\\n]*:mailto:${escapeRegExp(feed.organizer.address)}\\r?$`,
    'im',
  );
  // Checked on unfolded lines: a long organizer name or address folds over two (RFC 5545 3.1).
  const named = content
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => /^(ATTENDEE|ORGANIZER)[;:]/i.test(l));
  if (named.some((l) => /^ATTENDEE/i.test(l) || !organizerLine.test(l))) {
    throw new MailValueError(
      'UNSAFE_ICS',
      'a published feed names no attendee and only the region as organizer',
    );
  }
  return content.endsWith('\r\n') ? content : `${content}\r\n`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Moves the calendar's own properties that the generator prints after the VTIMEZONE before it. */
function calendarPropertiesFirst(content: string): string {
  const lines = content.split('\r\n');
  const calendarLevel = /^(REFRESH-INTERVAL|X-PUBLISHED-TTL)[;:]/;
  const moved = lines.filter((l) => calendarLevel.test(l));
  const rest = lines.filter((l) => !calendarLevel.test(l));
  const firstComponent = rest.findIndex((l, i) => i > 0 && l.startsWith('BEGIN:'));
  if (firstComponent < 0) return content;
  return [...rest.slice(0, firstComponent), ...moved, ...rest.slice(firstComponent)].join('\r\n');
}
