import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ReconcileObligationsUseCase,
  RenewCalendarFeedUseCase,
  SendAgendaUseCase,
} from '@overlegtafels/application';
import { ICAL_CHECK_DIR, ICAL_PYTHON, libicalAvailable, receivedMails } from '@overlegtafels/mail/testing';
import { DateTime } from 'luxon';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, tinyPdf } from '../support/page-client';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';

/**
 * Issue #16, item 2: a casusregisseur's own slots in her feed. Sara El Idrissi (casusregisseur of
 * CO3-2026-0001) agenders its plan van aanpak at the Weegploeg; the agenda goes out (her slot
 * invitation), the coordinator moves the item to the next Weegploeg (its update), and that session
 * is cancelled. After every step her feed names the slot once, under the invitation's UID, with the
 * SEQUENCE and STATUS of the last slot invitation the SMTP sink received for her, at the slot's
 * current time; libical accepts the feed. When the casusregie passes to Tom Peeters, the slot
 * leaves Sara's feed.
 */
const clock = new ControlledClock('2026-05-04T10:00:00+02:00');
const SARA = 'sara.elidrissi@example.org';
const CODE = 'CO3-2026-0001';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').replace(/\r/g, '');
const field = (ics: string, name: string) => new RegExp(`^${name}:(.+)$`, 'm').exec(unfold(ics))?.[1];

