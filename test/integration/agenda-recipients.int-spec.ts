import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SendAgendaUseCase } from '@overlegtafels/application';
import { parseInvitation, ReceivedMail, receivedMails } from '@overlegtafels/mail/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { brussels, standingMemberEmails } from '@overlegtafels/persistence/testing';
import { ControlledClock } from '@overlegtafels/testing';
import { AgendaPlanningCron } from '../../apps/worker/src/crons/agenda-planning.cron';
import { pageUser } from '../support/page-client';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 4: the agenda reaches the people of the meeting. Two casusregisseurs (Sara El
 * Idrissi, Tom Peeters) each put a plan van aanpak on the Weegploeg of 1 December 2026, Sara with
 * an expert as guest; the coordinator sets the session's own place and online link and sends the
 * agenda now. Every standing member gets the agenda with the session's invitation, the expert only
 * Sara's slot, each casusregisseur their own slot; one press sends once. Then the place changes
 * (updated invitations, higher SEQUENCE), the feed carries it, and an empty Ronde Tafel is not
 * sent as a meeting: its coordinators are asked. Every invitation passes libical.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
// Beside the repository (../shared); ICAL_CHECK_DIR where the checkout sits elsewhere (a worktree).
const ICAL_CHECK = process.env.ICAL_CHECK_DIR ?? path.resolve(__dirname, '../../../shared/tools/ical-check');
const PYTHON = '/usr/bin/python3';
const libical =
  existsSync(path.join(ICAL_CHECK, 'eml_check.py')) &&
  spawnSync(PYTHON, ['-c', "import gi; gi.require_version('ICalGLib','3.0')"], { stdio: 'ignore' }).status ===
    0;

const SARA = 'sara.elidrissi@example.org';
const TOM = 'tom.peeters@example.org';
const EXPERT = 'kinderpsycholoog@example.org';
const COORDINATOR = 'lotte.verbeke@example.be';
const PLACE = 'Zaal 5, Proefplein 3, 2000 Antwerpen';
const LINK = 'https://meet.example.be/weegploeg-1-december';
const SUBJECT = 'Weegploeg 1 december 2026 – CO3 Antwerpen';

