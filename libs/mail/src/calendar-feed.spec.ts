import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { calendarFeed, feedObligationUid, feedSessionUid } from './calendar-feed';
import { dossierCode, hostName, MailValueError, webLink } from './mail-values';
import { parseFeed } from './testing/calendar-feed.test-util';

const HOST = hostName('overlegtafels.example.be');
const zdt = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('calendar feed (METHOD:PUBLISH)', () => {
  const content = calendarFeed({
    name: 'Overlegtafels CO3 Antwerpen',
    stamp: zdt('2026-11-23T15:12:00+01:00'),
    entries: [
      {
        uid: feedSessionUid('ico', '2026-12-18', HOST),
        // Winter time: 09:00 in Brussels is 08:00 UTC.
        start: zdt('2026-12-18T09:00:00+01:00'),
        end: zdt('2026-12-18T12:00:00+01:00'),
        summary: 'ICO – CO3 Antwerpen',
        cancelled: false,
      },
      {
        uid: feedSessionUid('ico', '2026-12-25', HOST),
        start: zdt('2026-12-25T09:00:00+01:00'),
        end: zdt('2026-12-25T12:00:00+01:00'),
        summary: 'Geannuleerd: ICO – CO3 Antwerpen',
        cancelled: true,
      },
      {
        uid: feedSessionUid('weegploeg', '2027-04-06', HOST),
        // Summer time: 13:30 in Brussels is 11:30 UTC, whatever zone the DateTime came in.
        start: zdt('2027-04-06T11:30:00Z'),
        end: zdt('2027-04-06T13:00:00Z'),
        summary: 'Weegploeg – CO3 Antwerpen',
        cancelled: false,
      },
    ],
  });
  const feed = parseFeed(content);

  it('is a PUBLISH calendar with our VTIMEZONE and one entry per session', () => {
    expect(feed.method).toBe('PUBLISH');
    expect(feed.hasVtimezone).toBe(true);
    expect(feed.entries.map((e) => e.uid)).toEqual([
      'session-ico-2026-12-18@overlegtafels.example.be',
      'session-ico-2026-12-25@overlegtafels.example.be',
      'session-weegploeg-2027-04-06@overlegtafels.example.be',
    ]);
  });

  it('writes Brussels wall time with TZID, which ical.js reads back as the right instants', () => {
    expect(feed.entries.map((e) => [e.startTzid, e.start, e.end])).toEqual([
      ['Europe/Brussels', '2026-12-18T08:00:00.000Z', '2026-12-18T11:00:00.000Z'],
      ['Europe/Brussels', '2026-12-25T08:00:00.000Z', '2026-12-25T11:00:00.000Z'],
      ['Europe/Brussels', '2027-04-06T11:30:00.000Z', '2027-04-06T13:00:00.000Z'],
    ]);
    expect(content).toContain('DTSTART;TZID=Europe/Brussels:20270406T133000');
  });

  it('stamps every entry in UTC', () => {
    expect(new Set(feed.entries.map((e) => e.dtstamp))).toEqual(new Set(['2026-11-23T14:12:00Z']));
    expect(content).toContain('DTSTAMP:20261123T141200Z');
  });

  it('marks a cancelled session CANCELLED and the others CONFIRMED', () => {
    expect(feed.entries.map((e) => e.status)).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED']);
  });

  it('names no attendee or organizer, and keeps the summary on one line', () => {
    expect(feed.entries.every((e) => e.attendees === 0 && e.organizers === 0)).toBe(true);
    const injected = calendarFeed({
      name: 'x',
      stamp: zdt('2026-11-23T15:12:00+01:00'),
      entries: [
        {
          uid: feedSessionUid('ico', '2026-12-18', HOST),
          start: zdt('2026-12-18T09:00:00+01:00'),
          end: zdt('2026-12-18T12:00:00+01:00'),
          summary: 'ICO\r\nATTENDEE:mailto:x@example.org',
          cancelled: false,
        },
      ],
    });
    expect(parseFeed(injected).entries[0]!.attendees).toBe(0);
  });

  it('refuses a UID from anything but a table key and a date', () => {
    expect(() => feedSessionUid('ico\r\nX', '2026-12-18', HOST)).toThrow(MailValueError);
    expect(() => feedSessionUid('ico', '18/12/2026', HOST)).toThrow(MailValueError);
  });
});

describe('calendar feed: follow-up due dates', () => {
  const opvolging = webLink('https://overlegtafels.example.be/opvolging');
  const content = calendarFeed({
    name: 'Overlegtafels CO3 Antwerpen',
    stamp: zdt('2026-03-28T23:30:00+01:00'),
    entries: [],
    dueDates: [
      {
        uid: feedObligationUid('0b6f4c1e-8a57-4d0e-9c53-2f1a9e3d7b10', HOST),
        dossier: dossierCode('CO3-2026-0042'),
        // The day after the clocks go forward: still one whole day, 29 March.
        date: '2026-03-29',
        url: opvolging,
      },
    ],
  });
  const unfolded = content.replace(/\r\n[ \t]/g, '');
  const event = unfolded.slice(unfolded.indexOf('BEGIN:VEVENT'), unfolded.indexOf('END:VEVENT'));

  it('is an all-day VEVENT on the due date, never a VTODO', () => {
    expect(content).not.toContain('VTODO');
    expect(event).toMatch(/^DTSTART;VALUE=DATE:20260329\r$/m);
    expect(event).not.toMatch(/^DTEND(?!;VALUE=DATE:20260330)/m);
    expect(event).toContain('UID:obligation-0b6f4c1e-8a57-4d0e-9c53-2f1a9e3d7b10@overlegtafels.example.be');
  });

  it('carries the dossier code and the link only, and leaves free/busy alone', () => {
    expect(event).toContain('SUMMARY:Termijn opvolging CO3-2026-0042');
    expect(event).toContain('URL;VALUE=URI:https://overlegtafels.example.be/opvolging');
    expect(event).toContain('TRANSP:TRANSPARENT');
    expect(event).toContain('CLASS:PRIVATE');
    expect(event).not.toMatch(/^(ATTENDEE|ORGANIZER|BEGIN:VALARM)/m);
  });

  it('reads back in ical.js as a date without a time', () => {
    const vevent = new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!;
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2026-03-29');
  });

  it('refuses a UID from anything but an obligation id', () => {
    expect(() => feedObligationUid('CO3-2026-0042', HOST)).toThrow(MailValueError);
  });
});
