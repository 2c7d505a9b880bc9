import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { calendarFeed, feedObligationUid } from './calendar-feed';
import { ALARM_DESCRIPTION } from './calendar-alarm';
import {
  CalendarEntry,
  assertIcsShape,
  invitationCancel,
  invitationRequest,
  invitationRequests,
  sessionUid,
} from './calendar-invitation';
import { sessionDescription, sessionSummary } from './mail-subjects';
import { MailValueError, dossierCode, webLink } from './mail-values';
import { ICAL_CHECK_DIR, ICAL_PYTHON, libicalAvailable } from './testing/ical-check.test-util';
import { icsLines } from './testing/ics.test-util';
import { composer, rows } from './testing/every-mail.test-util';
import {
  WEEGPLOEG_ID,
  agendaUrl,
  alice,
  bob,
  identity,
  stamp,
  weegploeg,
  zdt,
} from './testing/mail-fixtures.test-util';

// The reminder a person chose (none, 15 min, 1 h, 1 day) as a VALARM in their invitations and feed.

function entry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    uid: sessionUid(WEEGPLOEG_ID, identity.uidHost),
    sequence: 2,
    stamp,
    start: weegploeg.start,
    end: weegploeg.end,
    summary: sessionSummary(weegploeg.table, identity.region),
    description: sessionDescription(rows, agendaUrl),
    location: weegploeg.location,
    organizer: identity.sender,
    attendees: [alice],
    ...overrides,
  };
}

/** The VALARMs of the one VEVENT (or of each VEVENT of a feed), read by ical.js. */
function alarmsOf(content: string): { action: string; trigger: string; description: string }[][] {
  const calendar = new ICAL.Component(ICAL.parse(content));
  return calendar.getAllSubcomponents('vevent').map((event) =>
    event.getAllSubcomponents('valarm').map((alarm) => ({
      action: String(alarm.getFirstPropertyValue('action')),
      trigger: String(alarm.getFirstPropertyValue('trigger')),
      description: String(alarm.getFirstPropertyValue('description')),
    })),
  );
}

