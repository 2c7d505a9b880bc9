import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SendAgendaUseCase } from '@overlegtafels/application';
import {
  ICAL_CHECK_DIR,
  ICAL_PYTHON,
  libicalAvailable,
  parseFeed,
  receivedMails,
} from '@overlegtafels/mail/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #16, "done when": libical's checker passes on every invitation and on the feed, and the
 * invitations and the feed of one person name each session once, with the same SEQUENCE. The ICO
 * of Friday 4 December 2026 gets two aanmeldingen (each aanmelder's slot invitation), its agenda
 * goes out (the members' session invitation, the slots confirmed), it moves (updates of the
 * session and of both slots), and it is cancelled (CANCEL of the session; both slots roll over
 * to the next ICO).
 * Every message that reached SMTP with a calendar part goes through eml_check.py (which runs
 * libical on its calendar part), the feeds of a member and of an aanmelder through
 * libical_check.py.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const WIM = 'wim.jacobs@example.be';
const EVA = 'eva.wouters@example.org';
const KARIM = 'karim.bouzid@example.be';

/** The logical lines of a calendar, folding undone. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const uidOf = (ics: string) => /^UID:(.+)$/m.exec(unfold(ics).replace(/\r/g, ''))![1]!;
const sequenceOf = (ics: string) => Number(/^SEQUENCE:(\d+)$/m.exec(unfold(ics).replace(/\r/g, ''))![1]);

describe('every invitation and the feed pass libical; one person sees each session once', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;
  const items: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-libical-'));

  beforeAll(async () => {
    if (!libicalAvailable && process.env.CI) {
      throw new Error(`CI needs libical (python3-gi, gir1.2-ical-3.0) and ${ICAL_CHECK_DIR}`);
    }
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 2);
    for (const email of [EVA, KARIM]) {
      const { organisationId } = await db.person.findFirstOrThrow({ where: { email } });
      const res = await (
        await loginAs(t, email)
      ).post('/api/aanmeldingen', aanmeldingInput(organisationId!, email, 'Aanmelding.'));
      expect(res.status).toBe(201);
      items.push(((await res.json()) as { agendaItemId: string }).agendaItemId);
    }
    sessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: items[0]! } })).sessionId;
  }, 120_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.$disconnect();
    await t?.close();
  });

  function check(script: 'eml_check.py' | 'libical_check.py', content: string, name: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const run = spawnSync(ICAL_PYTHON, [path.join(ICAL_CHECK_DIR, script), file], { encoding: 'utf8' });
    return `${run.status} ${run.stdout}${run.stderr}`;
  }

  async function feedOf(email: string): Promise<string> {
    const person = await loginAs(t, email);
    const res = await fetch(`${t.baseUrl}/agenda-abonnement`, {
      method: 'POST',
      headers: {
        cookie: person.cookie,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: person.csrfToken }),
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    const url = /value="https?:\/\/[^"/]+(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(await res.text())![1]!;
    const feed = await fetch(`${t.baseUrl}${url}`);
    expect(feed.status).toBe(200);
    return feed.text();
  }

  it('sends, moves and cancels the session through the use cases and the API', async () => {
    expect(await t.app.get(SendAgendaUseCase, { strict: false }).sendNow(sessionId)).toBe('sent');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const moved = await lotte.post(`/api/sessions/${sessionId}/move`, {
      date: '2026-12-04',
      start: '10:00',
      end: '12:30',
      reason: 'Later begin',
    });
    expect(moved.status).toBe(204);
    expect(
      (await lotte.post(`/api/sessions/${sessionId}/cancel`, { reason: 'Zaal niet beschikbaar' })).status,
    ).toBe(204);
    const rows = await eventually(
      async () => {
        const all = await db.mailOutbox.findMany({
          where: { sessionId, icsContent: { not: null } },
          select: { status: true },
        });
        return all.length > 0 && all.every((r) => r.status === 'sent') && all;
      },
      'every invitation of the session is delivered',
      60_000,
    );
    expect(rows.length).toBeGreaterThan(10);
  }, 120_000);

  it('every invitation that reached SMTP passes eml_check and libical: the session’s REQUESTs and CANCEL, the slots’ REQUESTs', async () => {
    const mails = (await receivedMails(t.sink)).filter((m) => m.calendar);
    const kinds = new Set(
      mails.map((m) => `${uidOf(m.calendar!.content).split('-')[0]} ${m.calendar!.method}`),
    );
    // The session's whole life, and the slots' from the aanmelding to the next ICO: a cancelled
    // session's items roll over, so their slots move (a REQUEST), not cancelled; the slot's
    // CANCEL is checked in libs/mail (every-invitation.libical.spec).
    expect([...kinds].sort()).toEqual(['session CANCEL', 'session REQUEST', 'slot REQUEST']);
    const slotMails = mails.filter((m) => m.calendar!.content.includes('UID:slot-'));
    expect(new Set(slotMails.map((m) => m.to))).toEqual(new Set([EVA, KARIM]));
    const outbox = await db.mailOutbox.count({ where: { icsContent: { not: null }, status: 'sent' } });
    expect(mails.length).toBe(outbox);
    if (!libicalAvailable) return;
    const failed = mails
      .map((m, i) => [m.calendar!.method, m.to, check('eml_check.py', m.raw, `mail-${i}.eml`)] as const)
      .filter(([, , result]) => !result.startsWith('0 '));
    expect(failed).toEqual([]);
    const parts = mails
      .map((m, i) => check('libical_check.py', m.calendar!.content, `part-${i}.ics`))
      .filter((result) => !result.startsWith('0 '));
    expect(parts).toEqual([]);
  });

  it('the feeds of a member and of an aanmelder pass libical', async () => {
    for (const email of [WIM, KARIM]) {
      const feed = await feedOf(email);
      expect(feed.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
      if (libicalAvailable) expect(check('libical_check.py', feed, `feed-${email}.ics`)).toMatch(/^0 /);
    }
  });

  it('a member’s invitations and feed name each session once, with the SEQUENCE of the last invitation, also moved then cancelled', async () => {
    const mine = (await receivedMails(t.sink)).filter((m) => m.to === WIM && m.calendar);
    // The agenda, the move's update, the cancellation.
    expect(mine.map((m) => m.calendar!.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    const last = new Map<string, number>();
    for (const m of mine) last.set(uidOf(m.calendar!.content), sequenceOf(m.calendar!.content));
    expect([...last.keys()]).toEqual([`session-${sessionId}@example.be`]);

    const body = await feedOf(WIM);
    const feed = parseFeed(body);
    const uids = feed.entries.map((e) => e.uid);
    // Every entry of the feed once, whatever session it is.
    expect(uids.length).toBeGreaterThan(1);
    expect(uids.length).toBe(new Set(uids).size);
    const events = unfold(body).split('BEGIN:VEVENT').slice(1);
    for (const [uid, sequence] of last) {
      const entries = feed.entries.filter((e) => e.uid === uid);
      // Once, at its last time, cancelled, with the SEQUENCE of the last invitation.
      expect(entries.map((e) => [e.start, e.status])).toEqual([['2026-12-04T09:00:00.000Z', 'CANCELLED']]);
      const event = events.filter((e) => e.includes(`\r\nUID:${uid}\r\n`));
      expect(event.map(sequenceOf)).toEqual([sequence]);
    }
    const stored = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored.icsSequence).toBe(last.get(`session-${sessionId}@example.be`));
  });

  it('an aanmelder’s feed names his own slot once, with the UID, SEQUENCE and STATUS of his last slot invitation, at its current time', async () => {
    const slotMails = (await receivedMails(t.sink)).filter(
      (m) => m.to === KARIM && m.calendar?.content.includes('UID:slot-'),
    );
    const last = new Map<string, { sequence: number; status: string }>();
    for (const m of slotMails) {
      const status = /^STATUS:(\w+)$/m.exec(unfold(m.calendar!.content).replace(/\r/g, ''))![1]!;
      last.set(uidOf(m.calendar!.content), {
        sequence: sequenceOf(m.calendar!.content),
        status: m.calendar!.method === 'CANCEL' ? 'CANCELLED' : status,
      });
    }
    expect([...last.keys()]).toEqual([`slot-${items[1]}@example.be`]);
    const body = await feedOf(KARIM);
    const events = unfold(body).split('BEGIN:VEVENT').slice(1);
    const item = await db.agendaItem.findUniqueOrThrow({
      where: { id: items[1]! },
      include: { session: true },
    });
    for (const [uid, { sequence, status }] of last) {
      const event = events.filter((e) => e.includes(`\r\nUID:${uid}\r\n`));
      expect(event.map((e) => [sequenceOf(e), /\r\nSTATUS:(\w+)\r\n/.exec(e)![1]])).toEqual([
        [sequence, status],
      ]);
      const start = parseFeed(body).entries.find((e) => e.uid === uid)!.start;
      // On the next ICO, where the cancellation carried it.
      expect(start).toBe((item.slotStart ?? item.session.startsAt).toISOString());
    }
    // Only his own slot: not Eva's.
    expect(body).not.toContain(`slot-${items[0]}@`);
  });
});