describe('a casusregisseur’s own slots in her calendar feed', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let itemId: string;
  let feedPath: string;
  let tomId: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-feed-slots-'));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 1);
    await t.app.get(ReconcileObligationsUseCase).execute();
    const sara = await pageUser(t, SARA);
    tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
    await writePlan(t, SARA, CODE);
    const agendering = await sara.postMultipart(
      '/agendering',
      {
        dossierCode: CODE,
        soort: 'weegploeg:plan-van-aanpak',
        questions: 'Feedback op het plan.',
        ...briefFields(WEEGPLOEG_BRIEF, 'page'),
      },
      { name: 'plan van aanpak.pdf', bytes: tinyPdf('Plan van aanpak (slot in de feed)') },
    );
    expect(agendering.status).toBe(303);
    itemId = (await db.agendaItem.findFirstOrThrow({ where: { dossier: { code: CODE } } })).id;
    const { url } = await t.app.get(RenewCalendarFeedUseCase).execute({ personId: sara.personId });
    feedPath = new URL(url).pathname;
  }, 60_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.$disconnect();
    await t?.close();
  });

  const delivered = () =>
    eventually(
      async () => {
        const rows = await db.mailOutbox.findMany({
          where: { agendaItemId: itemId },
          select: { status: true },
        });
        return rows.length > 0 && rows.every((r) => r.status === 'sent') && rows;
      },
      'every mail about the item is delivered',
      60_000,
    );

  /** The last slot invitation Sara received for the item, as the SMTP sink has it. */
  async function lastSlotMail() {
    const mine = (await receivedMails(t.sink)).filter(
      (m) => m.to === SARA && m.calendar && field(m.calendar.content, 'UID') === `slot-${itemId}@example.be`,
    );
    expect(mine.length).toBeGreaterThan(0);
    return { count: mine.length, ics: mine[mine.length - 1]!.calendar! };
  }

  async function feed(): Promise<string> {
    const res = await fetch(`${t.baseUrl}${feedPath}`);
    expect(res.status).toBe(200);
    return res.text();
  }

  /** The slot's entries in the feed: UID, SEQUENCE, STATUS, start (UTC), summary. */
  async function slotInFeed() {
    const body = await feed();
    const events = unfold(body)
      .split('BEGIN:VEVENT')
      .slice(1)
      .filter((e) => e.includes(`UID:slot-${itemId}@`));
    return {
      body,
      entries: events.map((e) => ({
        uid: field(e, 'UID'),
        sequence: Number(field(e, 'SEQUENCE')),
        status: field(e, 'STATUS'),
        // Brussels wall time with its TZID, as the invitation writes it.
        start: DateTime.fromFormat(field(e, 'DTSTART;TZID=Europe/Brussels')!, "yyyyMMdd'T'HHmmss", {
          zone: 'Europe/Brussels',
        })
          .toUTC()
          .toISO(),
        summary: field(e, 'SUMMARY'),
      })),
    };
  }

  async function expectFeedAsLastInvitation(): Promise<string | undefined> {
    await delivered();
    const { ics } = await lastSlotMail();
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, include: { session: true } });
    const { body, entries } = await slotInFeed();
    const cancelled = ics.method === 'CANCEL';
    expect(entries).toEqual([
      {
        uid: `slot-${itemId}@example.be`,
        sequence: Number(field(ics.content, 'SEQUENCE')),
        status: cancelled ? 'CANCELLED' : field(ics.content, 'STATUS'),
        start: DateTime.fromJSDate(item.slotStart ?? item.session.startsAt)
          .toUTC()
          .toISO(),
        summary: expect.stringContaining(CODE),
      },
    ]);
    // Codes and labels only: no name of anyone, no case content.
    expect(unfold(body)).not.toMatch(/Sara|El Idrissi|Feedback op het plan/);
    if (libicalAvailable) {
      const file = path.join(dir, `feed-${Date.now()}.ics`);
      writeFileSync(file, body);
      const run = spawnSync(ICAL_PYTHON, [path.join(ICAL_CHECK_DIR, 'libical_check.py'), file], {
        encoding: 'utf8',
      });
      expect(`${run.status} ${run.stdout}${run.stderr}`).toMatch(/^0 /);
    } else if (process.env.CI) {
      throw new Error(`CI needs libical and ${ICAL_CHECK_DIR}`);
    }
    return ics.method;
  }

  it('has no slot before any slot invitation went out', async () => {
    expect((await slotInFeed()).entries).toEqual([]);
  });

  it('carries the slot of the sent agenda as her slot invitation does', async () => {
    const { sessionId } = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(await t.app.get(SendAgendaUseCase, { strict: false }).sendNow(sessionId)).toBe('sent');
    expect(await expectFeedAsLastInvitation()).toBe('REQUEST');
  }, 90_000);

  it('moves the slot with the item to the next Weegploeg, with the update’s SEQUENCE', async () => {
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, include: { session: true } });
    const next = await db.session.findFirstOrThrow({
      where: { tableKey: item.tableKey, startsAt: { gt: item.session.startsAt }, status: 'planned' },
      orderBy: { startsAt: 'asc' },
    });
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const before = (await lastSlotMail()).count;
    const res = await lotte.post(`/api/agenda-items/${itemId}/move`, {
      sessionId: next.id,
      reason: 'Volle agenda',
    });
    expect(res.status).toBe(204);
    await delivered();
    expect((await lastSlotMail()).count).toBe(before + 1);
    expect(await expectFeedAsLastInvitation()).toBe('REQUEST');
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).sessionId).toBe(next.id);
  }, 90_000);

  it('after the session is cancelled, still names the slot once, as the last invitation does', async () => {
    const { sessionId } = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const before = (await lastSlotMail()).count;
    const res = await lotte.post(`/api/sessions/${sessionId}/cancel`, { reason: 'Zaal niet beschikbaar' });
    expect(res.status).toBe(204);
    await delivered();
    expect((await lastSlotMail()).count).toBe(before + 1);
    // The cancelled session's item rolls over to the next Weegploeg: her slot moves (an update),
    // and the feed follows it there.
    expect(await expectFeedAsLastInvitation()).toBe('REQUEST');
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.sessionId).not.toBe(sessionId);
  }, 90_000);

  it('loses the slot when the casusregie passes to Tom', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await lotte.post(`/api/dossiers/${CODE}/casusregisseur`, {
      casusregisseurId: tomId,
      effectiveDate: '2026-05-04',
      reason: 'vertrek',
    });
    expect(res.status).toBeLessThan(300);
    expect((await slotInFeed()).entries).toEqual([]);
  });
});
