import ICAL from 'ical.js';
import { unfoldIcs } from '../calendar-invitation';

/** Property names in order, BEGIN/END included as "BEGIN:X" / "END:X": the shape of an ICS. */
export function icsShape(content: string): string[] {
  return unfoldIcs(content).map((line) => {
    const name = /^[A-Z][A-Z0-9-]*/.exec(line)?.[0] ?? `?${line}`;
    return name === 'BEGIN' || name === 'END' ? line : name;
  });
}

/** The unfolded value lines of one property, e.g. all ATTENDEE lines. */
export function icsLines(content: string, name: string): string[] {
  return unfoldIcs(content).filter((l) => l.startsWith(`${name};`) || l.startsWith(`${name}:`));
}

export interface ParsedInvitation {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  startTzid: string | null;
  dtstamp: ICAL.Property;
  organizer: { value: string; cn: string | null };
  attendees: { value: string; params: Record<string, unknown> }[];
  vtimezone: ICAL.Component | null;
}

/**
 * Parses an invitation with ical.js, an independent implementation, with the zone taken from the
 * file's own VTIMEZONE (ical.js knows no zones but UTC by itself), so DTSTART/DTEND come back
 * as UTC instants computed from *our* VTIMEZONE rules.
 */
export function parseInvitation(content: string): ParsedInvitation {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  try {
    const events = calendar.getAllSubcomponents('vevent');
    if (events.length !== 1) throw new Error(`expected one VEVENT, got ${events.length}`);
    const vevent = events[0]!;
    const time = (name: string) => {
      const value = vevent.getFirstPropertyValue(name) as ICAL.Time;
      return value.toJSDate().toISOString();
    };
    const organizer = vevent.getFirstProperty('organizer')!;
    return {
      method: String(calendar.getFirstPropertyValue('method')),
      uid: String(vevent.getFirstPropertyValue('uid')),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      status: String(vevent.getFirstPropertyValue('status')),
      summary: String(vevent.getFirstPropertyValue('summary')),
      description: String(vevent.getFirstPropertyValue('description')),
      start: time('dtstart'),
      end: time('dtend'),
      startTzid: (vevent.getFirstProperty('dtstart')!.getParameter('tzid') as string | undefined) ?? null,
      dtstamp: vevent.getFirstProperty('dtstamp')!,
      organizer: {
        value: String(organizer.getFirstValue()).replace(/^mailto:/i, 'mailto:'),
        cn: (organizer.getParameter('cn') as string | undefined) ?? null,
      },
      attendees: vevent.getAllProperties('attendee').map((p) => ({
        // URI schemes are case-insensitive; ical-generator writes MAILTO: for attendees.
        value: String(p.getFirstValue()).replace(/^mailto:/i, 'mailto:'),
        params: Object.fromEntries(
          ['role', 'partstat', 'rsvp', 'cn', 'cutype'].map((k) => [k, p.getParameter(k) ?? null]),
        ),
      })),
      vtimezone,
    };
  } finally {
    if (vtimezone) ICAL.TimezoneService.remove('Europe/Brussels');
  }
}
