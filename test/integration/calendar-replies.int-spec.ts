import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { ProcessCalendarRepliesUseCase, SendAgendaUseCase } from '@overlegtafels/application';
import { ImapReplyMailbox } from '@overlegtafels/mail';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import type { ImapFlow } from 'imapflow';
import { dovecotSuite, startDovecot, TestImapServer } from '../support/dovecot';
import { ORGANISER, replyMail } from '../support/itip-reply';
import { weegploegWithOneSharedItem } from '../support/print-flow';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels: the Weegploeg of Tuesday 1 December is open. */
const MONDAY = '2026-11-16T09:00:00Z';

interface Invitation {
  readonly email: string;
  readonly name: string;
  readonly uid: string;
  readonly sequence: number;
}

dovecotSuite('answers to invitations become attendance (IMAP)', () => {
  let imap: TestImapServer;
  let t: TestApp;
  let sessionId: string;
  let invited: Invitation[];
  /** The session's SEQUENCE after the move: what the members' calendars hold. */
  let current: number;
  let box: ImapFlow;
  const logs: string[] = [];

  beforeAll(async () => {
    imap = await startDovecot();
    t = await startTestApp({
      clock: new ControlledClock(MONDAY),
      env: {
        REPLY_IMAP_URL: imap.url,
        REPLY_IMAP_USER: imap.user,
        REPLY_IMAP_PASSWORD: imap.password,
        // The suite runs the processor itself; the worker's own poll stays out of the way.
        REPLY_POLL_SECONDS: '3600',
      },
    });
    ({ sessionId } = await weegploegWithOneSharedItem(t));
    box = await imap.client();
  }, 120_000);
  afterAll(async () => {
    await box?.logout().catch(() => undefined);
    await t?.close();
    await imap?.stop();
  });
  beforeEach(() => {
    for (const level of ['log', 'warn', 'error'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((message: unknown, ..._rest: unknown[]) => {
        logs.push(String(message));
      });
    }
  });
  afterEach(() => jest.restoreAllMocks());

  const processor = () => t.app.get(ProcessCalendarRepliesUseCase, { strict: false });
  const inbox = async (folder: string) => {
    // A connection of its own: STATUS of the mailbox `box` has selected may lag (RFC 3501 §6.3.10).
    const c = await imap.client();
    try {
      const status = await c.status(folder, { messages: true });
      return status ? (status.messages ?? 0) : 0;
    } finally {
      await c.logout();
    }
  };
  async function answersOnPage(): Promise<Record<string, string>> {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const html = await (
      await fetch(`${t.baseUrl}/agenda/${sessionId}`, {
        headers: { cookie: lotte.cookie, accept: 'text/html' },
      })
    ).text();
    return Object.fromEntries(
      [...html.matchAll(/<tr data-answer="([^"]+)"><td>([^<]+)<\/td>/g)].map((m) => [m[2]!, m[1]!]),
    );
  }

  it('sends the agenda, then a change: the members hold the session’s invitation at its current SEQUENCE', async () => {
    expect(await t.app.get(SendAgendaUseCase, { strict: false }).sendNow(sessionId)).toBe('sent');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const moved = await lotte.post(`/api/sessions/${sessionId}/move`, {
      date: '2026-12-01',
      start: '13:30',
      end: '16:30',
      reason: 'Later begin',
    });
    expect(moved.status).toBe(204);
    const prisma = createPrismaClient(t.db.url, 1);
    try {
      const mails = await prisma.mailOutbox.findMany({
        where: { sessionId, icsMethod: 'REQUEST', agendaItemId: null },
        orderBy: { createdAt: 'asc' },
        select: { recipientEmail: true, icsContent: true, sequence: true, recipientPersonId: true },
      });
      current = (await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).icsSequence;
      const latest = new Map(mails.map((m) => [m.recipientEmail, m]));
      invited = [];
      for (const [email, mail] of latest) {
        const person = mail.recipientPersonId
          ? await prisma.person.findUniqueOrThrow({ where: { id: mail.recipientPersonId } })
          : undefined;
        invited.push({
          email,
          name: person?.displayName ?? email,
          uid: /^UID:(.+)\r$/m.exec(mail.icsContent!)![1]!,
          sequence: mail.sequence,
        });
      }
    } finally {
      await prisma.$disconnect();
    }
    expect(invited.length).toBeGreaterThanOrEqual(5);
    expect(new Set(invited.map((i) => i.uid))).toEqual(new Set([`session-${sessionId}@example.be`]));
    expect(current).toBeGreaterThan(0);
    expect(invited.map((i) => i.sequence)).toEqual(invited.map(() => current));
    // Nobody answered yet.
    const page = await answersOnPage();
    expect(Object.keys(page).sort()).toEqual(invited.map((i) => i.name).sort());
    expect(new Set(Object.values(page))).toEqual(new Set(['geen antwoord']));
  });

  it('applies accept, tentative and decline from the IMAP inbox; a stale, a forged and hostile ones change nothing; other mail stays', async () => {
    const [a, b, c, d, e] = invited;
    const uid = a!.uid;
    const mails: [string, string][] = [
      [
        'accept',
        replyMail({
          from: a!.email,
          attendee: a!.email,
          uid,
          sequence: current,
          partstat: 'ACCEPTED',
          messageId: 'r1',
        }),
      ],
      [
        'tentative',
        replyMail({
          from: `"${b!.name}" <${b!.email.toUpperCase()}>`,
          attendee: b!.email,
          uid,
          sequence: current,
          partstat: 'TENTATIVE',
          messageId: 'r2',
        }),
      ],
      [
        'decline',
        replyMail({
          from: c!.email,
          attendee: c!.email,
          uid,
          sequence: current,
          partstat: 'DECLINED',
          messageId: 'r3',
        }),
      ],
      // To the first invitation, replaced by the move: ignored.
      [
        'stale',
        replyMail({
          from: d!.email,
          attendee: d!.email,
          uid,
          sequence: current - 1,
          partstat: 'ACCEPTED',
          messageId: 'r4',
        }),
      ],
      // Someone declining for another.
      [
        'forged',
        replyMail({
          from: e!.email,
          attendee: a!.email,
          uid,
          sequence: current,
          partstat: 'DECLINED',
          messageId: 'r5',
        }),
      ],
      [
        'wrong charset',
        replyMail({
          from: e!.email,
          attendee: e!.email,
          uid,
          sequence: current,
          partstat: 'DECLINED',
          messageId: 'r6',
          charset: 'ISO-2022-JP',
        }),
      ],
      [
        'injected attendee',
        replyMail({
          from: e!.email,
          attendee: e!.email,
          uid,
          sequence: current,
          partstat: 'DECLINED',
          messageId: 'r7',
          extraEvent: [`ATTENDEE;PARTSTAT=DECLINED:mailto:${a!.email}`],
        }),
      ],
      [
        'huge',
        replyMail({
          from: e!.email,
          attendee: e!.email,
          uid,
          sequence: current,
          partstat: 'DECLINED',
          messageId: 'r8',
          extraEvent: Array.from({ length: 4000 }, (_, i) => `COMMENT:${'x'.repeat(70)}${i}`),
        }),
      ],
      [
        'not a reply',
        `From: ${a!.email}\r\nTo: ${ORGANISER}\r\nSubject: Vraag\r\nMessage-ID: <vraag@agenda.example.org>\r\n\r\nKan ik iets later komen?\r\n`,
      ],
    ];
    for (const [, raw] of mails) await box.append('INBOX', raw);
    expect(await inbox('INBOX')).toBe(mails.length);

    const run = await processor().execute();
    expect(run).toEqual({ applied: 3, ignored: 1, refused: 4, left: 1 });

    const page = await answersOnPage();
    expect(page[a!.name]).toBe('aanvaard');
    expect(page[b!.name]).toBe('voorlopig');
    expect(page[c!.name]).toBe('afgemeld');
    expect(page[d!.name]).toBe('geen antwoord');
    expect(page[e!.name]).toBe('geen antwoord');
    // The handled messages left the inbox for their folders; the question stayed, unread.
    expect(await inbox('INBOX')).toBe(1);
    expect(await inbox('Verwerkt')).toBe(4);
    expect(await inbox('Geweigerd')).toBe(4);
    const lock = await box.getMailboxLock('INBOX');
    try {
      const [left] = await box.fetchAll('1:*', { envelope: true, flags: true });
      expect(left!.envelope!.subject).toBe('Vraag');
      expect([...left!.flags!]).not.toContain('\\Seen');
    } finally {
      lock.release();
    }
    // Logs name messages by hashed id and outcome code only: no address, no name.
    expect(logs.some((l) => /^reply [0-9a-f]{12}: refused SENDER_NOT_ATTENDEE$/.test(l))).toBe(true);
    expect(logs.some((l) => /refused (ONE_ATTENDEE_EXPECTED|BAD_CHARSET|TOO_LARGE)/.test(l))).toBe(true);
    expect(logs.filter((l) => /@|Verbeke|Jacobs/i.test(l))).toEqual([]);
  });

  it('is idempotent: the same messages again, or a re-run, change nothing', async () => {
    const before = await answersOnPage();
    expect(await processor().execute()).toEqual({ applied: 0, ignored: 0, refused: 0, left: 1 });
    // A client that sends its answer twice (same Message-ID), and the copies are put back.
    const [a] = invited;
    await box.append(
      'INBOX',
      replyMail({
        from: a!.email,
        attendee: a!.email,
        uid: a!.uid,
        sequence: current,
        partstat: 'DECLINED',
        messageId: 'r1',
      }),
    );
    expect(await processor().execute()).toEqual({ applied: 0, ignored: 1, refused: 0, left: 1 });
    expect(await answersOnPage()).toEqual(before);
    expect(await inbox('INBOX')).toBe(1);
    const prisma = createPrismaClient(t.db.url, 1);
    try {
      // Every message that was read, once; the huge one was refused by its size, unread.
      expect(await prisma.processedReplyMessage.count()).toBe(7);
      expect(await prisma.calendarReply.count()).toBe(3);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('a later answer of the same attendee replaces the earlier one', async () => {
    const [, b] = invited;
    await box.append(
      'INBOX',
      replyMail({
        from: b!.email,
        attendee: b!.email,
        uid: b!.uid,
        sequence: current,
        partstat: 'ACCEPTED',
        messageId: 'r9',
      }),
    );
    expect(await processor().execute()).toEqual({ applied: 1, ignored: 0, refused: 0, left: 1 });
    expect((await answersOnPage())[b!.name]).toBe('aanvaard');
  });

  it('survives a stop between recording an answer and moving its message: applied once, moved on the next run', async () => {
    const [, , , d] = invited;
    await box.append(
      'INBOX',
      replyMail({
        from: d!.email,
        attendee: d!.email,
        uid: d!.uid,
        sequence: current,
        partstat: 'DECLINED',
        messageId: 'r10',
      }),
    );
    // The connection drops at the move, after the answer was recorded.
    const open = ImapReplyMailbox.prototype.open;
    const cut = jest.spyOn(ImapReplyMailbox.prototype, 'open').mockImplementation(function (
      this: ImapReplyMailbox,
      work,
    ) {
      return open.call(this, (mailbox) =>
        work({
          ...mailbox,
          moveTo: async () => {
            throw new Error('connection lost');
          },
        }),
      );
    } as typeof open);
    await expect(processor().execute()).rejects.toThrow('connection lost');
    cut.mockRestore();
    expect((await answersOnPage())[d!.name]).toBe('afgemeld');
    expect(await inbox('INBOX')).toBe(2);

    expect(await processor().execute()).toEqual({ applied: 0, ignored: 1, refused: 0, left: 1 });
    expect((await answersOnPage())[d!.name]).toBe('afgemeld');
    expect(await inbox('INBOX')).toBe(1);
    expect(await inbox('Verwerkt')).toBe(7);
  });

  it('applies a casusregisseur’s answer to their own slot’s invitation; a stale, a forged and an uninvited one change nothing', async () => {
    const prisma = createPrismaClient(t.db.url, 1);
    let slot: { itemId: string; email: string; name: string; uid: string; sequence: number; code: string };
    try {
      // Sara's plan van aanpak: she is its casusregisseur and holds its slot, not the session.
      const row = await prisma.mailOutbox.findFirstOrThrow({
        where: {
          sessionId,
          agendaItemId: { not: null },
          icsMethod: 'REQUEST',
          recipientEmail: 'sara.elidrissi@example.org',
        },
        orderBy: [{ sequence: 'desc' }, { createdAt: 'desc' }],
        select: { agendaItemId: true, recipientEmail: true, icsContent: true, sequence: true },
      });
      const item = await prisma.agendaItem.findUniqueOrThrow({
        where: { id: row.agendaItemId! },
        select: { icsSequence: true, dossier: { select: { code: true } } },
      });
      slot = {
        itemId: row.agendaItemId!,
        email: row.recipientEmail,
        name: 'Sara El Idrissi',
        uid: /^UID:(.+)\r$/m.exec(row.icsContent!)![1]!,
        sequence: row.sequence,
        code: item.dossier.code,
      };
      expect(slot.uid).toBe(`slot-${slot.itemId}@example.be`);
      // The move re-sent the slot at its agendapunt's SEQUENCE.
      expect([slot.sequence > 0, slot.sequence]).toEqual([true, item.icsSequence]);
    } finally {
      await prisma.$disconnect();
    }
    const [a] = invited;
    const toSlot = (
      from: string,
      attendee: string,
      partstat: string,
      messageId: string,
      sequence = slot.sequence,
    ) => replyMail({ from, attendee, uid: slot.uid, sequence, partstat, messageId });
    for (const raw of [
      toSlot(slot.email, slot.email, 'ACCEPTED', 's1'),
      // To the slot before the move.
      toSlot(slot.email, slot.email, 'DECLINED', 's2', slot.sequence - 1),
      // Tom declining Sara's slot for her.
      toSlot('tom.peeters@example.org', slot.email, 'DECLINED', 's3'),
      // A member holds the session's invitation, not Sara's slot.
      toSlot(a!.email, a!.email, 'DECLINED', 's4'),
    ])
      await box.append('INBOX', raw);
    expect(await processor().execute()).toEqual({ applied: 1, ignored: 1, refused: 2, left: 1 });
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const html = await (
      await fetch(`${t.baseUrl}/agenda/${sessionId}`, {
        headers: { cookie: lotte.cookie, accept: 'text/html' },
      })
    ).text();
    expect(html).toContain(`<tr data-answer="aanvaard" data-slot="${slot.code}"><td>${slot.name}</td>`);
    // The member's own answer to the session is what it was.
    expect((await answersOnPage())[a!.name]).toBe('aanvaard');
    const check = createPrismaClient(t.db.url, 1);
    try {
      expect(
        await check.calendarReply.findMany({
          where: { agendaItemId: slot.itemId },
          select: { attendeeEmail: true, partstat: true, sessionId: true },
        }),
      ).toEqual([{ attendeeEmail: slot.email, partstat: 'ACCEPTED', sessionId }]);
    } finally {
      await check.$disconnect();
    }
  });
});

/** The default mode: an answer sent to the local sink goes through the same processor. */
describe('answers to invitations become attendance (default mode, local sink)', () => {
  let t: TestApp;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: new ControlledClock(MONDAY), env: { REPLY_POLL_SECONDS: '3600' } });
    ({ sessionId } = await weegploegWithOneSharedItem(t));
  }, 120_000);
  afterAll(async () => t?.close());

  it('applies a reply mailed to the region’s mailbox and moves it to Verwerkt in the sink', async () => {
    expect(await t.app.get(SendAgendaUseCase, { strict: false }).sendNow(sessionId)).toBe('sent');
    const prisma = createPrismaClient(t.db.url, 1);
    let member: { email: string; name: string; uid: string; sequence: number };
    try {
      const mail = await prisma.mailOutbox.findFirstOrThrow({
        where: { sessionId, icsMethod: 'REQUEST', agendaItemId: null, recipientPersonId: { not: null } },
        select: { recipientEmail: true, icsContent: true, sequence: true, recipientPersonId: true },
      });
      const person = await prisma.person.findUniqueOrThrow({ where: { id: mail.recipientPersonId! } });
      member = {
        email: mail.recipientEmail,
        name: person.displayName,
        uid: /^UID:(.+)\r$/m.exec(mail.icsContent!)![1]!,
        sequence: mail.sequence,
      };
    } finally {
      await prisma.$disconnect();
    }
    // Sent as a calendar client would, over SMTP to the sink.
    const smtp = createTransport({ url: t.config.smtpUrl });
    await smtp.sendMail({
      envelope: { from: member.email, to: [ORGANISER] },
      raw: replyMail({
        from: member.email,
        attendee: member.email,
        uid: member.uid,
        sequence: member.sequence,
        partstat: 'TENTATIVE',
        messageId: 'sink-1',
      }),
    });
    smtp.close();
    const caught = () => readdirSync(t.sink.directory).filter((f) => f.endsWith('.eml'));
    const before = caught();

    const run = await t.app.get(ProcessCalendarRepliesUseCase, { strict: false }).execute();
    expect(run.applied).toBe(1);
    const moved = readdirSync(path.join(t.sink.directory, 'Verwerkt'));
    expect(moved).toHaveLength(1);
    // Only the reply left the sink's list; the agenda mails stay for /dev/mail (more may arrive).
    const after = caught();
    expect(after).not.toContain(moved[0]);
    expect(before.filter((f) => f !== moved[0]).every((f) => after.includes(f))).toBe(true);
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const html = await (
      await fetch(`${t.baseUrl}/agenda/${sessionId}`, {
        headers: { cookie: lotte.cookie, accept: 'text/html' },
      })
    ).text();
    expect(html).toContain(`<tr data-answer="voorlopig"><td>${member.name}</td>`);
    // The answers are for the coordinators: a member's view of the agenda has none.
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const asMember = await fetch(`${t.baseUrl}/agenda/${sessionId}`, {
      headers: { cookie: wim.cookie, accept: 'text/html' },
    });
    expect(asMember.status).toBe(200);
    expect(await asMember.text()).not.toContain('data-answers');
    expect(await t.app.get(ProcessCalendarRepliesUseCase, { strict: false }).execute()).toMatchObject({
      applied: 0,
      refused: 0,
    });
  });
});