function libicalCheck(content: string): [number | null, string] {
  const dir = mkdtempSync(path.join(tmpdir(), 'alarm-check-'));
  try {
    const file = path.join(dir, 'calendar.ics');
    writeFileSync(file, content);
    const run = spawnSync(ICAL_PYTHON, [path.join(ICAL_CHECK_DIR, 'libical_check.py'), file], {
      encoding: 'utf8',
    });
    return [run.status, run.stdout + run.stderr];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!libicalAvailable && process.env.CI) {
  throw new Error(`CI needs libical (python3-gi, gir1.2-ical-3.0) and ${ICAL_CHECK_DIR}`);
}

describe('an invitation with the recipient’s reminder', () => {
  it.each([
    [15, '-PT15M'],
    [60, '-PT1H'],
    [1440, '-P1D'],
  ])('%p minutes: one display alarm, TRIGGER %s before the start, no case data', (minutes, trigger) => {
    const { content } = invitationRequest(entry({ alarmMinutes: minutes }));
    expect(alarmsOf(content)).toEqual([[{ action: 'DISPLAY', trigger, description: ALARM_DESCRIPTION }]]);
    expect(icsLines(content, 'TRIGGER')).toEqual([`TRIGGER:${trigger}`]);
    // Inside the VEVENT, after its properties.
    expect(content).toMatch(/CLASS:PRIVATE\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n/);
    expect(content).toMatch(/END:VALARM\r\nEND:VEVENT\r\n/);
    expect(ALARM_DESCRIPTION).not.toMatch(/CO3-\d|Lotte|Vermeulen/);
  });

  it('has none when the recipient chose none', () => {
    for (const alarmMinutes of [undefined, null]) {
      const { content } = invitationRequest(entry({ alarmMinutes }));
      expect(alarmsOf(content)).toEqual([[]]);
      expect(content).not.toContain('VALARM');
    }
  });

  it('a cancellation carries none (the entry goes away)', () => {
    const { alarmMinutes: _none, tentative: _t, ...cancel } = entry({ alarmMinutes: 15 });
    expect(invitationCancel({ ...cancel, sequence: 3 }).content).not.toContain('VALARM');
  });

  it('each copy of a fan-out carries its own recipient’s reminder, as invitationRequest does', () => {
    const { attendees: _a, ...shared } = entry();
    const forEach = invitationRequests(shared);
    for (const [person, minutes] of [
      [alice, 15],
      [bob, null],
      [alice, 1440],
      [bob, 15],
    ] as const) {
      expect(forEach(person, minutes)).toEqual(
        invitationRequest({ ...shared, attendees: [person], alarmMinutes: minutes }),
      );
    }
    expect(alarmsOf(forEach(alice, 60).content)[0]![0]!.trigger).toBe('-PT1H');
    expect(forEach(bob).content).not.toContain('VALARM');
  });

  it.each([0, -15, 1.5, Number.NaN, 8 * 24 * 60])('refuses %p minutes', (minutes) => {
    expect(() => invitationRequest(entry({ alarmMinutes: minutes }))).toThrow(
      expect.objectContaining({ code: 'INVALID_ALARM' }),
    );
  });

  it('the shape check refuses an alarm that is not ours: another action, an after-start trigger, extra text', () => {
    const { content } = invitationRequest(entry({ alarmMinutes: 15 }));
    const shape = { method: 'REQUEST' as const, attendees: 1, location: true, alarm: true };
    expect(() => assertIcsShape(content, shape)).not.toThrow();
    expect(() => assertIcsShape(content, { ...shape, alarm: false })).toThrow(MailValueError);
    for (const [from, to] of [
      ['ACTION:DISPLAY', 'ACTION:EMAIL'],
      ['TRIGGER:-PT15M', 'TRIGGER:PT15M'],
      [`DESCRIPTION:${ALARM_DESCRIPTION}`, 'DESCRIPTION:CO3-2026-0042 familie X'],
      ['END:VALARM', 'ATTACH:https://example.org/x\r\nEND:VALARM'],
    ]) {
      expect(() => assertIcsShape(content.replace(from!, to!), shape)).toThrow(
        expect.objectContaining({ code: 'UNSAFE_ICS' }),
      );
    }
  });

  it('comes through the composer from the recipient’s choice, for the agenda and a slot', async () => {
    const agenda = await composer.agenda({
      recipient: { ...alice, reminderMinutes: 60 },
      session: weegploeg,
      rows,
      agendaUrl,
      invitation: { sequence: 0, stamp },
    });
    expect(alarmsOf(agenda.ics!.content)[0]!.map((a) => a.trigger)).toEqual(['-PT1H']);
    const fanOut = composer.agendaInvitations({
      session: weegploeg,
      rows,
      agendaUrl,
      invitation: { sequence: 0, stamp },
    });
    expect(fanOut({ ...alice, reminderMinutes: 60 })).toEqual(agenda.ics);
    expect(fanOut(alice).content).not.toContain('VALARM');
    const slot = await composer.guestInvitation({
      recipient: { ...bob, reminderMinutes: 1440 },
      session: weegploeg,
      slot: {
        agendaItemId: WEEGPLOEG_ID,
        start: zdt('2026-12-01T13:30'),
        end: zdt('2026-12-01T14:00'),
        dossier: dossierCode('CO3-2026-0042'),
        itemType: rows[0]!.itemType,
      },
      detailsUrl: agendaUrl,
      invitation: { sequence: 0, stamp },
    });
    expect(alarmsOf(slot.ics!.content)[0]!.map((a) => a.trigger)).toEqual(['-P1D']);
  });

  (libicalAvailable ? it : it.skip).each([15, 60, 1440])(
    'passes libical’s check with %p minutes',
    (minutes) => {
      expect(libicalCheck(invitationRequest(entry({ alarmMinutes: minutes })).content)).toEqual([
        0,
        expect.any(String),
      ]);
    },
  );
});

describe('a feed with the subscriber’s reminder', () => {
  const feed = (alarmMinutes: number | null) =>
    calendarFeed({
      name: 'Overlegtafels CO3 Antwerpen',
      organizer: identity.sender,
      stamp: zdt('2026-11-23T15:12:00+01:00'),
      alarmMinutes,
      entries: [
        {
          uid: sessionUid(WEEGPLOEG_ID, identity.uidHost),
          sequence: 1,
          start: zdt('2026-12-01T13:00'),
          end: zdt('2026-12-01T16:00'),
          summary: 'Weegploeg – CO3 Antwerpen',
          cancelled: false,
        },
        {
          uid: sessionUid(WEEGPLOEG_ID.replace(/^./, 'a') as typeof WEEGPLOEG_ID, identity.uidHost),
          sequence: 2,
          start: zdt('2026-12-15T13:00'),
          end: zdt('2026-12-15T16:00'),
          summary: 'Geannuleerd: Weegploeg – CO3 Antwerpen',
          cancelled: true,
        },
      ],
      dueDates: [
        {
          uid: feedObligationUid('0b8f4c2e-1d3a-4e5f-9a6b-7c8d9e0f1a2b', identity.uidHost),
          dossier: dossierCode('CO3-2026-0042'),
          date: '2027-02-01',
          url: webLink('https://overlegtafels.example.be/opvolging'),
        },
      ],
    });

  it('puts the alarm on the sessions that take place, not on a cancelled one or a due date', () => {
    expect(alarmsOf(feed(15))).toEqual([
      [{ action: 'DISPLAY', trigger: '-PT15M', description: ALARM_DESCRIPTION }],
      [],
      [],
    ]);
    expect(alarmsOf(feed(null))).toEqual([[], [], []]);
  });

  (libicalAvailable ? it : it.skip)('passes libical’s PUBLISH check with an alarm', () => {
    expect(libicalCheck(feed(1440))).toEqual([0, expect.any(String)]);
  });
});
