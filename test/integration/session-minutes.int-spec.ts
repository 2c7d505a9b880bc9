import { inRegion } from '@overlegtafels/config';
import { Module } from '@nestjs/common';
import { ReconcileObligationsUseCase, SweepRemindersUseCase } from '@overlegtafels/application';
import type { CaughtMailDetail } from '@overlegtafels/mail';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { ObligationsApiModule } from '../../apps/api/src/obligations/obligations-api.module';
import { ObligationsWorkerModule } from '../../apps/worker/src/obligations-worker.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { aanmeldingInput } from '../support/aanmelding-input';
import { OTHER_REGION_EMAIL, otherRegionCoordinator, WITH_OTHER_REGION } from '../support/other-region';
import { errorNextTo, inputValue, pageUser, textOf } from '../support/page-client';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

@Module({
  imports: [WorkerModule, ObligationsWorkerModule, ObligationsApiModule],
  exports: [ObligationsApiModule],
})
class WithObligations {}

/**
 * The ICO of Friday 4 December 2026 held and written up, through the real use cases and routes:
 * attendance, the verslag of two aanmeldingen (Eva Wouters's, not shared; Karim Bouzid's, shared
 * with the session), their decisions, two action points on the shared one (one for a person, one
 * for an organisation), the closing with its "verslag klaar" mails, who reads what, and the action
 * points living on as follow-up obligations: reminded, escalated, fulfilled on "Mijn opvolging".
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const VERSLAG_SUBJECT = 'Verslag: Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen';
const SECRET_A = 'Afspraken met Persoon A over de veilige plek (niet gedeeld).';
const SECRET_B = 'De politie kent twee eerdere interventies (gedeeld met de zitting).';

interface MinutesJson {
  closed: boolean;
  attendance: { participant: string; status: string | null }[] | null;
  items: {
    id: string;
    dossierCode: string;
    scope: string;
    text: string | null;
    guests: { id: string; present: boolean }[] | null;
    decision: { kind: string } | null;
    actionPoints:
      { id: string; what: string; ownerName: string; status: string; fulfilmentNote: string | null }[] | null;
  }[];
}

describe('the verslag of a session', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;
  const item = { eva: '', karim: '' };
  const code = { eva: '', karim: '' };
  const action = { wim: '', parket: '' };

  const login = (email: string) => loginAs(t, email);
  const verslagMails = async (count: number): Promise<CaughtMailDetail[]> => {
    const found = await eventually(async () => {
      const mails = (await t.sink.list(1000)).filter((m) => m.subject === VERSLAG_SUBJECT);
      return mails.length >= count && mails;
    }, `${count} "verslag klaar" mails are delivered`);
    return Promise.all(found.map(async (m) => (await t.sink.read(m.id))!));
  };
  const mailsWith = async (prefix: string) =>
    Promise.all(
      (await t.sink.list(1000))
        .filter((m) => m.subject.startsWith(prefix))
        .map(async (m) => (await t.sink.read(m.id))!),
    );

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: WithObligations, env: WITH_OTHER_REGION });
    db = createPrismaClient(t.db.url, 2);
    const orgOf = async (email: string) =>
      (await db.person.findFirstOrThrow({ where: { email }, select: { organisationId: true } }))
        .organisationId!;
    for (const [key, email] of [
      ['eva', 'eva.wouters@example.org'],
      ['karim', 'karim.bouzid@example.be'],
    ] as const) {
      const who = await login(email);
      const res = await who.post(
        '/api/aanmeldingen',
        aanmeldingInput(await orgOf(email), email, `Aanmelding ${key}.`),
      );
      expect(res.status).toBe(201);
      const filed = (await res.json()) as { dossierCode: string; agendaItemId: string };
      item[key] = filed.agendaItemId;
      code[key] = filed.dossierCode;
    }
    sessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: item.eva } })).sessionId;
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.karim } })).sessionId).toBe(sessionId);
    const lotte = await login('lotte.verbeke@example.be');
    expect((await lotte.post(`/api/agenda-items/${item.karim}/share`, { shared: true })).status).toBe(204);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('is not written before the session starts', async () => {
    const jonas = await login('jonas.maes@example.be');
    const res = await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${item.eva}`, {
      text: 'Te vroeg.',
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'SESSION_NOT_HELD' });
  });

  it('the verslaggever records attendance, the verslag and two action points; the decisions go through the decision form', async () => {
    clock.set('2026-12-04T09:40:00+01:00');
    const jonas = await login('jonas.maes@example.be');
    const guestOfEva = (await db.agendaItemGuest.findFirstOrThrow({ where: { agendaItemId: item.eva } })).id;
    const attendance = await jonas.post(`/api/zittingen/${sessionId}/verslag/aanwezigheid`, {
      attendance: { politie: 'aanwezig', parket: 'verontschuldigd', caw: 'afwezig' },
      guests: { [item.eva]: [guestOfEva] },
    });
    expect([attendance.status, await attendance.json()]).toEqual([200, { recorded: 3 }]);
    const unknown = await jonas.post(`/api/zittingen/${sessionId}/verslag/aanwezigheid`, {
      attendance: { brandweer: 'aanwezig' },
    });
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([
      422,
      'UNKNOWN_PARTICIPANT',
    ]);

    for (const [key, text] of [
      ['eva', SECRET_A],
      ['karim', SECRET_B],
    ] as const) {
      const res = await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${item[key]}`, { text });
      expect(res.status).toBe(200);
    }
    // A member of the table who is no verslaggever may not write it.
    const wim = await login('wim.jacobs@example.be');
    const byMember = await wim.post(`/api/zittingen/${sessionId}/verslag/punten/${item.karim}`, {
      text: 'x',
    });
    expect([byMember.status, ((await byMember.json()) as { code: string }).code]).toEqual([
      403,
      'MINUTES_NOT_ALLOWED',
    ]);

    const lotte = await login('lotte.verbeke@example.be');
    const advice = await lotte.post(`/api/agenda-items/${item.eva}/decision`, {
      kind: 'geen_ketenaanpak',
      adviceText: 'Advies aan de aanmelder.',
      safetyPlanAdvice: 'Een veiligheidsplan opmaken.',
    });
    expect(advice.status).toBe(201);
    // Karim's family goes into casusregie with Sara El Idrissi: the re-plan gives the dossier its obligations.
    const sara = await db.person.findFirstOrThrow({ where: { email: 'sara.elidrissi@example.org' } });
    const instroom = await lotte.post(`/api/agenda-items/${item.karim}/decision`, {
      kind: 'met_casusregie',
      casusregisseurId: sara.id,
      startDate: '2026-12-07',
      consentVerified: true,
    });
    expect(instroom.status).toBe(201);

    const wimId = wim.personId;
    const parketId = (await db.organisation.findFirstOrThrow({ where: { kind: 'parket' } })).id;
    // Sent three times at once with one Idempotency-Key (a client retrying): one action point.
    const sendForWim = (what: string) =>
      fetch(`${t.baseUrl}/api/zittingen/${sessionId}/verslag/punten/${item.karim}/actiepunten`, {
        method: 'POST',
        headers: {
          cookie: jonas.cookie,
          'x-csrf-token': jonas.csrfToken,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': 'actiepunt-wim-0001',
        },
        body: JSON.stringify({ what, dueDate: '2026-12-18', ownerPersonId: wimId }),
      });
    const pointsBefore = await db.actionPoint.count();
    const sent = await Promise.all(
      [1, 2, 3].map(() => sendForWim('Politie bezorgt het overzicht van de interventies.')),
    );
    expect(sent.map((r) => r.status)).toEqual([201, 201, 201]);
    const answers = (await Promise.all(sent.map((r) => r.json()))) as { actionPointId: string }[];
    expect(new Set(answers.map((a) => a.actionPointId)).size).toBe(1);
    expect(await db.actionPoint.count()).toBe(pointsBefore + 1);
    // The same key with another text: refused, nothing added.
    const reused = await sendForWim('Iets anders.');
    expect(reused.status).toBe(409);
    expect(await db.actionPoint.count()).toBe(pointsBefore + 1);
    const wimPoint = answers[0] as unknown as { obligationId: string; ownerPersonId: string; dueAt: string };
    expect(wimPoint).toMatchObject({ ownerPersonId: wimId, dueAt: '2026-12-18T17:00:00.000+01:00' });
    action.wim = wimPoint.obligationId;
    const forParket = await jonas.post(
      `/api/zittingen/${sessionId}/verslag/punten/${item.karim}/actiepunten`,
      {
        what: 'Parket bekijkt of er een lopend onderzoek is.',
        dueDate: '2026-12-11',
        ownerOrganisationId: parketId,
      },
    );
    expect(forParket.status).toBe(201);
    const parketPoint = (await forParket.json()) as { obligationId: string; ownerPersonId: string };
    // The organisation's contact at the table: its one member, An Vermeulen.
    const an = await db.person.findFirstOrThrow({ where: { email: 'an.vermeulen@example.be' } });
    expect(parketPoint.ownerPersonId).toBe(an.id);
    action.parket = parketPoint.obligationId;
    const past = await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${item.karim}/actiepunten`, {
      what: 'Te laat.',
      dueDate: '2026-12-01',
      ownerPersonId: wimId,
    });
    expect([past.status, ((await past.json()) as { field: string }).field]).toEqual([422, 'dueDate']);
  });

  it('is read by nobody but its writers until it is closed', async () => {
    const wim = await login('wim.jacobs@example.be');
    expect((await wim.get(`/api/zittingen/${sessionId}/verslag`)).status).toBe(404);
    const jonas = await login('jonas.maes@example.be');
    const res = await jonas.get(`/api/zittingen/${sessionId}/verslag`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as MinutesJson;
    expect(view.items.map((i) => [i.dossierCode, i.scope, i.text])).toEqual([
      [code.eva, 'all', SECRET_A],
      [code.karim, 'all', SECRET_B],
    ]);
  });

  it('is closed by the voorzitter; every participant gets a mail with the session only', async () => {
    clock.set('2026-12-04T14:00:00+01:00');
    const lotte = await login('lotte.verbeke@example.be');
    const res = await lotte.post(`/api/zittingen/${sessionId}/verslag/afsluiten`);
    expect(res.status).toBe(200);
    const { told } = (await res.json()) as { told: number };
    const mails = await verslagMails(told);
    const to = mails.flatMap((m) => m.to).sort();
    for (const address of [
      'lotte.verbeke@example.be',
      'jonas.maes@example.be',
      'wim.jacobs@example.be',
      'an.vermeulen@example.be',
      'griet.willems@example.be',
      'eva.wouters@example.org',
      'karim.bouzid@example.be',
      'sara.elidrissi@example.org',
    ]) {
      expect(to.filter((a) => a === address)).toEqual([address]);
    }
    for (const m of mails) {
      expect(m.text).toContain(`http://localhost:3999/verslag/${sessionId}`);
      expect(m.text).not.toContain(code.eva);
      expect(m.text).not.toContain(code.karim);
      expect(m.text).not.toMatch(/Persoon A|interventies|veilige plek/);
    }
    // Closed: no more edits, until a correction reopens it.
    const jonas = await login('jonas.maes@example.be');
    const late = await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${item.eva}`, {
      text: 'Nog iets.',
    });
    expect([late.status, ((await late.json()) as { code: string }).code]).toEqual([409, 'MINUTES_CLOSED']);
  });

  it('shows a member the shared item in full, the other by its code only', async () => {
    const wim = await login('wim.jacobs@example.be');
    const view = (await (await wim.get(`/api/zittingen/${sessionId}/verslag`)).json()) as MinutesJson;
    const [a, b] = view.items;
    expect([a!.dossierCode, a!.scope, a!.text, a!.decision, a!.actionPoints]).toEqual([
      code.eva,
      'none',
      null,
      null,
      null,
    ]);
    expect([b!.dossierCode, b!.scope, b!.text, b!.decision?.kind]).toEqual([
      code.karim,
      'shared',
      SECRET_B,
      'met_casusregie',
    ]);
    expect(b!.actionPoints!.map((p) => p.what)).toEqual([
      'Parket bekijkt of er een lopend onderzoek is.',
      'Politie bezorgt het overzicht van de interventies.',
    ]);
    expect(view.attendance!.find((x) => x.participant === 'parket')!.status).toBe('verontschuldigd');
    const page = await (await pageUser(t, 'wim.jacobs@example.be')).get(`/verslag/${sessionId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('De politie kent twee eerdere interventies');
    expect(page.html).not.toContain('veilige plek');
    const reads = await db.auditEvent.findMany({
      where: { actorPersonId: wim.personId, action: 'minutes.item-read' },
      select: { dossierId: true, outcome: true },
    });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.outcome === 'allowed')).toBe(true);
  });

  it('shows the aanmelder only their own item’s outcome', async () => {
    const eva = await login('eva.wouters@example.org');
    const view = (await (await eva.get(`/api/zittingen/${sessionId}/verslag`)).json()) as MinutesJson;
    expect(view.attendance).toBeNull();
    expect(
      view.items.map((i) => [i.dossierCode, i.scope, i.text, i.guests, i.decision?.kind, i.actionPoints]),
    ).toEqual([[code.eva, 'outcome', null, null, 'geen_ketenaanpak', []]]);
    const karim = await login('karim.bouzid@example.be');
    const his = (await (await karim.get(`/api/zittingen/${sessionId}/verslag`)).json()) as MinutesJson;
    expect(his.items.map((i) => [i.dossierCode, i.scope, i.text, i.actionPoints!.length])).toEqual([
      [code.karim, 'outcome', null, 2],
    ]);
  });

  it('shows the casusregisseur their item’s verslag and action points, here and on the dossier page', async () => {
    const sara = await login('sara.elidrissi@example.org');
    const view = (await (await sara.get(`/api/zittingen/${sessionId}/verslag`)).json()) as MinutesJson;
    expect(view.items.map((i) => [i.dossierCode, i.scope, i.text, i.actionPoints!.length])).toEqual([
      [code.karim, 'all', SECRET_B, 2],
    ]);
    const page = await (await pageUser(t, 'sara.elidrissi@example.org')).get(`/dossiers/${code.karim}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Verslagen en actiepunten');
    expect(text).toContain('De politie kent twee eerdere interventies');
    expect(text).toContain(
      'Parket bekijkt of er een lopend onderzoek is. — An Vermeulen (Parket, afdeling familie (fictief))',
    );
    expect(text).not.toContain('veilige plek');
  });

  it('answers another region as if the session did not exist', async () => {
    await otherRegionCoordinator(t);
    const other = await login(OTHER_REGION_EMAIL);
    expect((await other.get(`/api/zittingen/${sessionId}/verslag`)).status).toBe(404);
    const write = await other.post(`/api/zittingen/${sessionId}/verslag/heropenen`, { reason: 'Correctie.' });
    expect(write.status).toBe(404);
    // Its region has no table of that key: the archive answers as for any table it does not have.
    const archive = await other.get(`/api/tables/ico/archief?dossier=${code.karim}`);
    const unknown = await other.get(`/api/tables/geen-tafel/archief?dossier=${code.karim}`);
    expect([archive.status, unknown.status]).toEqual([404, 404]);
    expect(await archive.text()).not.toContain(code.karim);
  });

  it('keeps the sessions in the table’s archive, a dossier code finding only what the reader may see', async () => {
    const wim = await login('wim.jacobs@example.be');
    const archive = async (query: string) =>
      (
        (await (await wim.get(`/api/tables/ico/archief?${query}`)).json()) as {
          items: { sessionId: string }[];
        }
      ).items.map((s) => s.sessionId);
    expect(await archive('van=2026-12-01&tot=2026-12-31')).toEqual([sessionId]);
    expect(await archive(`dossier=${code.karim}`)).toEqual([sessionId]);
    // Eva's item was not shared: a member's search for it finds nothing.
    expect(await archive(`dossier=${code.eva}`)).toEqual([]);
    expect(await archive('van=2026-11-01&tot=2026-11-30')).toEqual([]);
    const page = await (await pageUser(t, 'wim.jacobs@example.be')).get('/tafels/ico/archief?van=2026-12-01');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`/verslag/${sessionId}`);
    // A date that is none comes back with the error next to its field and what was typed.
    const wrong = await (await pageUser(t, 'wim.jacobs@example.be')).get('/tafels/ico/archief?van=gisteren');
    expect(wrong.status).toBe(400);
    expect(errorNextTo(wrong.html, 'archief-van')).toBe('Van: geef een datum (jjjj-mm-dd).');
    expect(inputValue(wrong.html, 'archief-van')).toBe('gisteren');
  });

  it('makes the action points obligations the re-plan leaves alone: reminded, escalated, fulfilled on Mijn opvolging', async () => {
    const before = await db.followUpObligation.findMany({
      where: { id: { in: [action.wim, action.parket] } },
      select: { status: true, ruleKey: true },
    });
    expect(before.map((o) => o.status)).toEqual(['open', 'open']);
    expect(before.every((o) => o.ruleKey.startsWith('actiepunt:ico:'))).toBe(true);
    await inRegion('co3-antwerpen', () => t.app.get(ReconcileObligationsUseCase).execute());
    const after = await db.followUpObligation.findMany({
      where: { id: { in: [action.wim, action.parket] } },
    });
    expect(after.map((o) => o.status)).toEqual(['open', 'open']);

    // Thursday 10 December, 09:00: a day before the parket's date.
    clock.set('2026-12-10T09:01:00+01:00');
    await inRegion('co3-antwerpen', () => t.app.get(SweepRemindersUseCase).execute());
    const reminder = `Herinnering: ${code.karim} – uiterlijk 11 december 2026 – CO3 Antwerpen`;
    await eventually(
      async () => (await t.sink.list(1000)).some((m) => m.subject === reminder),
      'the reminder',
    );
    const reminders = (await mailsWith('Herinnering:')).filter((m) => m.subject === reminder);
    expect(reminders.map((m) => m.to)).toEqual([['an.vermeulen@example.be']]);

    // Wim does his on "Mijn opvolging", with a short note.
    const wimPages = await pageUser(t, 'wim.jacobs@example.be');
    const list = await wimPages.get('/opvolging');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain('Actiepunt uit het verslag');
    // Its link leads to the action point in the verslag.
    expect(list.html).toContain(`href="/verslag/actiepunt/${action.wim}"`);
    // Wim is not one of the dossier's people: its code without a link that would answer 404 (issue #15).
    const wimCodes = [
      ...list.html.matchAll(/<tr>\s*<td>(?:<a href="\/dossiers\/([^"]+)">)?(CO3-\d{4}-\d{4})/g),
    ];
    expect(wimCodes.length).toBeGreaterThan(0);
    for (const [, linked, code] of wimCodes) {
      expect(linked).toBeUndefined();
      expect((await wimPages.get(`/dossiers/${code}`)).status).toBe(404);
    }
    const located = await wimPages.get(`/verslag/actiepunt/${action.wim}`);
    expect([located.status, located.location]).toEqual([303, `/verslag/${sessionId}#punt-${item.karim}`]);
    const done = await wimPages.post(`/opvolging/${action.wim}/afgerond`, {
      note: 'Overzicht bezorgd aan de casusregisseur.',
    });
    expect(done.status).toBe(303);
    const an = await login('an.vermeulen@example.be');
    expect((await an.post(`/api/opvolging/${action.wim}/afgerond`, { note: 'Niet de mijne.' })).status).toBe(
      404,
    );

    // Monday 14 December: the parket's is overdue, the coordinators of the ICO hear of it.
    clock.set('2026-12-14T09:01:00+01:00');
    await inRegion('co3-antwerpen', () => t.app.get(SweepRemindersUseCase).execute());
    const escalation = `Termijn verstreken: ${code.karim} – uiterlijk 11 december 2026 – CO3 Antwerpen`;
    await eventually(
      async () => (await t.sink.list(1000)).filter((m) => m.subject === escalation).length >= 2,
      'the escalation',
    );
    expect(
      (await mailsWith('Termijn verstreken:'))
        .filter((m) => m.subject === escalation)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(['jonas.maes@example.be', 'lotte.verbeke@example.be']);
    // Fulfilled: Wim's reminders of 11 and 17 December never go out.
    clock.set('2026-12-17T09:01:00+01:00');
    await inRegion('co3-antwerpen', () => t.app.get(SweepRemindersUseCase).execute());
    expect((await t.sink.list(1000)).some((m) => m.subject.includes('uiterlijk 18 december 2026'))).toBe(
      false,
    );

    const wim = await login('wim.jacobs@example.be');
    const view = (await (await wim.get(`/api/zittingen/${sessionId}/verslag`)).json()) as MinutesJson;
    expect(view.items[1]!.actionPoints!.map((p) => [p.ownerName, p.status, p.fulfilmentNote])).toEqual([
      ['An Vermeulen', 'open', null],
      ['Wim Jacobs', 'fulfilled', 'Overzicht bezorgd aan de casusregisseur.'],
    ]);
  }, 90_000);

  it('is reopened for a correction with a reason, audited', async () => {
    const lotte = await login('lotte.verbeke@example.be');
    const res = await lotte.post(`/api/zittingen/${sessionId}/verslag/heropenen`, {
      reason: 'Typfout in het verslag.',
    });
    expect(res.status).toBe(200);
    const jonas = await login('jonas.maes@example.be');
    expect(
      (
        await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${item.eva}`, {
          text: `${SECRET_A} Gecorrigeerd.`,
        })
      ).status,
    ).toBe(200);
    // Lotte's own (another region's attempts on this session are audited by the fence too).
    const audits = await db.auditEvent.findMany({
      where: {
        entityId: sessionId,
        actorPersonId: lotte.personId,
        action: { in: ['minutes.close', 'minutes.reopen'] },
      },
      select: { action: true, outcome: true, actorPersonId: true },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.outcome, a.actorPersonId])).toEqual([
      ['minutes.close', 'allowed', lotte.personId],
      ['minutes.reopen', 'allowed', lotte.personId],
    ]);
    const wim = await login('wim.jacobs@example.be');
    expect((await wim.get(`/api/zittingen/${sessionId}/verslag`)).status).toBe(404);
  });

  it('documents its routes in OpenAPI', async () => {
    const lotte = await login('lotte.verbeke@example.be');
    const doc = (await (await lotte.get('/api/docs/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    for (const [path, method] of [
      ['/api/zittingen/{sessionId}/verslag', 'get'],
      ['/api/zittingen/{sessionId}/verslag/aanwezigheid', 'post'],
      ['/api/zittingen/{sessionId}/verslag/punten/{itemId}', 'post'],
      ['/api/zittingen/{sessionId}/verslag/punten/{itemId}/actiepunten', 'post'],
      ['/api/zittingen/{sessionId}/verslag/afsluiten', 'post'],
      ['/api/zittingen/{sessionId}/verslag/heropenen', 'post'],
      ['/api/tables/{tableKey}/archief', 'get'],
    ] as const) {
      expect([path, doc.paths[path]?.[method]?.tags]).toEqual([path, ['verslag']]);
    }
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/verslag'))).toBe(false);
  });
});
