import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { SendAgendaUseCase } from '@overlegtafels/application';
import { ICAL_CHECK_DIR, ICAL_PYTHON, libicalAvailable, receivedMails } from '@overlegtafels/mail/testing';
import { addItems, brussels, sessionRow } from '@overlegtafels/persistence/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { AgendaPlanningCron } from '../../apps/worker/src/crons/agenda-planning.cron';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const ICAL_CHECK = ICAL_CHECK_DIR;
const PYTHON = ICAL_PYTHON;
const libical = libicalAvailable;

/** Every way a typed text could try to end a header line or an iCalendar content line. */
const HOSTILE = {
  regisseur: 'Sara\r\nBcc: evil@example.org',
  consulentName: 'Nadia\rX-Injected: yes\r\nATTENDEE:mailto:evil@example.org',
  expertName: 'Dr. "Fictief"; ROLE=CHAIR, \\N\nEND:VEVENT\nBEGIN:VEVENT',
  member: 'Wim\u2028Jacobs\u0085;CN=evil\\,',
  organisation: 'CAW Regio Noord\r\nSubject: gelekt',
  question: 'Vraag over familie Janssens;\r\nDESCRIPTION:gelekt\\, echt\rSUMMARY:Xqzlek',
};

const VEVENT_PROPERTIES = [
  'uid',
  'sequence',
  'dtstamp',
  'dtstart',
  'dtend',
  'summary',
  'description',
  // The Weegploeg's configured place and online link (#15).
  'location',
  'url',
  'organizer',
  'attendee',
  'status',
  'class',
];
const HEADERS_ONCE = [
  'from',
  'sender',
  'to',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
];

/**
 * Hostile names and question texts (CR, LF, lone CR, NEL, U+2028, `;`, `,`, `\`, quotes) in
 * everything the agenda send reads: they may end up as text in a mail body, never as a header, a
 * calendar property, a parameter or an attendee, and the question never leaves the database.
 */
describe('agenda mails with hostile names and question texts', () => {
  const clock = new ControlledClock(brussels('2026-12-04T12:00'));
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await t.app.get(AgendaPlanningCron, { strict: false }).settled();
    db = createPrismaClient(t.db.url, 2);
    const rename = (email: string, displayName: string) =>
      db.person.updateMany({ where: { email }, data: { displayName } });
    await rename('sara.elidrissi@example.org', HOSTILE.regisseur);
    await rename('nadia.claes@example.be', HOSTILE.consulentName);
    await rename('wim.jacobs@example.be', HOSTILE.member);
    await db.organisation.updateMany({ where: { kind: 'caw' }, data: { name: HOSTILE.organisation } });
    sessionId = await sessionRow(db, 'weegploeg', '2027-01-26T13:00', '2027-01-26T16:00');
    await addItems(db, sessionId, 'weegploeg', [
      {
        dossierCode: 'CO3-2026-0001',
        itemType: 'plan-van-aanpak',
        slot: '2027-01-26T13:00',
        question: HOSTILE.question,
        guests: [
          { kind: 'consulent', personEmail: 'nadia.claes@example.be' },
          { kind: 'expert', email: 'expert@example.org', name: HOSTILE.expertName },
          // An address that is no address is left out, the others still get theirs.
          { kind: 'expert', email: 'evil@example.org>\r\nBcc: x@example.org', name: 'x' },
        ],
      },
    ]);
    clock.set(brussels('2027-01-21T12:00'));
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('adds no header, property, parameter or attendee, and never sends the question', async () => {
    expect(await t.app.get(SendAgendaUseCase, { strict: false }).sendNow(sessionId)).toBe('sent');
    const expected = await db.mailOutbox.count({ where: { sessionId } });
    // 6 members, 3 slot invitations (regisseur, consulent, expert). The submitter is the regisseur,
    // who hears the definitive slot in the invitation itself, not in a confirmation besides (#15).
    expect(expected).toBe(9);
    const mails = await eventually(async () => {
      const got = await receivedMails(t.sink);
      return got.length >= expected ? got : undefined;
    }, 'every mail reaches SMTP');

    const dir = mkdtempSync(path.join(tmpdir(), 'agenda-hostile-'));
    try {
      for (const [i, mail] of mails.entries()) {
        for (const name of HEADERS_ONCE) expect(mail.headers.get(name) ?? [name]).toHaveLength(1);
        expect([...mail.headers.keys()].filter((h) => !HEADERS_ONCE.includes(h))).toEqual([]);
        expect(mail.to).not.toContain('evil');
        expect(mail.raw).not.toContain('Janssens');
        expect(mail.raw).not.toContain('Xqzlek');
        if (!mail.calendar) continue;

        const calendar = new ICAL.Component(ICAL.parse(mail.calendar.content));
        const events = calendar.getAllSubcomponents('vevent');
        expect(events).toHaveLength(1);
        const names = events[0]!.getAllProperties().map((p) => p.name);
        expect([...new Set(names)].sort()).toEqual([...VEVENT_PROPERTIES].sort());
        expect(names.filter((n) => n !== 'attendee')).toHaveLength(VEVENT_PROPERTIES.length - 1);
        const attendees = events[0]!.getAllProperties('attendee');
        expect(attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${mail.to}`]);
        for (const attendee of attendees) {
          // The address only: no CN, so the member's (hostile) name cannot reach the invitation.
          expect(Object.keys(attendee.toJSON()[1] as object).sort()).toEqual([
            'cutype',
            'partstat',
            'role',
            'rsvp',
          ]);
          expect(attendee.getParameter('role')).toBe('REQ-PARTICIPANT');
        }
        expect(
          calendar
            .getAllSubcomponents()
            .map((c) => c.name)
            .sort(),
        ).toEqual(['vevent', 'vtimezone']);
        const eml = path.join(dir, `${i}.eml`);
        writeFileSync(eml, mail.raw);
        if (libical) {
          const check = spawnSync(PYTHON, [path.join(ICAL_CHECK, 'eml_check.py'), eml], { encoding: 'utf8' });
          expect(`${check.status} ${check.stdout}${check.stderr}`).toMatch(/^0 /);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const sara = mails.filter((m) => m.to === 'sara.elidrissi@example.org');
    expect(sara.length).toBeGreaterThan(0);
    // The name is kept as text in the greeting, on one line.
    expect(sara[0]!.text).toContain('Beste Sara Bcc: evil@example.org,');
  }, 90_000);
});
