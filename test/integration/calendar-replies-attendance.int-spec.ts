import { createTransport } from 'nodemailer';
import { ProcessCalendarRepliesUseCase, SendAgendaUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
import { ORGANISER, replyMail } from '../support/itip-reply';
import { pageUser } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #16: the answers to the invitations feed the verslag's attendance. The ICO of Friday
 * 4 December 2026 has two aanmeldingen (Eva Wouters's and Karim Bouzid's); its agenda goes out and
 * the session moves half an hour, so every invitation is at a higher SEQUENCE. The standing members
 * answer the session's invitation and the two aanmelders their own slot's, as calendar clients do,
 * by mail to the region's mailbox (the local sink), through the same processor as IMAP. When the
 * session is held, the verslaggever's attendance form proposes what the answers say, shows the
 * answers beside it, and what they record stands next to what was answered.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday: the window of the ICO of 4 December
const WIM = 'wim.jacobs@example.be'; // politie, standing member
const AN = 'an.vermeulen@example.be'; // parket, standing member
const GRIET = 'griet.willems@example.be'; // stad, standing member
const EVA = 'eva.wouters@example.org'; // aanmelder (huisarts), guest of her item
const KARIM = 'karim.bouzid@example.be'; // aanmelder (politie), guest of his item

interface Held {
  uid: string;
  sequence: number;
}

interface VerslagJson {
  attendance: {
    participant: string;
    status: string | null;
    proposed?: string | null;
    answers?: { who: string; answer: string; beforeChange: boolean }[];
  }[];
  invitations: { who: string; organisation: string | null; slot: string | null; answer: string }[] | null;
  items: {
    id: string;
    guests: { id: string; present: boolean; answer?: string | null; proposed?: boolean }[];
  }[];
}

describe('answers to the invitations feed the verslag’s attendance', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;
  const item = { eva: '', karim: '' };
  const code = { eva: '', karim: '' };
  const guest = { eva: '', karim: '' };
  /** The session's invitation per member, and each aanmelder's slot invitation, after the move. */
  const session = new Map<string, Held>();
  const slot = { eva: { uid: '', sequence: 0 }, karim: { uid: '', sequence: 0 } };

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { REPLY_POLL_SECONDS: '3600' } });
    db = createPrismaClient(t.db.url, 2);
    for (const [key, email] of [
      ['eva', EVA],
      ['karim', KARIM],
    ] as const) {
      const { organisationId } = await db.person.findFirstOrThrow({ where: { email } });
      const res = await (
        await loginAs(t, email)
      ).post('/api/aanmeldingen', aanmeldingInput(organisationId!, email, `Aanmelding ${key}.`));
      expect(res.status).toBe(201);
      const filed = (await res.json()) as { dossierCode: string; agendaItemId: string };
      item[key] = filed.agendaItemId;
      code[key] = filed.dossierCode;
      guest[key] = (
        await db.agendaItemGuest.findFirstOrThrow({ where: { agendaItemId: filed.agendaItemId } })
      ).id;
    }
    sessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: item.eva } })).sessionId;
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const uidOf = (ics: string) => /^UID:(.+)\r$/m.exec(ics)![1]!;
  /** The latest REQUEST each address holds for the entry (the session's own, or one slot). */
  async function latestRequests(agendaItemId: string | null): Promise<Map<string, Held>> {
    const rows = await db.mailOutbox.findMany({
      where: { sessionId, agendaItemId, icsMethod: 'REQUEST' },
      orderBy: [{ sequence: 'asc' }, { createdAt: 'asc' }],
      select: { recipientEmail: true, icsContent: true, sequence: true },
    });
    return new Map(rows.map((r) => [r.recipientEmail, { uid: uidOf(r.icsContent!), sequence: r.sequence }]));
  }
  async function answer(raw: string, from: string) {
    const smtp = createTransport({ url: t.config.smtpUrl });
    try {
      await smtp.sendMail({ envelope: { from, to: [ORGANISER] }, raw });
    } finally {
      smtp.close();
    }
  }
  const verslag = async (): Promise<VerslagJson> => {
    const jonas = await loginAs(t, 'jonas.maes@example.be');
    const res = await jonas.get(`/api/zittingen/${sessionId}/verslag`);
    expect(res.status).toBe(200);
    return (await res.json()) as VerslagJson;
  };

  it('sends the agenda and moves the session: members hold the session, each aanmelder their own slot', async () => {
    expect(await t.app.get(SendAgendaUseCase, { strict: false }).sendNow(sessionId)).toBe('sent');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const moved = await lotte.post(`/api/sessions/${sessionId}/move`, {
      date: '2026-12-04',
      start: '10:00',
      end: '12:30',
      reason: 'Later begin',
    });
    expect(moved.status).toBe(204);
    for (const [email, held] of await latestRequests(null)) session.set(email, held);
    for (const key of ['eva', 'karim'] as const) {
      const slots = await latestRequests(item[key]);
      expect([...slots.keys()]).toEqual([key === 'eva' ? EVA : KARIM]);
      slot[key] = slots.get(key === 'eva' ? EVA : KARIM)!;
      // The slot's own UID (it moves with the agendapunt) at a SEQUENCE the move raised.
      expect(slot[key].uid).toBe(`slot-${item[key]}@example.be`);
      expect(slot[key].sequence).toBeGreaterThan(0);
    }
    for (const member of [WIM, AN, GRIET]) {
      expect(session.get(member)).toEqual({
        uid: `session-${sessionId}@example.be`,
        sequence: expect.any(Number),
      });
    }
    expect(session.has(EVA)).toBe(false);
    expect(session.has(KARIM)).toBe(false);
  });

  it('applies the members’ answers and the aanmelders’ answers to their slots; stale, forged and uninvited slot answers change nothing', async () => {
    const own = (email: string, partstat: string, messageId: string) =>
      replyMail({
        from: email,
        attendee: email,
        uid: session.get(email)!.uid,
        sequence: session.get(email)!.sequence,
        partstat,
        messageId,
        subject: 'Antwoord: ICO 4 december 2026',
      });
    const toSlot = (
      key: 'eva' | 'karim',
      from: string,
      attendee: string,
      partstat: string,
      messageId: string,
      sequence = slot[key].sequence,
    ) =>
      replyMail({ from, attendee, uid: slot[key].uid, sequence, partstat, messageId, subject: 'Antwoord' });
    const mails: [string, string][] = [
      [WIM, own(WIM, 'ACCEPTED', 'ico-1')],
      [AN, own(AN, 'DECLINED', 'ico-2')],
      [GRIET, own(GRIET, 'TENTATIVE', 'ico-3')],
      [EVA, toSlot('eva', EVA, EVA, 'ACCEPTED', 'slot-1')],
      [KARIM, toSlot('karim', KARIM, KARIM, 'DECLINED', 'slot-2')],
      // To Karim's slot before the move: ignored, his decline stands.
      [KARIM, toSlot('karim', KARIM, KARIM, 'ACCEPTED', 'slot-3', slot.karim.sequence - 1)],
      // Karim declining Eva's slot for her.
      [KARIM, toSlot('eva', KARIM, EVA, 'DECLINED', 'slot-4')],
      // A member holds the session, not Eva's slot.
      [WIM, toSlot('eva', WIM, WIM, 'DECLINED', 'slot-5')],
    ];
    for (const [from, raw] of mails) await answer(raw, from);

    const run = await t.app.get(ProcessCalendarRepliesUseCase, { strict: false }).execute();
    expect(run).toMatchObject({ applied: 5, ignored: 1, refused: 2 });
    const stored = await db.calendarReply.findMany({
      where: { sessionId },
      select: { attendeeEmail: true, agendaItemId: true, partstat: true },
      orderBy: { attendeeEmail: 'asc' },
    });
    expect(stored.map((r) => [r.attendeeEmail, r.agendaItemId, r.partstat])).toEqual([
      [AN, null, 'DECLINED'],
      [EVA, item.eva, 'ACCEPTED'],
      [GRIET, null, 'TENTATIVE'],
      [KARIM, item.karim, 'DECLINED'],
      [WIM, null, 'ACCEPTED'],
    ]);
    const outcomes = await db.processedReplyMessage.findMany({ select: { outcome: true } });
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(
      [
        'APPLIED_ACCEPTED',
        'APPLIED_ACCEPTED',
        'APPLIED_DECLINED',
        'APPLIED_DECLINED',
        'APPLIED_TENTATIVE',
        'NOT_INVITED',
        'SENDER_NOT_ATTENDEE',
        'STALE_SEQUENCE',
      ].sort(),
    );
  });

  it('shows the slot answers on the coordinators’ agenda page, marked with their dossier', async () => {
    const lotte = await pageUser(t, 'lotte.verbeke@example.be');
    const page = await lotte.get(`/agenda/${sessionId}`);
    expect(page.status).toBe(200);
    const rows = [
      ...page.html.matchAll(/<tr data-answer="([^"]+)"(?: data-slot="([^"]+)")?><td>([^<]+)<\/td>/g),
    ].map((m) => [m[3], m[1], m[2] ?? null]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Wim Jacobs', 'aanvaard', null],
        ['An Vermeulen', 'afgemeld', null],
        ['Griet Willems', 'voorlopig', null],
        ['Eva Wouters', 'aanvaard', code.eva],
        ['Karim Bouzid', 'afgemeld', code.karim],
      ]),
    );
  });

  it('the held session’s attendance form proposes what was answered and shows the answers beside it', async () => {
    clock.set('2026-12-04T10:40:00+01:00');
    const view = await verslag();
    const row = (p: string) => view.attendance.find((a) => a.participant === p)!;
    expect(
      ['politie', 'parket', 'stad'].map((p) => [
        p,
        row(p).status,
        row(p).proposed,
        row(p).answers!.map((a) => [a.who, a.answer]),
      ]),
    ).toEqual([
      ['politie', null, 'aanwezig', [['Wim Jacobs', 'aanvaard']]],
      ['parket', null, 'verontschuldigd', [['An Vermeulen', 'afgemeld']]],
      ['stad', null, null, [['Griet Willems', 'voorlopig']]],
    ]);
    // Partners nobody of which was invited: nothing to propose.
    expect(row('caw')).toMatchObject({ status: null, proposed: null, answers: [] });
    const guests = (key: 'eva' | 'karim') => view.items.find((i) => i.id === item[key])!.guests;
    expect(guests('eva')).toEqual([
      expect.objectContaining({ id: guest.eva, present: false, answer: 'aanvaard', proposed: true }),
    ]);
    expect(guests('karim')).toEqual([
      expect.objectContaining({ id: guest.karim, present: false, answer: 'afgemeld', proposed: false }),
    ]);
    expect(view.invitations!.filter((i) => i.slot !== null).map((i) => [i.who, i.slot, i.answer])).toEqual([
      ['Eva Wouters', code.eva, 'aanvaard'],
      ['Karim Bouzid', code.karim, 'afgemeld'],
    ]);

    // The page: the proposals are checked (saving confirms them) and the answers stand beside them.
    const jonas = await pageUser(t, 'jonas.maes@example.be');
    const page = await jonas.get(`/verslag/${sessionId}`);
    expect(page.status).toBe(200);
    expect(checked(page.html, 'politie')).toEqual(['aanwezig']);
    expect(checked(page.html, 'parket')).toEqual(['verontschuldigd']);
    expect(checked(page.html, 'stad')).toEqual([]);
    expect(page.html).toMatch(/<tr data-partner="politie" data-proposed="aanwezig">.*Wim Jacobs: aanvaard/);
    expect(page.html).toMatch(/<tr data-partner="stad">.*Griet Willems: voorlopig/);
    expect(page.html).toMatch(
      new RegExp(`data-guest="${guest.eva}" data-answer="aanvaard"><input type="checkbox"[^>]* checked>`),
    );
    expect(page.html).toMatch(
      new RegExp(
        `data-guest="${guest.karim}" data-answer="afgemeld"><input type="checkbox"[^>]*value="${guest.karim}">`,
      ),
    );
  });

  it('what the verslaggever records stands, and the answers stay beside it', async () => {
    const jonas = await loginAs(t, 'jonas.maes@example.be');
    // Wim had accepted and did not come; Eva came as she said; Karim, who had declined, came after all.
    const res = await jonas.post(`/api/zittingen/${sessionId}/verslag/aanwezigheid`, {
      attendance: { politie: 'afwezig', parket: 'verontschuldigd', stad: 'aanwezig' },
      guests: { [item.eva]: [guest.eva], [item.karim]: [guest.karim] },
    });
    expect([res.status, await res.json()]).toEqual([200, { recorded: 3 }]);
    const view = await verslag();
    const row = (p: string) => view.attendance.find((a) => a.participant === p)!;
    expect(
      ['politie', 'parket', 'stad'].map((p) => [
        p,
        row(p).status,
        row(p).proposed,
        row(p).answers!.map((a) => a.answer),
      ]),
    ).toEqual([
      ['politie', 'afwezig', null, ['aanvaard']],
      ['parket', 'verontschuldigd', null, ['afgemeld']],
      ['stad', 'aanwezig', null, ['voorlopig']],
    ]);
    const guests = (key: 'eva' | 'karim') => view.items.find((i) => i.id === item[key])!.guests[0]!;
    expect([guests('eva').present, guests('eva').answer, guests('eva').proposed]).toEqual([
      true,
      'aanvaard',
      false,
    ]);
    expect([guests('karim').present, guests('karim').answer, guests('karim').proposed]).toEqual([
      true,
      'afgemeld',
      false,
    ]);
    // The recorded answers themselves are unchanged by the attendance.
    expect(await db.calendarReply.count({ where: { sessionId } })).toBe(5);
    // The form now shows what was recorded, no longer a proposal, with the answer beside it.
    const page = await (await pageUser(t, 'jonas.maes@example.be')).get(`/verslag/${sessionId}`);
    expect(page.html).toMatch(/<tr data-partner="politie">.*Wim Jacobs: aanvaard/);
    expect(checked(page.html, 'politie')).toEqual(['afwezig']);
    expect(checked(page.html, 'stad')).toEqual(['aanwezig']);
    expect(page.html).not.toContain('voorstel, nog niet bewaard');
  });
});

/** The attendance statuses checked for a partner on the verslag's form. */
function checked(html: string, participant: string): string[] {
  return [...html.matchAll(new RegExp(`name="aanwezigheid-${participant}" value="([a-z]+)"( checked)?`, 'g'))]
    .filter((m) => m[2])
    .map((m) => m[1]!);
}
