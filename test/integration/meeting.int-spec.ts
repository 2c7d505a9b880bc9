import { inRegion } from '@overlegtafels/config';
import { Module } from '@nestjs/common';
import { SweepRemindersUseCase } from '@overlegtafels/application';
import { pdfText } from '@overlegtafels/pdf/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
import { pageUser, textOf } from '../support/page-client';
import { otherRegionCoordinator, WITH_OTHER_REGION } from '../support/other-region';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';
import { ObligationsApiModule } from '../../apps/api/src/obligations/obligations-api.module';
import { ObligationsWorkerModule } from '../../apps/worker/src/obligations-worker.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The worker with the reminder sweep, as it runs beside the api. */
@Module({
  imports: [WorkerModule, ObligationsWorkerModule, ObligationsApiModule],
  exports: [ObligationsApiModule],
})
class WithObligations {}

/**
 * Issue 13's "done when": one ICO from preparation to the closed verslag, through the real routes
 * and use cases. Karim Bouzid (police) and Eva Wouters (a GP) each refer a family on Monday
 * 23 November 2026; both land on the ICO of Friday 4 December. Politie (coordinators only), parket
 * and the city's social services (for the table) prepare Karim's item; at the session the
 * verslaggever records attendance (and that Karim came for his item), the verslag of both items,
 * the ICO's decision on Karim's item — instroom with Sara El Idrissi and the first risk picture —
 * and two action points (one for a person, one for an organisation); the voorzitter closes the
 * verslag. Then who reads what, over the pages, the API and the PDFs, each read audited.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const POLITIE = 'Politiezone Scheldeland (fictief)';
const PARKET = 'Parket, afdeling familie (fictief)';
const STAD = 'Sociale Dienstverlening Stad (fictief)';

const POLITIE_SUMMARY = 'Drie processen-verbaal partnergeweld, het laatste in november.';
const POLITIE_SIGNALS = 'Vuurwapen geregistreerd op naam van Persoon B.';
const PARKET_SUMMARY = 'Een lopend opsporingsonderzoek, geen gerechtelijke voorwaarden.';
const STAD_SUMMARY = 'Leefloon sinds voorjaar, een schuldhulptraject loopt.';
const VERSLAG_KARIM = 'De tafel ziet herhaald partnergeweld; casusregie is aangewezen.';
const VERSLAG_EVA = 'Afspraken met de huisarts over een veilige opvang (niet gedeeld).';
const ACTION_PERSON = 'Politie deelt de historiek van de interventies met de casusregisseur.';
const ACTION_ORG = 'De sociale dienst plant een huisbezoek voor de budgetbegeleiding.';
const VERSLAG_SUBJECT = 'Verslag: Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen';

type Client = Awaited<ReturnType<typeof loginAs>>;

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
    actionPoints: { what: string; ownerName: string; status: string }[] | null;
  }[];
}

interface PreparationJson {
  audience: string;
  entries: { organisationName: string; visibility: string; summary: string | null }[];
  partners: unknown[] | null;
}

describe('an ICO from preparation to the closed verslag, and who reads what', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let sessionId: string;
  const item = { karim: '', eva: '' };
  const code = { karim: '', eva: '' };
  let karimGuest: string;
  let stadId: string;
  let sara: { id: string };
  const action = { person: '', organisation: '' };

  const putPreparation = (who: Client, itemId: string, body: unknown) =>
    fetch(`${t.baseUrl}/api/agenda-items/${itemId}/voorbereiding`, {
      method: 'PUT',
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
    });

  /** Audit rows of this person so far: every read must add at least one. */
  const auditCount = (personId: string) => db.auditEvent.count({ where: { actorPersonId: personId } });
  /** Does the read, and checks that it wrote an audit event for its reader. */
  async function audited<T>(who: { personId: string }, read: () => Promise<T>): Promise<T> {
    const before = await auditCount(who.personId);
    const result = await read();
    expect(await auditCount(who.personId)).toBeGreaterThan(before);
    return result;
  }
  const json = async <T>(who: Client, url: string) => {
    const res = await who.get(url);
    return { status: res.status, body: (await res.json()) as T };
  };
  const pdf = async (who: Client, url: string) => {
    const res = await who.get(url);
    const bytes = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      text: res.status === 200 ? (await pdfText(bytes)).pages.join(' ') : bytes.toString('utf8'),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: WithObligations, env: WITH_OTHER_REGION });
    db = createPrismaClient(t.db.url, 2);
    const orgOf = async (email: string) =>
      (await db.person.findFirstOrThrow({ where: { email }, select: { organisationId: true } }))
        .organisationId!;
    for (const [key, email] of [
      ['karim', 'karim.bouzid@example.be'],
      ['eva', 'eva.wouters@example.org'],
    ] as const) {
      const who = await loginAs(t, email);
      const res = await who.post(
        '/api/aanmeldingen',
        aanmeldingInput(await orgOf(email), email, `Nieuwe feiten in het gezin (${key}).`),
      );
      expect(res.status).toBe(201);
      const filed = (await res.json()) as { dossierCode: string; agendaItemId: string };
      item[key] = filed.agendaItemId;
      code[key] = filed.dossierCode;
    }
    sessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: item.karim } })).sessionId;
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.eva } })).sessionId).toBe(sessionId);
    karimGuest = (await db.agendaItemGuest.findFirstOrThrow({ where: { agendaItemId: item.karim } })).id;
    stadId = (await db.organisation.findFirstOrThrow({ where: { kind: 'stad' } })).id;
    sara = await db.person.findFirstOrThrow({ where: { email: 'sara.elidrissi@example.org' } });

    // A second region with its own ICO coordinator and member.
    await otherRegionCoordinator(t);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('is prepared by three partners, politie’s entry for the coordinators only', async () => {
    // Monday 30 November: the preparation of the ICO of 4 December started on Friday 27 November.
    clock.set('2026-11-30T10:00:00+01:00');
    const entries = [
      [
        'wim.jacobs@example.be',
        { known: true, summary: POLITIE_SUMMARY, riskSignals: POLITIE_SIGNALS, visibility: 'coordinatoren' },
      ],
      ['an.vermeulen@example.be', { known: true, summary: PARKET_SUMMARY, visibility: 'tafel' }],
      ['griet.willems@example.be', { known: true, summary: STAD_SUMMARY, visibility: 'tafel' }],
    ] as const;
    for (const [email, body] of entries) {
      const res = await putPreparation(await loginAs(t, email), item.karim, body);
      expect([email, res.status]).toEqual([email, 200]);
    }
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const overview = await json<{ items: { itemId: string; prepared: number; expected: number }[] }>(
      lotte,
      `/api/sessions/${sessionId}/voorbereiding`,
    );
    expect(overview.body.items.find((i) => i.itemId === item.karim)).toMatchObject({
      prepared: 3,
      expected: 3,
    });
    // The coordinator shares Karim's item with the session; Eva's stays with the coordinators.
    expect((await lotte.post(`/api/agenda-items/${item.karim}/share`, { shared: true })).status).toBe(204);
  });

  it('is held: attendance, the verslag per item, the decision with the risk picture, two action points', async () => {
    clock.set('2026-12-04T09:40:00+01:00');
    const jonas = await loginAs(t, 'jonas.maes@example.be');
    const attendance = await jonas.post(`/api/zittingen/${sessionId}/verslag/aanwezigheid`, {
      attendance: { politie: 'aanwezig', parket: 'aanwezig', stad: 'aanwezig', caw: 'verontschuldigd' },
      guests: { [item.karim]: [karimGuest] },
    });
    expect([attendance.status, await attendance.json()]).toEqual([200, { recorded: 4 }]);
    for (const [key, text] of [
      ['karim', VERSLAG_KARIM],
      ['eva', VERSLAG_EVA],
    ] as const) {
      expect(
        (await jonas.post(`/api/zittingen/${sessionId}/verslag/punten/${item[key]}`, { text })).status,
      ).toBe(200);
    }

    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const picture = await json<{ clients: { id: string; label: string }[] }>(
      lotte,
      `/api/dossiers/${code.karim}/risicotaxatie`,
    );
    const [personA, personB] = picture.body.clients.map((c) => c.id);
    const instroom = await lotte.post(`/api/agenda-items/${item.karim}/decision`, {
      kind: 'met_casusregie',
      casusregisseurId: sara.id,
      startDate: '2026-12-07',
      consentVerified: true,
      riskPicture: {
        factors: [
          {
            factorKey: 'geweld-angst',
            mark: 'aanwezig',
            motivation: 'Persoon A vreest nieuwe feiten.',
            clientIds: [personA],
          },
          {
            factorKey: 'individu-middelen',
            mark: 'aanwezig',
            motivation: 'Alcohol bij de feiten.',
            clientIds: [personB],
          },
          { factorKey: 'sociaal-geen-steun', mark: 'niet-gekend', clientIds: [personA] },
        ],
      },
    });
    expect(instroom.status).toBe(201);
    const advice = await lotte.post(`/api/agenda-items/${item.eva}/decision`, {
      kind: 'geen_ketenaanpak',
      adviceText: 'Advies aan de aanmelder.',
      safetyPlanAdvice: 'Een veiligheidsplan opmaken.',
    });
    expect(advice.status).toBe(201);

    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const forPerson = await jonas.post(
      `/api/zittingen/${sessionId}/verslag/punten/${item.karim}/actiepunten`,
      {
        what: ACTION_PERSON,
        dueDate: '2026-12-18',
        ownerPersonId: wim.personId,
      },
    );
    expect(forPerson.status).toBe(201);
    action.person = ((await forPerson.json()) as { obligationId: string }).obligationId;
    const forOrganisation = await jonas.post(
      `/api/zittingen/${sessionId}/verslag/punten/${item.karim}/actiepunten`,
      { what: ACTION_ORG, dueDate: '2026-12-11', ownerOrganisationId: stadId },
    );
    expect(forOrganisation.status).toBe(201);
    const griet = await db.person.findFirstOrThrow({ where: { email: 'griet.willems@example.be' } });
    const organisationPoint = (await forOrganisation.json()) as {
      ownerPersonId: string;
      obligationId: string;
    };
    expect(organisationPoint.ownerPersonId).toBe(griet.id);
    action.organisation = organisationPoint.obligationId;
    expect(
      await db.riskPicture.findMany({ where: { dossier: { code: code.karim } }, select: { occasion: true } }),
    ).toEqual([{ occasion: 'ico' }]);
  });

  it('is closed by the voorzitter; each participant gets one mail that it is ready, without content', async () => {
    clock.set('2026-12-04T14:00:00+01:00');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await lotte.post(`/api/zittingen/${sessionId}/verslag/afsluiten`);
    expect(res.status).toBe(200);
    const { told } = (await res.json()) as { told: number };
    const delivered = await eventually(async () => {
      const found = (await t.sink.list(1000)).filter((m) => m.subject === VERSLAG_SUBJECT);
      return found.length >= told && found;
    }, `${told} "verslag klaar" mails`);
    const mails = await Promise.all(delivered.map(async (m) => (await t.sink.read(m.id))!));
    const to = mails.flatMap((m) => m.to);
    for (const address of [
      'lotte.verbeke@example.be',
      'jonas.maes@example.be',
      'wim.jacobs@example.be',
      'an.vermeulen@example.be',
      'griet.willems@example.be',
      'karim.bouzid@example.be',
      'eva.wouters@example.org',
      'sara.elidrissi@example.org',
    ]) {
      expect(to.filter((a) => a === address)).toEqual([address]);
    }
    expect(to).not.toContain('rik.elders@example.org');
    for (const m of mails) {
      expect(m.text).toContain(`/verslag/${sessionId}`);
      for (const secret of [
        code.karim,
        code.eva,
        VERSLAG_KARIM,
        VERSLAG_EVA,
        ACTION_PERSON,
        ACTION_ORG,
        POLITIE_SUMMARY,
        'Persoon',
      ]) {
        expect(m.text).not.toContain(secret);
        expect(m.html ?? '').not.toContain(secret);
        expect(m.subject).not.toContain(secret);
      }
    }
  });

  it('shows a member the shared parts and not the coordinators-only entry, on the page, the API and the PDF', async () => {
    const griet = await loginAs(t, 'griet.willems@example.be');
    const prep = await audited(griet, () =>
      json<PreparationJson>(griet, `/api/agenda-items/${item.karim}/voorbereiding`),
    );
    expect(prep.body.entries.map((e) => [e.organisationName, e.visibility])).toEqual([
      [PARKET, 'tafel'],
      [STAD, 'tafel'],
    ]);
    expect(JSON.stringify(prep.body)).not.toContain(POLITIE_SUMMARY);
    const page = await pageUser(t, 'griet.willems@example.be');
    const prepPage = textOf((await audited(griet, () => page.get(`/voorbereiding/${item.karim}`))).html);
    expect(prepPage).toContain(PARKET_SUMMARY);
    expect(prepPage).not.toContain(POLITIE_SUMMARY);
    expect(prepPage).not.toContain(POLITIE_SIGNALS);

    const minutes = await audited(griet, () =>
      json<MinutesJson>(griet, `/api/zittingen/${sessionId}/verslag`),
    );
    const karim = minutes.body.items.find((i) => i.dossierCode === code.karim)!;
    const eva = minutes.body.items.find((i) => i.dossierCode === code.eva)!;
    expect([karim.scope, karim.text, karim.decision?.kind]).toEqual([
      'shared',
      VERSLAG_KARIM,
      'met_casusregie',
    ]);
    expect(karim.actionPoints!.map((p) => [p.what, p.ownerName]).sort()).toEqual([
      [ACTION_ORG, 'Griet Willems'],
      [ACTION_PERSON, 'Wim Jacobs'],
    ]);
    expect([eva.scope, eva.text, eva.decision, eva.actionPoints]).toEqual(['none', null, null, null]);
    expect(minutes.body.attendance!.find((a) => a.participant === 'caw')!.status).toBe('verontschuldigd');

    const minutesPage = textOf((await audited(griet, () => page.get(`/verslag/${sessionId}`))).html);
    expect(minutesPage).toContain(VERSLAG_KARIM);
    expect(minutesPage).not.toContain(VERSLAG_EVA);
    const minutesPdf = await audited(griet, () => pdf(griet, `/api/zittingen/${sessionId}/verslag.pdf`));
    expect(minutesPdf.status).toBe(200);
    expect(minutesPdf.text).toContain(VERSLAG_KARIM);
    expect(minutesPdf.text).toContain(ACTION_PERSON);
    for (const hidden of [VERSLAG_EVA, POLITIE_SUMMARY, POLITIE_SIGNALS])
      expect(minutesPdf.text).not.toContain(hidden);
    const agendaPdf = await audited(griet, () => pdf(griet, `/agenda/${sessionId}/pdf`));
    expect(agendaPdf.status).toBe(200);
    expect(agendaPdf.text).toContain(code.karim);
    for (const hidden of [POLITIE_SUMMARY, POLITIE_SIGNALS, VERSLAG_EVA])
      expect(agendaPdf.text).not.toContain(hidden);
  });

  it('shows the coordinators the politie entry the members do not see', async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const prep = await audited(lotte, () =>
      json<PreparationJson>(lotte, `/api/agenda-items/${item.karim}/voorbereiding`),
    );
    expect(prep.body.entries.map((e) => e.organisationName)).toEqual([PARKET, POLITIE, STAD]);
    expect(prep.body.entries.find((e) => e.organisationName === POLITIE)!.summary).toBe(POLITIE_SUMMARY);
  });

  it('shows the aanmelder only their own item’s outcome: decision and action points, no partner input', async () => {
    const karim = await loginAs(t, 'karim.bouzid@example.be');
    const minutes = await audited(karim, () =>
      json<MinutesJson>(karim, `/api/zittingen/${sessionId}/verslag`),
    );
    expect(minutes.body.attendance).toBeNull();
    expect(
      minutes.body.items.map((i) => [i.dossierCode, i.scope, i.text, i.guests, i.decision?.kind]),
    ).toEqual([[code.karim, 'outcome', null, null, 'met_casusregie']]);
    expect(minutes.body.items[0]!.actionPoints!.map((p) => p.what).sort()).toEqual([
      ACTION_ORG,
      ACTION_PERSON,
    ]);
    const prep = await audited(karim, () =>
      json<PreparationJson>(karim, `/api/agenda-items/${item.karim}/voorbereiding`),
    );
    expect([prep.status, prep.body.audience, prep.body.entries, prep.body.partners]).toEqual([
      200,
      'aanmelder',
      [],
      null,
    ]);
    // Another aanmelder's item is not his: the same 404 as an unknown one.
    const other = await audited(karim, () =>
      json<{ code: string }>(karim, `/api/agenda-items/${item.eva}/voorbereiding`),
    );
    const unknown = await json<{ code: string }>(karim, `/api/agenda-items/${UNKNOWN_ID}/voorbereiding`);
    expect([other.status, other.body]).toEqual([unknown.status, unknown.body]);
    expect(other.status).toBe(404);

    const page = await pageUser(t, 'karim.bouzid@example.be');
    const minutesPage = textOf((await audited(karim, () => page.get(`/verslag/${sessionId}`))).html);
    expect(minutesPage).toContain(ACTION_PERSON);
    for (const hidden of [VERSLAG_KARIM, VERSLAG_EVA, code.eva, STAD_SUMMARY, PARKET_SUMMARY])
      expect(minutesPage).not.toContain(hidden);
    const minutesPdf = await audited(karim, () => pdf(karim, `/verslag/${sessionId}/pdf`));
    expect(minutesPdf.status).toBe(200);
    expect(minutesPdf.text).toContain(code.karim);
    expect(minutesPdf.text).toContain(ACTION_ORG);
    for (const hidden of [
      VERSLAG_KARIM,
      VERSLAG_EVA,
      code.eva,
      'Aanwezigheid',
      POLITIE_SUMMARY,
      PARKET_SUMMARY,
      STAD_SUMMARY,
    ])
      expect(minutesPdf.text).not.toContain(hidden);
    // The risk picture is the casusregie's, not the aanmelder's.
    expect((await audited(karim, () => karim.get(`/api/dossiers/${code.karim}/risicotaxatie`))).status).toBe(
      404,
    );
  });

  it('gives a person of another region the same 404 as an unknown id, and nothing', async () => {
    const rik = await loginAs(t, 'rik.elders@example.org');
    const page = await pageUser(t, 'rik.elders@example.org');
    const pairs: [string, string][] = [
      [`/api/zittingen/${sessionId}/verslag`, `/api/zittingen/${UNKNOWN_ID}/verslag`],
      [`/api/zittingen/${sessionId}/verslag.pdf`, `/api/zittingen/${UNKNOWN_ID}/verslag.pdf`],
      [`/api/agenda-items/${item.karim}/voorbereiding`, `/api/agenda-items/${UNKNOWN_ID}/voorbereiding`],
      [`/api/sessions/${sessionId}/voorbereiding`, `/api/sessions/${UNKNOWN_ID}/voorbereiding`],
      [`/api/dossiers/${code.karim}/risicotaxatie`, `/api/dossiers/CO3-2026-9999/risicotaxatie`],
      [`/api/sessions/${sessionId}/agenda.pdf`, `/api/sessions/${UNKNOWN_ID}/agenda.pdf`],
    ];
    for (const [real, fake] of pairs) {
      const a = await audited(rik, () => rik.get(real));
      const b = await rik.get(fake);
      const [bodyA, bodyB] = [await a.text(), await b.text()];
      expect([real, a.status, bodyA]).toEqual([real, 404, bodyB]);
      expect(b.status).toBe(404);
      for (const secret of [code.karim, VERSLAG_KARIM, POLITIE_SUMMARY, STAD_SUMMARY])
        expect(bodyA).not.toContain(secret);
    }
    for (const [real, fake] of [
      [`/verslag/${sessionId}`, `/verslag/${UNKNOWN_ID}`],
      [`/voorbereiding/${item.karim}`, `/voorbereiding/${UNKNOWN_ID}`],
      [`/dossiers/${code.karim}`, '/dossiers/CO3-2026-9999'],
      [`/verslag/${sessionId}/pdf`, `/verslag/${UNKNOWN_ID}/pdf`],
    ]) {
      const a = await audited(rik, () => page.get(real!));
      const b = await page.get(fake!);
      expect([real, a.status]).toEqual([real, 404]);
      expect(textOf(a.html)).toBe(textOf(b.html).replace(fake!, real!));
      expect(a.html).not.toContain(VERSLAG_KARIM);
    }
    // Rik's region has no table of that key: its archive answers as for any table it does not have.
    const archive = await audited(rik, () =>
      json<{ items?: unknown[] }>(rik, `/api/tables/ico/archief?dossier=${code.karim}`),
    );
    expect([archive.status, archive.body.items]).toEqual([404, undefined]);
    const denied = await db.auditEvent.findMany({
      where: { actorPersonId: rik.personId, outcome: 'denied' },
      select: { action: true },
    });
    expect(denied.length).toBeGreaterThanOrEqual(pairs.length);
  });

  it('shows the casusregisseur the item’s verslag and action points on the dossier page', async () => {
    const saraClient = await loginAs(t, 'sara.elidrissi@example.org');
    const page = await pageUser(t, 'sara.elidrissi@example.org');
    const dossier = await audited(saraClient, () => page.get(`/dossiers/${code.karim}`));
    expect(dossier.status).toBe(200);
    const text = textOf(dossier.html);
    expect(text).toContain('Verslagen en actiepunten');
    expect(text).toContain(VERSLAG_KARIM);
    expect(text).toContain(ACTION_PERSON);
    expect(text).toContain(ACTION_ORG);
    expect(text).not.toContain(VERSLAG_EVA);
    const minutes = await audited(saraClient, () =>
      json<MinutesJson>(saraClient, `/api/zittingen/${sessionId}/verslag`),
    );
    expect(minutes.body.items.map((i) => [i.dossierCode, i.text])).toEqual([[code.karim, VERSLAG_KARIM]]);
    const picture = await audited(saraClient, () =>
      json<{ current: { domains: { key: string; factors: { key: string; mark: string }[] }[] } }>(
        saraClient,
        `/api/dossiers/${code.karim}/risicotaxatie`,
      ),
    );
    expect(picture.body.current.domains.flatMap((d) => d.factors.map((f) => [f.key, f.mark]))).toEqual([
      ['geweld-angst', 'aanwezig'],
      ['individu-middelen', 'aanwezig'],
      ['sociaal-geen-steun', 'niet-gekend'],
    ]);
  });

  it('makes the action points obligations: reminded before their date, escalated after, fulfilled on Mijn opvolging', async () => {
    const delivered = async (subject: string, count: number) => {
      const found = await eventually(async () => {
        const mails = (await t.sink.list(1000)).filter((m) => m.subject === subject);
        return mails.length >= count && mails;
      }, `${count} × "${subject}"`);
      return Promise.all(found.map(async (m) => (await t.sink.read(m.id))!));
    };
    const sweep = async (at: string) => {
      clock.set(at);
      await inRegion('co3-antwerpen', () => t.app.get(SweepRemindersUseCase).execute());
    };
    const noContent = (mails: { text: string; subject: string }[]) => {
      for (const m of mails)
        for (const secret of [ACTION_PERSON, ACTION_ORG, VERSLAG_KARIM, 'Persoon'])
          expect(`${m.subject} ${m.text}`).not.toContain(secret);
    };

    // Thursday 10 December, the day before the social services' date: its owner is reminded.
    await sweep('2026-12-10T09:01:00+01:00');
    const reminder = `Herinnering: ${code.karim} – uiterlijk 11 december 2026 – CO3 Antwerpen`;
    const reminders = await delivered(reminder, 1);
    expect(reminders.map((m) => m.to)).toEqual([['griet.willems@example.be']]);
    noContent(reminders);

    // Wim fulfils his on "Mijn opvolging"; nobody else can.
    const wimPages = await pageUser(t, 'wim.jacobs@example.be');
    const list = await wimPages.get('/opvolging');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain('Actiepunt uit het verslag');
    const griet = await loginAs(t, 'griet.willems@example.be');
    expect(
      (await griet.post(`/api/opvolging/${action.person}/afgerond`, { note: 'Niet de mijne.' })).status,
    ).toBe(404);
    const done = await wimPages.post(`/opvolging/${action.person}/afgerond`, {
      note: 'Historiek bezorgd aan de casusregisseur.',
    });
    expect(done.status).toBe(303);

    // Monday 14 December: the social services' point is overdue; the ICO's coordinators hear of it.
    await sweep('2026-12-14T09:01:00+01:00');
    const escalation = `Termijn verstreken: ${code.karim} – uiterlijk 11 december 2026 – CO3 Antwerpen`;
    const escalations = await delivered(escalation, 2);
    expect(escalations.flatMap((m) => m.to).sort()).toEqual([
      'jonas.maes@example.be',
      'lotte.verbeke@example.be',
    ]);
    noContent(escalations);

    // Wim's, fulfilled, is neither reminded nor escalated around its date of 18 December.
    await sweep('2026-12-17T09:01:00+01:00');
    await sweep('2026-12-21T09:01:00+01:00');
    await delivered(escalation, 2);
    expect((await t.sink.list(1000)).filter((m) => m.subject.includes('uiterlijk 18 december 2026'))).toEqual(
      [],
    );
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const minutes = await json<MinutesJson>(lotte, `/api/zittingen/${sessionId}/verslag`);
    expect(
      minutes.body.items
        .find((i) => i.dossierCode === code.karim)!
        .actionPoints!.map((p) => [p.ownerName, p.status])
        .sort(),
    ).toEqual([
      ['Griet Willems', 'open'],
      ['Wim Jacobs', 'fulfilled'],
    ]);
  }, 90_000);
});
