import ical, {
  ICalCalendarMethod,
  ICalEventClass,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { BRUSSELS, assertInterval, inBrussels } from './brussels-time';
import type { CalendarUid } from './calendar-invitation';
import { DossierCode, HostName, MailValueError, WebLink, cleanText } from './mail-values';
import { vtimezoneFor } from './vtimezone';

/**
 * A table session in a subscribed feed. Not every session is stored yet, so the UID comes from what
 * identifies a session for good: its table and its scheduled date (a moved session keeps both), so
 * a client refreshing the feed updates the same entry instead of adding a second one.
 */
export function feedSessionUid(tableKey: string, scheduledDate: string, host: HostName): CalendarUid {
  if (!/^[a-z0-9-]{1,40}$/.test(tableKey) || !/^\d{4}-\d{2}-\d{2}$/.test(scheduledDate)) {
    throw new MailValueError('UNSAFE_ICS', 'a feed UID needs a table key and a YYYY-MM-DD date');
  }
  return `session-${tableKey}-${scheduledDate}@${host}` as CalendarUid;
}

export interface FeedEntry {
  readonly uid: CalendarUid;
  readonly start: DateTime;
  readonly end: DateTime;
  /** A table and region name only, e.g. "Weegploeg – CO3 Antwerpen": a feed never carries case data. */
  readonly summary: string;
  readonly cancelled: boolean;
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
  /** DTSTAMP of every entry: when the feed was produced. Passed in: rendering never reads the clock. */
  readonly stamp: DateTime;
  readonly entries: readonly FeedEntry[];
  readonly dueDates?: readonly FeedDueDate[];
}

const PRODUCT_ID = '//Overlegtafels//Agenda-abonnement//NL';

/**
 * METHOD:PUBLISH for calendar subscriptions (Outlook, Google, Apple): entries without ORGANIZER or
 * ATTENDEE, because a published calendar invites no one and must not list who takes part.
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
  for (const entry of feed.entries) {
    assertInterval(entry.start, entry.end, 'feed entry');
    calendar.createEvent({
      id: entry.uid,
      stamp,
      start: inBrussels(entry.start, 'start'),
      end: inBrussels(entry.end, 'end'),
      timezone: BRUSSELS,
      summary: cleanText(entry.summary, { maxLength: 250 }),
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      class: ICalEventClass.PRIVATE,
    });
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
    // make the person look busy that day. No VALARM: Google and Outlook ignore alarms in
    // subscriptions and Apple removes them by default; the reminders come by mail.
    calendar.createEvent({
      id: due.uid,
      stamp,
      start: day,
      allDay: true,
      summary: cleanText(`Termijn opvolging ${due.dossier}`, { maxLength: 250 }),
      description: cleanText(`Wat er voor ${due.dossier} moet gebeuren: ${due.url}`, { maxLength: 500 }),
      url: due.url,
      status: ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
      class: ICalEventClass.PRIVATE,
    });
  }
  const content = calendar.toString();
  // Defence in depth: whatever slipped past the values, a feed never names people.
  if (/^(ATTENDEE|ORGANIZER)[;:]/m.test(content)) {
    throw new MailValueError('UNSAFE_ICS', 'a published feed must not name attendees or an organizer');
  }
  return content;
}
