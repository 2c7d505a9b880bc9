import ICAL from 'ical.js';

export interface ParsedFeedEntry {
  uid: string;
  status: string;
  summary: string;
  /** UTC instants, computed by ical.js from the feed's own VTIMEZONE. */
  start: string;
  end: string;
  startTzid: string | null;
  /** As ical.js prints it: a trailing Z for UTC. */
  dtstamp: string;
  attendees: number;
  organizers: number;
}

export interface ParsedFeed {
  method: string;
  hasVtimezone: boolean;
  entries: ParsedFeedEntry[];
}

/** Parses a published feed with ical.js, an independent implementation, as a calendar client would. */
export function parseFeed(content: string): ParsedFeed {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  try {
    const entries = calendar.getAllSubcomponents('vevent').map((vevent) => {
      const time = (name: string) =>
        (vevent.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
      const dtstamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
      return {
        uid: String(vevent.getFirstPropertyValue('uid')),
        status: String(vevent.getFirstPropertyValue('status')),
        summary: String(vevent.getFirstPropertyValue('summary')),
        start: time('dtstart'),
        end: time('dtend'),
        startTzid: (vevent.getFirstProperty('dtstart')!.getParameter('tzid') as string | undefined) ?? null,
        dtstamp: dtstamp.toString(),
        attendees: vevent.getAllProperties('attendee').length,
        organizers: vevent.getAllProperties('organizer').length,
      };
    });
    return {
      method: String(calendar.getFirstPropertyValue('method')),
      hasVtimezone: !!vtimezone,
      entries,
    };
  } finally {
    if (vtimezone) ICAL.TimezoneService.remove(String(vtimezone.getFirstPropertyValue('tzid')));
  }
}
