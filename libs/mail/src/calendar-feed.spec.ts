import { ICAL_CHECK_DIR, libicalAvailable } from './testing/ical-check.test-util';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { calendarFeed, feedObligationUid } from './calendar-feed';
import { sessionUid } from './calendar-invitation';
import { dossierCode, emailAddress, hostName, label, MailValueError, uuid, webLink } from './mail-values';
import { parseFeed } from './testing/calendar-feed.test-util';
import { identity } from './testing/mail-fixtures.test-util';

const HOST = hostName('overlegtafels.example.be');
const zdt = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const ICO_18 = sessionUid(uuid('3a1d7c52-9b0e-4f6a-8d21-5c7e9f0b4a13'), HOST);
const ICO_25 = sessionUid(uuid('8e2b4f60-1c3d-4a5e-9f70-6b8c0d2e4f15'), HOST);
const WP_06 = sessionUid(uuid('c47d9e21-5f3a-4b8c-a016-2e9d7b5c3f28'), HOST);

const ICAL_CHECK = path.join(ICAL_CHECK_DIR, 'libical_check.py');

/** The first session of the feed; the other cases change one value of it. */
const ICO_18_ENTRY = {
  uid: ICO_18,
  sequence: 0,
  // Winter time: 09:00 in Brussels is 08:00 UTC.
  start: zdt('2026-12-18T09:00:00+01:00'),
  end: zdt('2026-12-18T12:00:00+01:00'),
  summary: 'ICO – CO3 Antwerpen',
  cancelled: false,
};

describe('calendar feed (METHOD:PUBLISH)', () => {
  const content = calendarFeed({
    name: 'Overlegtafels CO3 Antwerpen',
    organizer: identity.sender,
    stamp: zdt('2026-11-23T15:12:00+01:00'),
    entries: [
      ICO_18_ENTRY,
      {
        uid: ICO_25,
        sequence: 3,
        start: zdt('2026-12-25T09:00:00+01:00'),
        end: zdt('2026-12-25T12:00:00+01:00'),
        summary: 'Geannuleerd: ICO – CO3 Antwerpen',
        cancelled: true,
      },
      {
        uid: WP_06,
        sequence: 1,
        // Summer time: 13:30 in Brussels is 11:30 UTC, whatever zone the DateTime came in.
        start: zdt('2027-04-06T11:30:00Z'),
        end: zdt('2027-04-06T13:00:00Z'),
        summary: 'Weegploeg – CO3 Antwerpen',
        cancelled: false,
      },
    ],
  });
  const feed = parseFeed(content);

  it('is a PUBLISH calendar with our VTIMEZONE and one entry per session, named as its invitations', () => {
    expect(feed.method).toBe('PUBLISH');
    expect(feed.hasVtimezone).toBe(true);
    expect(feed.entries.map((e) => e.uid)).toEqual([ICO_18, ICO_25, WP_06]);
    expect(content.match(/^SEQUENCE:\d+\r$/gm)).toEqual(['SEQUENCE:0\r', 'SEQUENCE:3\r', 'SEQUENCE:1\r']);
  });

  it('has the calendar’s own properties before its components, and ends with CRLF', () => {
    const lines = content.split('\r\n');
    const firstComponent = lines.findIndex((l, i) => i > 0 && l.startsWith('BEGIN:'));
    expect(lines.findIndex((l) => l.startsWith('REFRESH-INTERVAL'))).toBeLessThan(firstComponent);
    expect(lines.findIndex((l) => l.startsWith('X-PUBLISHED-TTL'))).toBeLessThan(firstComponent);
    expect(lines[firstComponent]).toBe('BEGIN:VTIMEZONE');
    expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  (libicalAvailable ? it : it.skip)('passes libical’s RFC 5546 check for PUBLISH', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feed-check-'));
    try {
      const file = path.join(dir, 'feed.ics');
      writeFileSync(file, content);
      const run = spawnSync('/usr/bin/python3', [ICAL_CHECK, file], { encoding: 'utf8' });
      expect([run.status, run.stdout + run.stderr]).toEqual([0, expect.any(String)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  if (!libicalAvailable && process.env.CI) {
    throw new Error(`CI needs libical (python3-gi, gir1.2-ical-3.0) and ${ICAL_CHECK}`);
  }

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

  it('names the region’s mailbox as organizer and no attendee, and keeps the summary on one line', () => {
    expect(feed.entries.every((e) => e.attendees === 0 && e.organizers === 1)).toBe(true);
    expect(content).toContain('ORGANIZER;CN="CO3 Antwerpen":mailto:overlegtafels@co3.example.be');
    const injected = calendarFeed({
      name: 'x',
      organizer: identity.sender,
      stamp: zdt('2026-11-23T15:12:00+01:00'),
      entries: [{ ...ICO_18_ENTRY, summary: 'ICO\r\nATTENDEE:mailto:x@example.org' }],
    });
    expect(parseFeed(injected).entries[0]!.attendees).toBe(0);
  });

  it('publishes a feed whose organizer line folds: a long region name and mailbox', () => {
    const sender = {
      address: emailAddress('overlegtafels@vlaams-brabant.example.be'),
      name: label('Veilig Huis Vlaams-Brabant overlegtafels'),
    };
    const long = calendarFeed({
      name: 'Overlegtafels Vlaams-Brabant',
      organizer: sender,
      stamp: zdt('2026-11-23T15:12:00+01:00'),
      entries: [{ ...ICO_18_ENTRY, summary: 'Triage-overleg – Vlaams-Brabant' }],
    });
    const organizer = long.split('\r\n').findIndex((l) => l.startsWith('ORGANIZER'));
    expect(long.split('\r\n')[organizer + 1]).toMatch(/^ /);
    expect(parseFeed(long).entries.map((e) => [e.organizers, e.attendees])).toEqual([[1, 0]]);
  });

  it('refuses a SEQUENCE that is not a count', () => {
    const entry = {
      uid: ICO_18,
      start: zdt('2026-12-18T09:00:00+01:00'),
      end: zdt('2026-12-18T12:00:00+01:00'),
      summary: 'ICO',
      cancelled: false,
    };
    const stamp = zdt('2026-11-23T15:12:00+01:00');
    expect(() =>
      calendarFeed({ name: 'x', organizer: identity.sender, stamp, entries: [{ ...entry, sequence: -1 }] }),
    ).toThrow(MailValueError);
  });
});

describe('calendar feed: follow-up due dates', () => {
  const opvolging = webLink('https://overlegtafels.example.be/opvolging');
  const content = calendarFeed({
    name: 'Overlegtafels CO3 Antwerpen',
    organizer: identity.sender,
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
    expect(event).not.toMatch(/^(ATTENDEE|BEGIN:VALARM)/m);
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
