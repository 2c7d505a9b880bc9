import fc from 'fast-check';
import { foldLines } from 'ical-generator';
import { DateTime } from 'luxon';
import {
  CalendarEntry,
  foldIcs,
  invitationCalendar,
  serializeCalendar,
  CalendarUid,
  InvitationAttendee,
  assertIcsShape,
  guestSlotUid,
  invitationCancel,
  invitationRequest,
  invitationRequests,
  sessionUid,
  unfoldIcs,
} from './calendar-invitation';
import {
  IcsDescription,
  IcsSummary,
  sessionDescription,
  sessionSummary,
  slotDescription,
  slotSummary,
} from './mail-subjects';
import { Label, MailValueError, cleanText, emailAddress, uuid } from './mail-values';
import { icsLines, icsShape, parseInvitation } from './testing/ics.test-util';
import {
  ITEM_ID,
  WEEGPLOEG_ID,
  agendaUrl,
  alice,
  bob,
  code42,
  detailsUrl,
  identity,
  planVanAanpak,
  stamp,
  weegploeg,
  zdt,
} from './testing/mail-fixtures.test-util';

const HOST = identity.uidHost;

function sessionEntry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    uid: sessionUid(WEEGPLOEG_ID, HOST),
    sequence: 0,
    stamp,
    start: weegploeg.start,
    end: weegploeg.end,
    summary: sessionSummary(weegploeg.table, identity.region),
    description: sessionDescription(
      [
        {
          start: zdt('2026-12-01T13:00'),
          end: zdt('2026-12-01T13:30'),
          dossier: code42,
          itemType: planVanAanpak,
        },
      ],
      agendaUrl,
    ),
    location: weegploeg.location,
    organizer: identity.sender,
    attendees: [alice],
    ...overrides,
  };
}