/** The logical lines of a calendar, folding undone. */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const property = (ics: string, name: string) =>
  lines(ics).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('agenda mails to the people of the meeting', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;
  let saraItem: string;
  let tomItem: string;
  let members: string[];
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-recipients-'));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await t.app.get(AgendaPlanningCron, { strict: false }).settled();
    db = createPrismaClient(t.db.url, 2);
    members = await standingMemberEmails(db, 'weegploeg');
  }, 90_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.$disconnect();
    await t?.close();
  });

  async function agendering(email: string, code: string, guests: Record<string, string> = {}) {
    await writePlan(t, email, code);
    const who = await loginAs(t, email);
    const form = new FormData();
    const fields = {
      dossierCode: code,
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      questions: 'Is het plan haalbaar?',
      ...briefFields(WEEGPLOEG_BRIEF, 'api'),
      ...guests,
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('document', new Blob([MINIMAL_PDF]), 'plan.pdf');
    const res = await fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, accept: 'application/json' },
      body: form,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { agendaItemId: string }).agendaItemId;
  }

  /** The mails about this Weegploeg that reached SMTP, without the agendering receipts. */
  const sessionMails = async () =>
    (await receivedMails(t.sink)).filter(
      (m) => m.subject.includes(SUBJECT) && !m.subject.startsWith('Agendering ontvangen'),
    );
  const to = (all: ReceivedMail[], email: string) => all.filter((m) => m.to === email);

  /** libical (Evolution's library) and a MIME check on the whole message, as calendar clients read it. */
  function independentlyValid(mails: ReceivedMail[]): void {
    // CI installs libical (.ci/run) and must never pass without the independent check.
    if (!libical && process.env.CI) throw new Error(`CI needs libical and ${ICAL_CHECK}`);
    if (!libical) return;
    for (const [i, mail] of mails.entries()) {
      const eml = path.join(dir, `${Date.now()}-${i}.eml`);
      writeFileSync(eml, mail.raw);
      const check = spawnSync(PYTHON, [path.join(ICAL_CHECK, 'eml_check.py'), eml], { encoding: 'utf8' });
      expect(`${check.status} ${check.stdout}${check.stderr}`).toMatch(/^0 /);
    }
  }

  it('places both plans on the Weegploeg of 1 December, the expert as Sara’s guest', async () => {
    saraItem = await agendering(SARA, 'CO3-2026-0001', {
      'guests[0][kind]': 'expert',
      'guests[0][email]': EXPERT,
    });
    tomItem = await agendering(TOM, 'CO3-2026-0002');
    const rows = await db.agendaItem.findMany({ where: { id: { in: [saraItem, tomItem] } } });
    expect(new Set(rows.map((r) => r.sessionId)).size).toBe(1);
    sessionId = rows[0]!.sessionId;
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.startsAt.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(members.length).toBeGreaterThanOrEqual(4);
    expect(members).not.toContain(SARA);
    expect(members).not.toContain(TOM);
  }, 60_000);

  it('shows the table’s place and link, and keeps a refused link next to its field', async () => {
    const lotte = await pageUser(t, COORDINATOR);
    const page = await lotte.get(`/agenda/${sessionId}`);
    expect(page.html).toContain('Locatie: Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen');
    expect(page.html).toContain('href="https://meet.example.be/co3-weegploeg"');
    expect(page.html).toContain('Agenda nu versturen');

    const refused = await lotte.post(`/agenda/${sessionId}/locatie`, {
      location: PLACE,
      onlineMeetingUrl: 'http://meet.example.be/niet-veilig',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(
      /id="locatie-onlineMeetingUrl-fout"[^>]*>.*De link voor online deelname moet een volledige https-link zijn/s,
    );
    expect(refused.html).toContain('value="http://meet.example.be/niet-veilig"');
    expect(refused.html).toContain(`value="${PLACE}"`);
    const unchanged = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect([unchanged.location, unchanged.onlineMeetingUrl]).toEqual([null, null]);

    const saved = await lotte.post(`/agenda/${sessionId}/locatie`, {
      location: PLACE,
      onlineMeetingUrl: LINK,
    });
    expect(saved.status).toBe(303);
    const stored = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect([stored.location, stored.onlineMeetingUrl]).toEqual([PLACE, LINK]);
    // Nobody held an invitation yet: nothing to re-send.
    expect(
      await db.mailOutbox.count({ where: { sessionId, purpose: { in: ['agenda', 'agenda-update'] } } }),
    ).toBe(0);
  });

  it('sends now, once: the agenda and the session to every member, each guest and casusregisseur only their slot', async () => {
    const lotte = await pageUser(t, COORDINATOR);
    const key = 'versturen-weegploeg-1-december';
    const first = await lotte.post(`/agenda/${sessionId}/versturen`, { submissionKey: key });
    expect(first.status).toBe(303);
    const expected = members.length + 3;
    const all = await eventually(
      async () => {
        const got = await sessionMails();
        return got.length >= expected ? got : undefined;
      },
      'every mail of the agenda reaches SMTP',
      60_000,
    );
    expect(all).toHaveLength(expected);

    for (const email of members) {
      const mine = to(all, email);
      expect(mine.map((m) => m.subject)).toEqual([SUBJECT]);
      const [agenda] = mine;
      expect(agenda!.text).toContain('CO3-2026-0001');
      expect(agenda!.text).toContain('CO3-2026-0002');
      expect(agenda!.text).toContain(`Locatie: ${PLACE}.`);
      expect(agenda!.text).toContain(`Online deelnemen: ${LINK}`);
      const ics = agenda!.calendar!.content;
      expect(parseInvitation(ics)).toMatchObject({
        method: 'REQUEST',
        uid: `session-${sessionId}@example.be`,
        // 1, not 0: the new place was a change the subscribed feeds already showed.
        sequence: 1,
        start: '2026-12-01T12:00:00.000Z',
        end: '2026-12-01T15:00:00.000Z',
      });
      expect(parseInvitation(ics).attendees.map((a) => a.value)).toEqual([`mailto:${email}`]);
      expect(property(ics, 'LOCATION')).toEqual(['LOCATION:Zaal 5\\, Proefplein 3\\, 2000 Antwerpen']);
      expect(property(ics, 'URL')).toEqual([`URL;VALUE=URI:${LINK}`]);
    }

    const expert = to(all, EXPERT);
    expect(expert.map((m) => m.subject)).toEqual([
      `Uitnodiging: CO3-2026-0001, plan van aanpak – ${SUBJECT}`,
    ]);
    expect(expert[0]!.text).not.toContain('CO3-2026-0002');
    const slot = parseInvitation(expert[0]!.calendar!.content);
    expect(slot).toMatchObject({
      uid: `slot-${saraItem}@example.be`,
      start: '2026-12-01T12:00:00.000Z',
      end: '2026-12-01T12:30:00.000Z',
    });
    expect(property(expert[0]!.calendar!.content, 'LOCATION')).toHaveLength(1);

    // Each casusregisseur: one mail, the invitation for their own slot (no separate "Bevestigd").
    const sara = to(all, SARA);
    expect(sara.map((m) => m.subject)).toEqual([`Uitnodiging: CO3-2026-0001, plan van aanpak – ${SUBJECT}`]);
    expect(parseInvitation(sara[0]!.calendar!.content).uid).toBe(`slot-${saraItem}@example.be`);
    const tom = to(all, TOM);
    expect(tom.map((m) => m.subject)).toEqual([`Uitnodiging: CO3-2026-0002, plan van aanpak – ${SUBJECT}`]);
    expect(parseInvitation(tom[0]!.calendar!.content)).toMatchObject({
      uid: `slot-${tomItem}@example.be`,
      start: '2026-12-01T12:30:00.000Z',
    });

    // Codes only in subjects and calendars: no person's name.
    for (const mail of all) {
      expect(`${mail.subject}${property(mail.calendar!.content, 'SUMMARY')}`).not.toMatch(
        /Sara|Tom|Lotte|Idrissi/,
      );
    }
    independentlyValid(all);

    // The second press of the same form, a retried call: nothing new.
    const rows = await db.mailOutbox.count({ where: { sessionId } });
    expect((await lotte.post(`/agenda/${sessionId}/versturen`, { submissionKey: key })).status).toBe(303);
    const api = await loginAs(t, COORDINATOR);
    const again = await fetch(`${t.baseUrl}/api/sessions/${sessionId}/send`, {
      method: 'POST',
      headers: {
        cookie: api.cookie,
        'x-csrf-token': api.csrfToken,
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': 'api-send-weegploeg-1',
      },
      body: '{}',
    });
    expect(again.status).toBe(409);
    expect(await db.mailOutbox.count({ where: { sessionId } })).toBe(rows);
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.status).toBe('sent');
    const audits = await db.auditEvent.findMany({
      where: { action: 'session.send', entityId: sessionId },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.outcome)).toEqual(['allowed', 'denied']);
  }, 90_000);

  it('puts the place in the feed', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const res = await fetch(`${t.baseUrl}/agenda-abonnement`, {
      method: 'POST',
      headers: {
        cookie: wim.cookie,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: wim.csrfToken }),
      redirect: 'manual',
    });
    const url = /value="http:\/\/localhost:3999(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(
      await res.text(),
    )![1]!;
    const feed = await (await fetch(`${t.baseUrl}${url}`)).text();
    const events = feed
      .replace(/\r\n[ \t]/g, '')
      .split('BEGIN:VEVENT')
      .slice(1);
    const ours = events.find((e) => e.includes(`UID:session-${sessionId}@example.be`))!;
    expect(ours).toContain('\r\nLOCATION:Zaal 5\\, Proefplein 3\\, 2000 Antwerpen\r\n');
    expect(ours).toContain(`\r\nURL;VALUE=URI:${LINK}\r\n`);
    // Another Weegploeg carries the table's own place.
    expect(
      events.some((e) => e.includes('LOCATION:Vergaderzaal 2\\, Voorbeeldstraat 1\\, 2000 Antwerpen')),
    ).toBe(true);
    if (!libical && process.env.CI) throw new Error(`CI needs libical and ${ICAL_CHECK}`);
    if (libical) {
      const file = path.join(dir, 'feed.ics');
      writeFileSync(file, feed);
      const check = spawnSync(PYTHON, [path.join(ICAL_CHECK, 'libical_check.py'), file], {
        encoding: 'utf8',
      });
      expect(`${check.status} ${check.stdout}${check.stderr}`).toMatch(/^0 /);
    }
  });

  it('re-sends the invitations with the next SEQUENCE when the place changes', async () => {
    const before = (await sessionMails()).length;
    const lotte = await pageUser(t, COORDINATOR);
    const moved = await lotte.post(`/agenda/${sessionId}/locatie`, {
      location: 'Vergaderzaal 4, Voorbeeldstraat 1, 2000 Antwerpen',
      onlineMeetingUrl: '',
    });
    expect(moved.status).toBe(303);
    const expected = members.length + 3;
    const updates = await eventually(
      async () => {
        const got = (await sessionMails()).slice(before);
        return got.length >= expected ? got : undefined;
      },
      'the updated invitations reach SMTP',
      60_000,
    );
    expect(updates).toHaveLength(expected);
    for (const email of members) {
      const [mail, ...more] = to(updates, email);
      expect(more).toHaveLength(0);
      expect(mail!.subject).toBe(`Gewijzigd: ${SUBJECT}`);
      const ics = mail!.calendar!.content;
      expect(parseInvitation(ics)).toMatchObject({ uid: `session-${sessionId}@example.be`, sequence: 2 });
      expect(property(ics, 'LOCATION')).toEqual([
        'LOCATION:Vergaderzaal 4\\, Voorbeeldstraat 1\\, 2000 Antwerpen',
      ]);
      expect(property(ics, 'URL')).toEqual([]);
    }
    for (const [email, item] of [
      [EXPERT, saraItem],
      [SARA, saraItem],
      [TOM, tomItem],
    ] as const) {
      const [mail, ...more] = to(updates, email);
      expect(more).toHaveLength(0);
      const ics = parseInvitation(mail!.calendar!.content);
      expect(ics.uid).toBe(`slot-${item}@example.be`);
      expect(ics.sequence).toBeGreaterThanOrEqual(1);
      expect(property(mail!.calendar!.content, 'LOCATION')).toEqual([
        'LOCATION:Vergaderzaal 4\\, Voorbeeldstraat 1\\, 2000 Antwerpen',
      ]);
    }
    independentlyValid(updates);
  }, 90_000);

  it('sends no meeting for an empty Ronde Tafel: the coordinators are asked to cancel or keep it', async () => {
    const rt = await db.session.findFirstOrThrow({
      where: { tableKey: 'ronde-tafel', scheduledStart: new Date('2026-11-26T08:15:00.000Z') },
    });
    const sendAt = brussels('2026-11-23T12:00');
    clock.set(new Date(sendAt.getTime() + 30_000));
    // What the worker's send job runs at the send moment.
    expect(
      await t.app
        .get(SendAgendaUseCase, { strict: false })
        .execute({ sessionId: rt.id, plannedAtMs: sendAt.getTime() }),
    ).toBe('empty');
    const asked = await eventually(
      async () => {
        const got = (await receivedMails(t.sink)).filter((m) =>
          m.subject.startsWith('Lege agenda: Ronde Tafel'),
        );
        return got.length >= 2 ? got : undefined;
      },
      'the empty-agenda mails reach the coordinators',
      60_000,
    );
    expect(asked.map((m) => m.to).sort()).toEqual(['jonas.maes@example.be', COORDINATOR]);
    expect(asked[0]!.subject).toBe('Lege agenda: Ronde Tafel 26 november 2026 – CO3 Antwerpen');
    expect(asked[0]!.calendar).toBeUndefined();
    expect(asked[0]!.text).toContain(`http://localhost:3999/tafels/ronde-tafel#zitting-${rt.id}`);
    expect(asked[0]!.text).toContain(`http://localhost:3999/agenda/${rt.id}`);
    expect(await db.mailOutbox.count({ where: { sessionId: rt.id, purpose: 'agenda' } })).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: rt.id } })).status).toBe('frozen');
    // The job again (a retry, a second worker): nobody is asked twice.
    await t.app
      .get(SendAgendaUseCase, { strict: false })
      .execute({ sessionId: rt.id, plannedAtMs: sendAt.getTime() });
    expect(await db.mailOutbox.count({ where: { sessionId: rt.id, purpose: 'empty-agenda' } })).toBe(2);

    // Sending it now asks to confirm first; nothing goes out until the coordinator keeps it.
    const lotte = await pageUser(t, COORDINATOR);
    const page = await lotte.get(`/agenda/${rt.id}`);
    expect(page.html).toContain('data-empty-agenda');
    expect(page.html).toContain('ging er niets naar hen, en kregen de coördinatoren een e-mail');
    const unconfirmed = await lotte.post(`/agenda/${rt.id}/versturen`, {
      submissionKey: 'rt-zonder-bevestiging',
    });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toMatch(/id="versturen-keepEmpty-fout"[^>]*>.*De agenda is leeg/s);
    expect(await db.mailOutbox.count({ where: { sessionId: rt.id, purpose: 'agenda' } })).toBe(0);
    const kept = await lotte.post(`/agenda/${rt.id}/versturen`, {
      submissionKey: 'rt-met-bevestiging',
      keepEmpty: 'on',
    });
    expect(kept.status).toBe(303);
    const rtMembers = await standingMemberEmails(db, 'ronde-tafel');
    const invited = await db.mailOutbox.findMany({ where: { sessionId: rt.id, purpose: 'agenda' } });
    expect(invited.map((m) => m.recipientEmail).sort()).toEqual(rtMembers);
  }, 90_000);
});
