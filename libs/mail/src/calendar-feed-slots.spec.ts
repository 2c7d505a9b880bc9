import { ICAL_CHECK_DIR, libicalAvailable } from './testing/ical-check.test-util';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { calendarFeed } from './calendar-feed';
import { guestSlotUid, sessionUid } from './calendar-invitation';
import { slotSummary } from './mail-subjects';
import { dossierCode, hostName, label, place, uuid } from './mail-values';
import { parseFeed } from './testing/calendar-feed.test-util';
import { identity } from './testing/mail-fixtures.test-util';

const HOST = hostName('overlegtafels.example.be');
const zdt = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const ITEM_A = uuid('5b7e2c14-8d3f-4a61-9e02-7c4b1f6d8a35');
const ITEM_B = uuid('9c1f4e27-3a5b-4d80-b6e1-2f8a0c7d5e49');
const ITEM_C = uuid('e2d8a3b6-7f14-4c29-8a5e-1b3c6d9f0e72');
const summary = (code: string) =>
  slotSummary(label('Weegploeg'), { dossier: dossierCode(code), itemType: label('Plan van aanpak') });

/**
 * A person's own slots in their feed: each under the slot invitation's UID (`slot-<agendapunt>`),
 * with its SEQUENCE and its STATUS (TENTATIVE while provisional, CONFIRMED once confirmed,
 * CANCELLED after the CANCEL), beside the sessions of their tables.
 */
describe('calendar feed with the person’s own slots', () => {
  const content = calendarFeed({
    name: 'Overlegtafels CO3 Antwerpen',
    organizer: identity.sender,
    stamp: zdt('2026-11-23T15:12:00+01:00'),
    alarmMinutes: 60,
    entries: [
      {
        uid: sessionUid(uuid('3a1d7c52-9b0e-4f6a-8d21-5c7e9f0b4a13'), HOST),
        sequence: 2,
        start: zdt('2026-12-18T09:00:00+01:00'),
        end: zdt('2026-12-18T12:00:00+01:00'),
        summary: 'ICO – CO3 Antwerpen',
        cancelled: false,
      },
      {
        uid: guestSlotUid(ITEM_A, HOST),
        sequence: 0,
        start: zdt('2026-12-18T09:20:00+01:00'),
        end: zdt('2026-12-18T09:40:00+01:00'),
        summary: summary('CO3-2026-0042'),
        cancelled: false,
        tentative: true,
        location: place('Zaal 2, Stadhuis'),
      },
      {
        uid: guestSlotUid(ITEM_B, HOST),
        sequence: 3,
        start: zdt('2027-01-08T10:00:00+01:00'),
        end: zdt('2027-01-08T10:30:00+01:00'),
        summary: summary('CO3-2026-0043'),
        cancelled: false,
      },
      {
        uid: guestSlotUid(ITEM_C, HOST),
        sequence: 4,
        start: zdt('2027-01-15T10:00:00+01:00'),
        end: zdt('2027-01-15T10:30:00+01:00'),
        summary: `Geannuleerd: ${summary('CO3-2026-0044')}`,
        cancelled: true,
      },
    ],
  });
  const feed = parseFeed(content);
  const events = content
    .replace(/\r\n[ \t]/g, '')
    .split('BEGIN:VEVENT')
    .slice(1);
  const eventOf = (uid: string) => events.find((e) => e.includes(`\r\nUID:${uid}\r\n`))!;

  it('names each slot by the slot invitation’s UID, with its SEQUENCE and STATUS', () => {
    expect(feed.entries.map((e) => [e.uid, e.status])).toEqual([
      ['session-3a1d7c52-9b0e-4f6a-8d21-5c7e9f0b4a13@overlegtafels.example.be', 'CONFIRMED'],
      [`slot-${ITEM_A}@overlegtafels.example.be`, 'TENTATIVE'],
      [`slot-${ITEM_B}@overlegtafels.example.be`, 'CONFIRMED'],
      [`slot-${ITEM_C}@overlegtafels.example.be`, 'CANCELLED'],
    ]);
    expect(
      [ITEM_A, ITEM_B, ITEM_C].map((i) => /\r\nSEQUENCE:(\d+)\r\n/.exec(eventOf(`slot-${i}@${HOST}`))![1]),
    ).toEqual(['0', '3', '4']);
  });

  it('carries the slot’s own hours in Brussels time, its place, and codes and labels only', () => {
    const slot = feed.entries[1]!;
    expect([slot.start, slot.end, slot.startTzid]).toEqual([
      '2026-12-18T08:20:00.000Z',
      '2026-12-18T08:40:00.000Z',
      'Europe/Brussels',
    ]);
    expect(slot.summary).toBe('Weegploeg: CO3-2026-0042, plan van aanpak');
    expect(eventOf(`slot-${ITEM_A}@${HOST}`)).toContain('\r\nLOCATION:Zaal 2\\, Stadhuis\r\n');
    expect(feed.entries.every((e) => e.attendees === 0 && e.organizers === 1)).toBe(true);
  });

  it('rings the person’s reminder for a live slot, never for a cancelled one', () => {
    expect(eventOf(`slot-${ITEM_A}@${HOST}`)).toContain('BEGIN:VALARM');
    expect(eventOf(`slot-${ITEM_B}@${HOST}`)).toContain('BEGIN:VALARM');
    expect(eventOf(`slot-${ITEM_C}@${HOST}`)).not.toContain('BEGIN:VALARM');
  });

  (libicalAvailable ? it : it.skip)('passes libical’s RFC 5546 check for PUBLISH', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feed-slots-check-'));
    try {
      const file = path.join(dir, 'feed.ics');
      writeFileSync(file, content);
      const run = spawnSync('/usr/bin/python3', [path.join(ICAL_CHECK_DIR, 'libical_check.py'), file], {
        encoding: 'utf8',
      });
      expect([run.status, run.stdout + run.stderr]).toEqual([0, expect.any(String)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