const VTIMEZONE_SHAPE = [
  'BEGIN:VTIMEZONE',
  'TZID',
  'X-LIC-LOCATION',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM',
  'TZOFFSETTO',
  'TZNAME',
  'DTSTART',
  'RRULE',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM',
  'TZOFFSETTO',
  'TZNAME',
  'DTSTART',
  'RRULE',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function expectedShape(attendees: number, location = true): string[] {
  return [
    'BEGIN:VCALENDAR',
    'VERSION',
    'PRODID',
    'METHOD',
    ...VTIMEZONE_SHAPE,
    'BEGIN:VEVENT',
    'UID',
    'SEQUENCE',
    'DTSTAMP',
    'DTSTART',
    'DTEND',
    'SUMMARY',
    ...(location ? ['LOCATION'] : []),
    'DESCRIPTION',
    'ORGANIZER',
    ...Array<string>(attendees).fill('ATTENDEE'),
    'STATUS',
    'CLASS',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
}

describe('session invitation (METHOD:REQUEST)', () => {
  it.each([
    [
      'a winter session',
      '2026-12-01T13:00',
      '2026-12-01T16:00',
      '2026-12-01T12:00:00.000Z',
      '2026-12-01T15:00:00.000Z',
    ],
    [
      'the week before summer time',
      '2026-03-24T13:00',
      '2026-03-24T16:00',
      '2026-03-24T12:00:00.000Z',
      '2026-03-24T15:00:00.000Z',
    ],
    [
      'Tuesday of the week summer time starts',
      '2026-03-31T13:00',
      '2026-03-31T16:00',
      '2026-03-31T11:00:00.000Z',
      '2026-03-31T14:00:00.000Z',
    ],
    [
      'Tuesday of the week summer time ends',
      '2026-10-27T13:00',
      '2026-10-27T16:00',
      '2026-10-27T12:00:00.000Z',
      '2026-10-27T15:00:00.000Z',
    ],
    [
      'a Friday ICO in summer',
      '2026-07-03T09:30',
      '2026-07-03T12:00',
      '2026-07-03T07:30:00.000Z',
      '2026-07-03T10:00:00.000Z',
    ],
  ])('puts %s at the right UTC instants for ical.js', (_case, start, end, utcStart, utcEnd) => {
    const ics = invitationRequest(sessionEntry({ start: zdt(start), end: zdt(end) }));
    const parsed = parseInvitation(ics.content);
    expect(parsed.start).toBe(utcStart);
    expect(parsed.end).toBe(utcEnd);
    expect(parsed.startTzid).toBe('Europe/Brussels');
  });

  it('has the iTIP properties calendar clients need', () => {
    const ics = invitationRequest(sessionEntry());
    expect(ics.method).toBe('REQUEST');
    const parsed = parseInvitation(ics.content);
    expect(parsed.method).toBe('REQUEST');
    expect(parsed.uid).toBe(`session-${WEEGPLOEG_ID}@overlegtafels.example.be`);
    expect(parsed.sequence).toBe(0);
    expect(parsed.status).toBe('CONFIRMED');
    expect(parsed.summary).toBe('Weegploeg – CO3 Antwerpen');
    expect(parsed.organizer).toEqual({ value: 'mailto:overlegtafels@co3.example.be', cn: 'CO3 Antwerpen' });
    expect(parsed.attendees).toEqual([
      {
        value: 'mailto:lotte.vermeulen@caw.example.org',
        params: {
          role: 'REQ-PARTICIPANT',
          partstat: 'NEEDS-ACTION',
          rsvp: 'TRUE',
          // No name: invitations carry ids and codes only.
          cn: null,
          cutype: 'INDIVIDUAL',
        },
      },
    ]);
    expect(parsed.vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Brussels');
    expect(icsShape(ics.content)).toEqual(expectedShape(1));
  });

  it('writes DTSTAMP in UTC from the given stamp and never a calendar-level zone', () => {
    const { content } = invitationRequest(
      sessionEntry({ stamp: DateTime.fromISO('2026-11-23T09:15:07', { zone: 'Europe/Brussels' }) }),
    );
    expect(icsLines(content, 'DTSTAMP')).toEqual(['DTSTAMP:20261123T081507Z']);
    expect(content).not.toMatch(/TIMEZONE-ID|X-WR-TIMEZONE|X-WR-CALNAME/);
    expect(icsLines(content, 'DTSTART')).toContain('DTSTART;TZID=Europe/Brussels:20261201T130000');
    // Lines are CRLF-terminated and folded at 75 octets.
    expect(content.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has no RRULE in the VEVENT (one entry per session)', () => {
    const { content } = invitationRequest(sessionEntry());
    const vevent = content.slice(content.indexOf('BEGIN:VEVENT'));
    expect(vevent).not.toContain('RRULE');
  });

  it('does not depend on the zone the times were given in', () => {
    const inBrussels = invitationRequest(sessionEntry()).content;
    const inNewYork = invitationRequest(
      sessionEntry({
        start: weegploeg.start.setZone('America/New_York'),
        end: weegploeg.end.toUTC(),
        stamp: stamp.setZone('Asia/Tokyo'),
      }),
    ).content;
    expect(inNewYork).toBe(inBrussels);
  });

  it('lists every attendee given, each with RSVP and NEEDS-ACTION', () => {
    const { content } = invitationRequest(
      sessionEntry({ attendees: [alice, bob, { address: bob.address }] }),
    );
    expect(icsShape(content)).toEqual(expectedShape(3));
    const parsed = parseInvitation(content);
    expect(parsed.attendees.map((a) => [a.value, a.params.rsvp, a.params.partstat, a.params.cn])).toEqual([
      ['mailto:lotte.vermeulen@caw.example.org', 'TRUE', 'NEEDS-ACTION', null],
      ['mailto:pieter.claes@politie.example.org', 'TRUE', 'NEEDS-ACTION', null],
      ['mailto:pieter.claes@politie.example.org', 'TRUE', 'NEEDS-ACTION', null],
    ]);
  });
});

describe('the life of one calendar entry', () => {
  it('keeps the UID through an update and a cancellation while SEQUENCE grows', () => {
    const invite = invitationRequest(sessionEntry({ sequence: 0 }));
    const moved = invitationRequest(
      sessionEntry({
        sequence: 1,
        start: zdt('2026-12-01T14:00'),
        end: zdt('2026-12-01T17:00'),
        stamp: stamp.plus({ days: 1 }),
      }),
    );
    const cancelled = invitationCancel(sessionEntry({ sequence: 2, stamp: stamp.plus({ days: 2 }) }));
    const [a, b, c] = [invite, moved, cancelled].map((i) => parseInvitation(i.content));
    expect(new Set([a!.uid, b!.uid, c!.uid]).size).toBe(1);
    expect([a!.sequence, b!.sequence, c!.sequence]).toEqual([0, 1, 2]);
    expect([a!.method, b!.method, c!.method]).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect([a!.status, b!.status, c!.status]).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(b!.start).toBe('2026-12-01T13:00:00.000Z');
    expect(cancelled.method).toBe('CANCEL');
    expect(icsShape(cancelled.content)).toEqual(expectedShape(1));
    // A cancellation asks for no answer.
    expect(c!.attendees[0]!.params.rsvp).toBeNull();
    expect(c!.attendees[0]!.params.partstat).toBe('NEEDS-ACTION');
  });

  it('derives stable, distinct UIDs for a session and a guest slot', () => {
    expect(sessionUid(uuid('6F0C2A8E-4B7D-4C1E-9A3F-2D5E8B1C7A90'), HOST)).toBe(
      sessionUid(WEEGPLOEG_ID, HOST),
    );
    expect(guestSlotUid(ITEM_ID, HOST)).toBe(`slot-${ITEM_ID}@overlegtafels.example.be`);
    expect(guestSlotUid(ITEM_ID, HOST)).not.toBe(sessionUid(ITEM_ID, HOST));
  });

  it('marks a provisional guest slot TENTATIVE and its confirmation CONFIRMED', () => {
    const slot = {
      start: zdt('2026-12-01T13:30'),
      end: zdt('2026-12-01T14:00'),
      dossier: code42,
      itemType: planVanAanpak,
    };
    const entry = (sequence: number, tentative: boolean) =>
      sessionEntry({
        uid: guestSlotUid(ITEM_ID, HOST),
        sequence,
        start: slot.start,
        end: slot.end,
        summary: slotSummary(weegploeg.table, slot),
        description: slotDescription(slot, detailsUrl, tentative),
        attendees: [bob],
        tentative,
      });
    const provisional = parseInvitation(invitationRequest(entry(0, true)).content);
    const confirmed = parseInvitation(invitationRequest(entry(1, false)).content);
    expect(provisional.status).toBe('TENTATIVE');
    expect(confirmed.status).toBe('CONFIRMED');
    expect(provisional.uid).toBe(confirmed.uid);
    expect(provisional.summary).toBe('Weegploeg: CO3-2026-0042, plan van aanpak');
    expect(provisional.description).toContain('Onder voorbehoud');
    expect(confirmed.description).not.toContain('Onder voorbehoud');
  });
});

describe('hostile text', () => {
  const HOSTILE = [
    'x\r\nATTENDEE:mailto:evil@example.org',
    'a\rBCC: x@example.org',
    'a\nEND:VEVENT\nBEGIN:VEVENT',
    '\\;,',
    'Lotte "CN=x" \\ Vermeulen:mailto:evil@example.org;ROLE=CHAIR',
    'x\u2028DESCRIPTION:y',
    'x\u0085SUMMARY:y',
    "^n^'",
  ];

  it.each(HOSTILE)('in a name that comes along with an attendee (%j) is never written', (hostile) => {
    // A caller's recipient may carry a name for the greeting; the invitation takes the address only.
    const withName = { address: alice.address, name: hostile } as InvitationAttendee;
    const { content } = invitationRequest(sessionEntry({ attendees: [withName] }));
    expect(icsShape(content)).toEqual(expectedShape(1));
    const [attendee] = parseInvitation(content).attendees;
    expect(attendee!.value).toBe('mailto:lotte.vermeulen@caw.example.org');
    expect(attendee!.params.role).toBe('REQ-PARTICIPANT');
    expect(attendee!.params.cn ?? null).toBeNull();
    expect(icsLines(content, 'ATTENDEE')[0]).not.toContain('CN=');
  });

  it.each(HOSTILE)(
    'forced past the types into summary, description and location (%j) stays text',
    (hostile) => {
      // Labels and summaries cannot hold these (the brands refuse them); this checks the layer
      // below as well, in case a cast ever slips in.
      const { content } = invitationRequest(
        sessionEntry({
          summary: hostile as IcsSummary,
          description: hostile as IcsDescription,
          location: hostile as Label,
        }),
      );
      expect(icsShape(content)).toEqual(expectedShape(1));
      const parsed = parseInvitation(content);
      expect(parsed.summary).toBe(cleanText(hostile));
      expect(parsed.description).toBe(cleanText(hostile, { multiline: true }));
    },
  );

  it('refuses an invitation whose output would carry an injected line', () => {
    const uid = 'x@example.be\r\nATTENDEE:mailto:evil@example.org' as CalendarUid;
    expect(() => invitationRequest(sessionEntry({ uid }))).toThrow(
      expect.objectContaining({ code: 'UNSAFE_ICS' }),
    );
  });
});

describe('refused input', () => {
  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])('SEQUENCE %p', (sequence) => {
    expect(() => invitationRequest(sessionEntry({ sequence }))).toThrow(
      expect.objectContaining({ code: 'INVALID_SEQUENCE' }),
    );
  });

  it('an entry that ends before it starts, an invalid stamp, no attendees', () => {
    expect(() => invitationRequest(sessionEntry({ end: weegploeg.start }))).toThrow(MailValueError);
    expect(() => invitationRequest(sessionEntry({ stamp: DateTime.invalid('x') }))).toThrow(MailValueError);
    expect(() => invitationCancel(sessionEntry({ attendees: [] }))).toThrow(
      expect.objectContaining({ code: 'UNSAFE_ICS' }),
    );
  });
});

describe('assertIcsShape', () => {
  const good = invitationRequest(sessionEntry()).content;
  const expectation = { method: 'REQUEST' as const, attendees: 1, location: true };

  it('accepts what the builder writes', () => {
    expect(() => assertIcsShape(good, expectation)).not.toThrow();
    expect(unfoldIcs(good).length).toBeGreaterThan(30);
  });

  it.each([
    [
      'an extra property',
      good.replace('STATUS:CONFIRMED\r\n', 'STATUS:CONFIRMED\r\nATTENDEE:mailto:evil@example.org\r\n'),
    ],
    ['an unknown property', good.replace('CLASS:PRIVATE\r\n', 'CLASS:PRIVATE\r\nX-EVIL:1\r\n')],
    ['a second event', good.replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR')],
    ['a bare LF', good.replace('CLASS:PRIVATE\r\n', 'CLASS:PRIVATE\nX:1\r\n')],
    ['a wrong METHOD', good.replace('METHOD:REQUEST', 'METHOD:PUBLISH')],
    ['a missing END', good.replace('END:VCALENDAR', '')],
    ['an alarm', good.replace('END:VEVENT', 'BEGIN:VALARM\r\nEND:VALARM\r\nEND:VEVENT')],
  ])('rejects %s', (_case, content) => {
    expect(() => assertIcsShape(content, expectation)).toThrow(
      expect.objectContaining({ code: 'UNSAFE_ICS' }),
    );
  });
});

describe('serialization', () => {
  it('folds exactly as ical-generator does, for any text', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 300 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const content = lines.join('\r\n');
        expect(foldIcs(content)).toBe(foldLines(content));
      }),
      { numRuns: 500 },
    );
    const mixed = `DESCRIPTION:${'Zitting é ✓ 𝄞 '.repeat(20)}`;
    expect(foldIcs(mixed)).toBe(foldLines(mixed));
    for (const folded of foldIcs(mixed).split('\r\n')) {
      expect(Buffer.byteLength(folded, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('writes the same calendar as ical-generator, for requests and cancellations', () => {
    const entries: ['REQUEST' | 'CANCEL', CalendarEntry][] = [
      ['REQUEST', sessionEntry()],
      ['REQUEST', sessionEntry({ attendees: [alice, bob], location: undefined, sequence: 7 })],
      [
        'REQUEST',
        sessionEntry({
          attendees: [{ address: emailAddress('zoe.celik@example.org') }],
          description: `${'Agenda: CO3-2026-0042, plan van aanpak; é ✓ '.repeat(30)}` as IcsDescription,
          tentative: true,
        }),
      ],
      ['CANCEL', sessionEntry({ sequence: 3 })],
    ];
    for (const [method, entry] of entries) {
      const calendar = invitationCalendar(method, entry);
      expect(serializeCalendar(calendar)).toBe(calendar.toString());
    }
  });
});

describe('invitationRequests (one entry, a copy per recipient)', () => {
  it('gives each recipient exactly the invitation invitationRequest gives them alone', () => {
    const { attendees: _none, ...entry } = sessionEntry({ sequence: 5 });
    const forEach = invitationRequests(entry);
    const people = [
      alice,
      bob,
      { address: alice.address },
      { address: bob.address, name: 'Zoë "Çelik"; Ørsted, \\ 𝄞' },
      { address: bob.address, name: `Een heel lange naam ${'met veel woorden '.repeat(8)}` },
      { address: alice.address, name: 'x\r\nATTENDEE:mailto:evil@example.org' },
    ];
    for (const person of people) {
      expect(forEach(person)).toEqual(invitationRequest({ ...entry, attendees: [person] }));
    }
    const withoutLocation = invitationRequests({ ...entry, location: undefined, tentative: true });
    expect(withoutLocation(bob)).toEqual(
      invitationRequest({ ...entry, location: undefined, tentative: true, attendees: [bob] }),
    );
  });

  it('names only its own recipient', () => {
    const { attendees: _none, ...entry } = sessionEntry();
    const forEach = invitationRequests(entry);
    const a = forEach(alice).content;
    const b = forEach(bob).content;
    expect(icsLines(a, 'ATTENDEE')).toHaveLength(1);
    expect(a).not.toContain(bob.address);
    expect(b).not.toContain(alice.address);
    expect(a).not.toContain('invalid.example');
  });
});
