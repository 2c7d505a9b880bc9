import ICAL from 'ical.js';
import {
  AgendaJobsPlanner,
  AgendaMailDispatcher,
  AgendaMailingNotifier,
  FreezeSessionUseCase,
  SendAgendaUseCase,
} from '@overlegtafels/application';
import { leaves, ReceivedMail, receivedMails } from '@overlegtafels/mail/testing';
import {
  addItems,
  asTransaction,
  brussels,
  sessionRow,
  standingMemberEmails,
} from '@overlegtafels/persistence/testing';
import { parseInvitation } from '@overlegtafels/mail/testing';
import { createPrismaClient, PrismaService } from '@overlegtafels/persistence';
import { agendaJobId, QueueConnection, QUEUES } from '@overlegtafels/queues';
import { ControlledClock } from '@overlegtafels/testing';
import { AgendaPlanningCron } from '../../apps/worker/src/crons/agenda-planning.cron';
import { availableQueueBackends, eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * The agenda of one Weegploeg from the planned jobs to the partners' mailboxes, through a real
 * SMTP server: the send job (planned with its instant in the id), the agenda with the session's
 * invitation to every standing member, slot invitations to guests and casusregisseurs, then a
 * move and a cancellation of the session. Every calendar part is read back with ical.js.
 */
describe.each(availableQueueBackends())('agenda mailing through the queues (%s backend)', (backend) => {
  // Beyond the planning cron's horizon from the start clock, so only this test plans its jobs.
  const START = '2027-01-26T13:00';
  const END = '2027-01-26T16:00';
  const SEND_AT = brussels('2027-01-21T12:00').getTime();
  // A Friday noon: no session of the coming weeks has its freeze or send behind it, so the
  // worker's planning at start sends nothing by itself.
  const clock = new ControlledClock(brussels('2026-12-04T12:00'));
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;
  let nextSessionId: string;
  let items: string[];
  let rolled: string[];
  let members: string[];
  const get = <T>(type: new (...args: never[]) => T): T => t.app.get(type, { strict: false });

  beforeAll(async () => {
    t = await startTestApp({ queue: backend, clock });
    // The worker plans the coming weeks at start; let it finish before the clock moves on.
    await get(AgendaPlanningCron).settled();
    db = createPrismaClient(t.db.url, 2);
    sessionId = await sessionRow(db, 'weegploeg', START, END);
    nextSessionId = await sessionRow(db, 'weegploeg', '2027-02-09T13:00', '2027-02-09T16:00');
    items = await addItems(db, sessionId, 'weegploeg', [
      { dossierCode: 'CO3-2026-0001', itemType: 'plan-van-aanpak', slot: '2027-01-26T13:00' },
      {
        dossierCode: 'CO3-2026-0002',
        itemType: 'afronding',
        durationMinutes: 15,
        slot: '2027-01-26T13:30',
        guests: [
          { kind: 'consulent', personEmail: 'nadia.claes@example.be' },
          { kind: 'expert', email: 'kinderpsycholoog@example.org', name: 'Dr. Fictief' },
        ],
      },
    ]);
    rolled = await addItems(db, nextSessionId, 'weegploeg', [
      {
        dossierCode: 'CO3-2026-0003',
        itemType: 'afronding',
        durationMinutes: 15,
        slot: '2027-02-09T13:00',
        status: 'rolled_over',
        originalSessionId: sessionId,
      },
    ]);
    members = await standingMemberEmails(db, 'weegploeg');
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const mailsTo = (all: ReceivedMail[], email: string) => all.filter((m) => m.to === email);
  const invitations = (all: ReceivedMail[]) =>
    all
      .filter((m) => m.calendar)
      .map((m) => ({ mail: m, ics: parseInvitation(m.calendar!.content) }))
      .sort((a, b) => a.ics.sequence - b.ics.sequence);

  it('plans freeze and send with the instant in the job id, and the send job delivers every mail', async () => {
    clock.set(new Date(SEND_AT + 30_000));
    const ids = await get(AgendaJobsPlanner).planSession(sessionId);
    expect(ids).toEqual([agendaJobId('freeze', sessionId, SEND_AT), agendaJobId('send', sessionId, SEND_AT)]);
    expect(await get(QueueConnection).queue(QUEUES.agenda).getJob(ids[1]!)).toBeDefined();

    // 6 agendas, 4 slot invitations, 2 slot confirmations (freeze), 1 moved-item mail.
    const all = await eventually(
      async () => {
        const got = await receivedMails(t.sink);
        return got.length >= members.length + 4 + 2 + 1 ? got : undefined;
      },
      'every mail of the agenda send reaches SMTP',
      60_000,
    );
    expect(all).toHaveLength(members.length + 7);
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.status).toBe('sent');
    expect(session.frozenAt).not.toBeNull();

    for (const email of members) {
      const [agenda, ...more] = mailsTo(all, email);
      expect(more).toHaveLength(0);
      expect(agenda!.subject).toBe('Weegploeg 26 januari 2027 – CO3 Antwerpen');
      expect(agenda!.text).toContain('CO3-2026-0001');
      expect(agenda!.text).toContain('13:30–13:45  CO3-2026-0002  Afronding');
      expect(agenda!.text).toContain(`http://localhost:3999/agenda/${sessionId}`);
      const ics = parseInvitation(agenda!.calendar!.content);
      expect(ics).toMatchObject({
        method: 'REQUEST',
        uid: `session-${sessionId}@example.be`,
        sequence: 0,
        status: 'CONFIRMED',
        summary: 'Weegploeg – CO3 Antwerpen',
        start: '2027-01-26T12:00:00.000Z',
        end: '2027-01-26T15:00:00.000Z',
        startTzid: 'Europe/Brussels',
      });
      expect(ics.attendees.map((a) => a.value)).toEqual([`mailto:${email}`]);
      expect(ics.attendees[0]!.params).toMatchObject({ rsvp: 'TRUE', partstat: 'NEEDS-ACTION' });
      expect(ics.organizer.value).toBe('mailto:overlegtafels@example.be');
    }

    const nadia = mailsTo(all, 'nadia.claes@example.be');
    expect(nadia).toHaveLength(1);
    expect(nadia[0]!.subject).toBe(
      'Uitnodiging: CO3-2026-0002, afronding – Weegploeg 26 januari 2027 – CO3 Antwerpen',
    );
    expect(parseInvitation(nadia[0]!.calendar!.content)).toMatchObject({
      uid: `slot-${items[1]}@example.be`,
      sequence: 0,
      summary: 'Weegploeg: CO3-2026-0002, afronding',
      start: '2027-01-26T12:30:00.000Z',
      end: '2027-01-26T12:45:00.000Z',
    });
    expect(mailsTo(all, 'kinderpsycholoog@example.org')).toHaveLength(1);
    // The casusregisseurs: the slot invitation and, as submitters, the confirmation at the freeze.
    const sara = mailsTo(all, 'sara.elidrissi@example.org');
    expect(sara.map((m) => m.subject.split(':')[0]).sort()).toEqual(['Bevestigd', 'Uitnodiging']);
    expect(sara.find((m) => m.subject.startsWith('Bevestigd'))!.calendar).toBeUndefined();
    const pieter = mailsTo(all, 'pieter.vandamme@example.be');
    expect(pieter.map((m) => m.subject)).toEqual([
      'Verplaatst: CO3-2026-0003, afronding – Weegploeg 9 februari 2027 – CO3 Antwerpen',
    ]);
    expect(rolled).toHaveLength(1);

    // Sent once: running the use case or the job again adds nothing.
    expect(await get(SendAgendaUseCase).sendNow(sessionId)).toBe('not-due');
    expect(await get(FreezeSessionUseCase).freezeNow(sessionId)).toBe('not-planned');
    expect(await db.mailOutbox.count({ where: { sessionId } })).toBe(members.length + 6);
  }, 90_000);

  it('puts text/calendar;method=REQUEST inside multipart/alternative and the same calendar as .ics attachment', async () => {
    for (const mail of (await receivedMails(t.sink)).filter((m) => m.calendar)) {
      expect(mail.tree.type).toBe('multipart/mixed');
      const alternative = mail.tree.parts.find((p) => p.type === 'multipart/alternative')!;
      expect(alternative.parts.map((p) => p.type)).toEqual(['text/plain', 'text/html', 'text/calendar']);
      expect(mail.calendar!.method).toBe('REQUEST');
      expect(mail.calendar!.content).toContain('\r\nMETHOD:REQUEST\r\n');
      // The part ends where its boundary starts: the line break before it belongs to the boundary.
      expect(mail.attachment!.filename).toBe('uitnodiging.ics');
      expect(mail.attachment!.content.trimEnd()).toBe(mail.calendar!.content.trimEnd());
      expect(leaves(mail.tree).filter((p) => p.type !== 'text/calendar' && p.filename)).toHaveLength(1);
      // ORGANIZER is the sending mailbox: the From (and Sender) of the message.
      expect(mail.headers.get('from')).toEqual(['CO3 Antwerpen overlegtafels <overlegtafels@example.be>']);
    }
  });

  it('sends an update with the same UID and a higher SEQUENCE when the session moves, and ignores the stale job', async () => {
    const before = (await receivedMails(t.sink)).length;
    const prisma = get(PrismaService);
    const ids = await prisma.$transaction(async (tx) => {
      await tx.session.update({
        where: { id: sessionId },
        data: {
          startsAt: brussels('2027-01-27T13:00'),
          endsAt: brussels('2027-01-27T16:00'),
          movedFromStartsAt: brussels(START),
          moveReason: 'zaal niet beschikbaar',
        },
      });
      for (const id of items) {
        const item = await tx.agendaItem.findUniqueOrThrow({ where: { id } });
        await tx.agendaItem.update({
          where: { id },
          data: {
            slotStart: new Date(item.slotStart!.getTime() + 86_400_000),
            slotEnd: new Date(item.slotEnd!.getTime() + 86_400_000),
          },
        });
      }
      return get(AgendaMailingNotifier).sessionMoved(asTransaction(tx), sessionId, 'zaal niet beschikbaar');
    });
    await get(AgendaMailDispatcher).dispatch(ids);
    // 6 changed agendas, 4 moved slots (each of the four holds a slot invitation).
    expect(ids).toHaveLength(members.length + 4);
    const all = await eventually(
      async () => {
        const got = await receivedMails(t.sink);
        return got.length >= before + ids.length ? got : undefined;
      },
      'the updates reach SMTP',
      60_000,
    );

    const wim = invitations(mailsTo(all, 'wim.jacobs@example.be'));
    expect(wim.map((w) => [w.ics.method, w.ics.sequence, w.ics.uid, w.ics.start])).toEqual([
      ['REQUEST', 0, `session-${sessionId}@example.be`, '2027-01-26T12:00:00.000Z'],
      ['REQUEST', 1, `session-${sessionId}@example.be`, '2027-01-27T12:00:00.000Z'],
    ]);
    expect(wim[1]!.mail.subject).toBe('Gewijzigd: Weegploeg 27 januari 2027 – CO3 Antwerpen');
    const nadia = invitations(mailsTo(all, 'nadia.claes@example.be'));
    expect(nadia.map((n) => [n.ics.sequence, n.ics.uid, n.ics.start])).toEqual([
      [0, `slot-${items[1]}@example.be`, '2027-01-26T12:30:00.000Z'],
      [1, `slot-${items[1]}@example.be`, '2027-01-27T12:30:00.000Z'],
    ]);

    // The jobs planned for the old instant find a different one now and do nothing.
    expect(await get(FreezeSessionUseCase).execute({ sessionId, plannedAtMs: SEND_AT })).toBe('stale');
    expect(await get(SendAgendaUseCase).execute({ sessionId, plannedAtMs: SEND_AT })).toBe('stale');
  }, 90_000);

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED, same UID and the next SEQUENCE, to everyone invited', async () => {
    const before = (await receivedMails(t.sink)).length;
    const prisma = get(PrismaService);
    const ids = await prisma.$transaction(async (tx) => {
      await tx.session.update({
        where: { id: sessionId },
        data: { status: 'cancelled', cancelReason: 'staking', cancelledAt: clock.now() },
      });
      return get(AgendaMailingNotifier).sessionCancelled(asTransaction(tx), sessionId, 'staking');
    });
    await get(AgendaMailDispatcher).dispatch(ids);
    expect(ids).toHaveLength(members.length + 4);
    const all = await eventually(
      async () => {
        const got = await receivedMails(t.sink);
        return got.length >= before + ids.length ? got : undefined;
      },
      'the cancellations reach SMTP',
      60_000,
    );

    for (const email of members) {
      const entries = invitations(mailsTo(all, email));
      expect(entries.map((e) => [e.ics.method, e.ics.sequence, e.ics.status])).toEqual([
        ['REQUEST', 0, 'CONFIRMED'],
        ['REQUEST', 1, 'CONFIRMED'],
        ['CANCEL', 2, 'CANCELLED'],
      ]);
      expect(new Set(entries.map((e) => e.ics.uid))).toEqual(new Set([`session-${sessionId}@example.be`]));
      const cancel = entries[2]!.mail;
      expect(cancel.calendar!.method).toBe('CANCEL');
      expect(cancel.subject).toBe('Geannuleerd: Weegploeg 27 januari 2027 – CO3 Antwerpen');
      expect(cancel.text).toContain('9 februari 2027');
    }
    const expert = invitations(mailsTo(all, 'kinderpsycholoog@example.org'));
    expect(expert.map((e) => [e.ics.method, e.ics.sequence, e.ics.uid])).toEqual([
      ['REQUEST', 0, `slot-${items[1]}@example.be`],
      ['REQUEST', 1, `slot-${items[1]}@example.be`],
      ['CANCEL', 2, `slot-${items[1]}@example.be`],
    ]);
  }, 90_000);

  it('carries nothing but codes and labels in subjects and calendar texts, and UTC in DTSTAMP', async () => {
    const people = await db.person.findMany({ select: { displayName: true } });
    const names = people.flatMap((p) => p.displayName.split(' ').filter((w) => w.length > 3));
    const all = await receivedMails(t.sink);
    expect(all.length).toBeGreaterThan(30);
    for (const mail of all) {
      for (const name of names) expect(mail.subject).not.toContain(name);
      expect(mail.subject).toMatch(
        /^((Gewijzigd|Geannuleerd|Uitnodiging|Bevestigd|Verplaatst): )?(CO3-\d{4}-\d{4}, [a-z ]+ – )?Weegploeg \d{1,2} [a-z]+ \d{4} – CO3 Antwerpen$/,
      );
      if (!mail.calendar) continue;
      const ics = parseInvitation(mail.calendar.content);
      for (const name of names) {
        expect(ics.summary).not.toContain(name);
        expect(ics.description).not.toContain(name);
      }
      expect(ics.summary).toMatch(/^Weegploeg( – CO3 Antwerpen|: CO3-\d{4}-\d{4}, [a-z ]+)$/);
      expect((ics.dtstamp.getFirstValue() as ICAL.Time).zone?.tzid).toBe('UTC');
    }
  });
});
