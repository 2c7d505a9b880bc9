import ical, { ICalCalendarMethod, ICalEventClass, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { BRUSSELS, assertInterval, inBrussels } from './brussels-time';
import type { CalendarUid } from './calendar-invitation';
import { HostName, MailValueError, cleanText } from './mail-values';
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

export interface CalendarFeed {
  /** The calendar's name in the subscriber's client. */
  readonly name: string;
  /** DTSTAMP of every entry: when the feed was produced. Passed in: rendering never reads the clock. */
  readonly stamp: DateTime;
  readonly entries: readonly FeedEntry[];
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
  const content = calendar.toString();
  // Defence in depth: whatever slipped past the values, a feed never names people.
  if (/^(ATTENDEE|ORGANIZER)[;:]/m.test(content)) {
    throw new MailValueError('UNSAFE_ICS', 'a published feed must not name attendees or an organizer');
  }
  return content;
}
