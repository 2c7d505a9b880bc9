import { DateTime } from 'luxon';
import { SweepRemindersUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser } from '../support/page-client';
import { AFRONDING_BRIEF, briefFields, writePlan } from '../support/plan-van-aanpak';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * One fictitious dossier through a whole year and its closure, through the use cases only (over
 * the API and the pages, on a controlled clock), with the reminder sweep run at every step as the
 * worker's cron would: aanmelding → ICO (consent verified later by the casusregisseur) → children
 * over 12 heard → first plan van aanpak on the Weegploeg → Ronde Tafel → interim evaluation at ten
 * months → afronding → six-month report → afsluiting on the first Ronde Tafel on or after
 * afronding + 6 months → quality check by the strategic coordinator. Run twice: every step on
 * time (not one escalation), and with the six-month report a few days late (exactly that
 * obligation escalates, to the Ronde Tafel's coordinators, and nothing else).
 */

const ZONE = 'Europe/Brussels';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const local = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
const SARA = 'sara.elidrissi@example.org';
const LOTTE = 'lotte.verbeke@example.be';

type LateStep = 'controle-zes-maanden-na-afronding' | undefined;

function year(late: LateStep) {
  const clock = new ControlledClock('2026-01-12T09:00:00+01:00');
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let code: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  /** The clock moves; the reminder sweep runs as the worker's cron would; a fresh login. */
  async function at(when: string, email: string) {
    clock.set(when);
    const swept = await t.app.get(SweepRemindersUseCase).execute();
    expect(swept.failed).toBe(0);
    return loginAs(t, email);
  }

  async function agenderen(when: string, fields: Record<string, string>, withDocument = false) {
    const who = await at(when, SARA);
    const form = new FormData();
    // With the questions annexes F and G ask (why now, safety agreements, children heard, goals).
    for (const [k, v] of Object.entries({
      dossierCode: code,
      questions: 'Graag bespreken.',
      ...briefFields(AFRONDING_BRIEF, 'api'),
      ...fields,
    })) {
      form.append(k, v);
    }
    if (withDocument) form.append('document', new Blob([PDF]), 'plan.pdf');
    const res = await fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, accept: 'application/json' },
      body: form,
    });
    return res;
  }

  async function agendered(when: string, fields: Record<string, string>, withDocument = false) {
    const res = await agenderen(when, fields, withDocument);
    expect([res.status, res.status === 201 ? '' : await res.text()]).toEqual([201, '']);
    const itemId = ((await res.json()) as { agendaItemId: string }).agendaItemId;
    return { itemId, session: await sessionOf(itemId) };
  }

  async function sessionOf(itemId: string) {
    const item = await db.agendaItem.findUniqueOrThrow({
      where: { id: itemId },
      select: { session: { select: { startsAt: true, tableKey: true } } },
    });
    return `${item.session.tableKey} ${local(item.session.startsAt)}`;
  }

  async function decide(itemId: string, when: string, decision: Record<string, unknown>) {
    const lotte = await at(when, LOTTE);
    const res = await lotte.post(`/api/agenda-items/${itemId}/decision`, decision);
    expect([res.status, await res.text()]).toEqual([201, expect.any(String)]);
  }

  async function obligation(ruleKey: string) {
    const o = await db.followUpObligation.findFirstOrThrow({
      where: { dossier: { code }, ruleKey, sequence: 0 },
      select: { id: true, dueAt: true, sessionKey: true, status: true, fulfilmentKind: true },
    });
    return {
      id: o.id,
      due: local(o.dueAt),
      sessionKey: o.sessionKey,
      status: o.status,
      by: o.fulfilmentKind,
    };
  }

  async function phase() {
    return (await db.dossier.findUniqueOrThrow({ where: { code }, select: { phase: true } })).phase;
  }

  it('runs from aanmelding to quality check through the use cases', async () => {
    const sara = await db.person.findFirstOrThrow({ where: { email: SARA } });
    const politie = await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } });

    // Monday 12 January 2026: the aanmelding, for the ICO of Friday 23 January.
    const eva = await at('2026-01-12T09:00:00+01:00', 'eva.wouters@example.org');
    const filed = await eva.post('/api/aanmeldingen', {
      organisationId: politie.id,
      contactEmail: 'eva.wouters@example.org',
      whyNow: 'Nieuw incident.',
      violenceDescription: 'Psychisch partnergeweld.',
      situationAtStart: 'Gezin met twee kinderen.',
      situationNow: 'Het gezin woont samen.',
      mainRisks: 'Herhaling.',
      clients: [
        { label: 'Persoon A', role: 'slachtoffer', age: 41 },
        { label: 'Persoon B', role: 'pleger', age: 43 },
        { label: 'Kind 1', role: 'kind', age: 4 },
        { label: 'Kind 2', role: 'kind', age: 14 },
      ],
      clientRelations: 'A en B zijn partners.',
      servicesInvolved: 'CAW.',
      safetyPlanExists: false,
      questionsAndExpectations: 'Afstemming.',
      confidentialityConfirmed: true,
      familyInformed: true,
    });
    expect(filed.status).toBe(201);
    const aanmelding = (await filed.json()) as { dossierCode: string; agendaItemId: string };
    code = aanmelding.dossierCode;
    expect(await sessionOf(aanmelding.agendaItemId)).toBe('ico 2026-01-23T09:30');

    // The ICO: casusregie by Sara from Friday 30 January; consent is not yet verified.
    // With the risk picture at instroom (annex E's kijkschema).
    await decide(aanmelding.agendaItemId, '2026-01-23T10:00:00+01:00', {
      kind: 'met_casusregie',
      casusregisseurId: sara.id,
      startDate: '2026-01-30',
      riskPicture: {
        factors: [
          {
            factorKey: 'geweld-escalatie',
            mark: 'aanwezig',
            motivation: 'Nieuw incident na een rustige periode.',
          },
          { factorKey: 'individu-middelen', mark: 'niet-gekend' },
        ],
      },
    });
    // Until the consent is there, casusregie awaits it: only the consent is an obligation, due at
    // the planned start + 14 days.
    const afterIco = await db.followUpObligation.findMany({
      where: { dossier: { code } },
      select: { ruleKey: true },
    });
    expect(afterIco.map((o) => o.ruleKey)).toEqual(['instemming-volwassene']);
    expect(await obligation('instemming-volwassene')).toMatchObject({
      due: '2026-02-13T09:00',
      status: 'open',
    });

    // Thursday 5 February: the casusregisseur verified the consent of Persoon A the day before.
    // Casusregie starts then, Wednesday 4 February (after the planned 30 January).
    let casusregisseur = await at('2026-02-05T10:00:00+01:00', SARA);
    const consent = await casusregisseur.post(`/api/dossiers/${code}/instemming`, {
      givenBy: 'Persoon A',
      verifiedOn: '2026-02-04',
      adultFamilyMember: true,
    });
    expect(consent.status).toBe(200);
    expect(await obligation('instemming-volwassene')).toMatchObject({ status: 'fulfilled', by: 'event' });
    // S + 9 weeks = Wednesday 8 April: the Weegploeg of Tuesday 21 April, deadline Monday 13 April 12:00.
    expect(await obligation('eerste-plan-van-aanpak')).toMatchObject({
      due: '2026-04-13T12:00',
      sessionKey: 'weegploeg:2026-04-21',
      status: 'open',
    });
    // Kind 2 is 14: heard before the first Weegploeg, by the same deadline.
    expect(await obligation('kinderen-boven-12-gehoord')).toMatchObject({
      due: '2026-04-13T12:00',
      status: 'open',
    });
    // S + 10 months = 4 December: the Ronde Tafel of Thursday 10 December, deadline 4 December 12:00.
    expect(await obligation('tussentijdse-evaluatie')).toMatchObject({
      due: '2026-12-04T12:00',
      sessionKey: 'ronde-tafel:2026-12-10',
    });

    // Monday 9 March: Kind 2 was heard on Friday 6 March.
    casusregisseur = await at('2026-03-09T10:00:00+01:00', SARA);
    const heard = await casusregisseur.post(`/api/dossiers/${code}/kinderen`, {
      label: 'Kind 2',
      heard: true,
      heardOn: '2026-03-06',
    });
    expect(heard.status).toBe(200);
    expect(await obligation('kinderen-boven-12-gehoord')).toMatchObject({ status: 'fulfilled', by: 'event' });

    // The plan van aanpak is written in the service before it is agendered.
    clock.set('2026-04-08T09:00:00+02:00');
    await writePlan(t, SARA, code);
    // Wednesday 8 April: the first plan van aanpak, for the Weegploeg of 21 April.
    const pva = await agendered(
      '2026-04-08T10:00:00+02:00',
      { tableKey: 'weegploeg', itemType: 'plan-van-aanpak' },
      true,
    );
    expect(pva.session).toBe('weegploeg 2026-04-21T13:00');
    await decide(pva.itemId, '2026-04-21T14:00:00+02:00', {
      kind: 'pva_besproken',
      terugkomdatum: '2026-05-21',
    });

    // Back on the Ronde Tafel of 21 May (14 May is Ascension Day).
    const rt = await agendered('2026-05-11T10:00:00+02:00', {
      tableKey: 'ronde-tafel',
      itemType: 'opvolging',
    });
    expect(rt.session).toBe('ronde-tafel 2026-05-21T09:15');
    await decide(rt.itemId, '2026-05-21T10:00:00+02:00', { kind: 'opvolging_genoteerd' });

    // Friday 27 November: a new risk picture for the interim evaluation (the Ronde Tafel asks for one).
    const renewed = await (
      await at('2026-11-27T10:00:00+01:00', SARA)
    ).post(`/api/dossiers/${code}/risicotaxatie`, {
      occasion: 'tussentijdse-evaluatie',
      factors: [
        { factorKey: 'geweld-escalatie', mark: 'niet-gekend' },
        { factorKey: 'geweld-veiligheidsplan', mark: 'aanwezig', motivation: 'Het veiligheidsplan werkt.' },
      ],
    });
    expect(renewed.status).toBe(201);

    // The interim evaluation at ten months, on the Ronde Tafel of 10 December.
    const evaluation = await agendered('2026-11-30T10:00:00+01:00', {
      tableKey: 'ronde-tafel',
      itemType: 'tussentijdse-evaluatie',
    });
    expect(evaluation.session).toBe('ronde-tafel 2026-12-10T09:15');
    expect(await obligation('tussentijdse-evaluatie')).toMatchObject({
      status: 'fulfilled',
      by: 'agenda-item',
    });
    await decide(evaluation.itemId, '2026-12-10T10:00:00+01:00', { kind: 'opvolging_genoteerd' });

    // The afronding, on the Weegploeg of Tuesday 12 January 2027.
    const afr = await agendered(
      '2026-12-28T10:00:00+01:00',
      { tableKey: 'weegploeg', itemType: 'afronding' },
      true,
    );
    expect(afr.session).toBe('weegploeg 2027-01-12T13:00');
    await decide(afr.itemId, '2027-01-12T14:00:00+01:00', { kind: 'afronding_goedgekeurd' });
    expect(await phase()).toBe('afgerond');

    // Afronding 12 January 2027: the six-month check is due 12 July 09:00; the afsluiting's
    // Ronde Tafel is the first on or after 12 July, that of Thursday 15 July, due at its deadline.
    const check = await obligation('controle-zes-maanden-na-afronding');
    expect(check).toMatchObject({ due: '2027-07-12T09:00', status: 'open' });
    expect(await obligation('afsluiting')).toMatchObject({
      due: '2027-07-09T12:00',
      sessionKey: 'ronde-tafel:2027-07-15',
      status: 'open',
    });

    // Monday 28 June: the next Ronde Tafel is that of 8 July, too early; the use case refuses.
    const early = await agenderen('2027-06-28T09:00:00+02:00', {
      tableKey: 'ronde-tafel',
      itemType: 'afsluiting',
    });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ code: 'TOO_EARLY_FOR_AFSLUITING', field: 'itemType' });
    expect(await db.agendaItem.count({ where: { dossier: { code }, itemType: 'afsluiting' } })).toBe(0);

    // Monday 5 July: the zitting of 15 July is the next open one; the form says so, and it lands.
    clock.set('2027-07-05T09:00:00+02:00');
    const form = await (
      await pageUser(t, SARA)
    ).get(`/agendering?dossier=${code}&tafel=ronde-tafel&type=afsluiting`);
    expect(form.html).toMatch(
      /Als u nu verstuurt, komt dit op <strong>Ronde Tafel van donderdag 15 juli 2027<\/strong>; de deadline daarvoor is vrijdag 9 juli 2027 om 12:00\./,
    );
    const afs = await agendered('2027-07-05T09:00:00+02:00', {
      tableKey: 'ronde-tafel',
      itemType: 'afsluiting',
    });
    expect(afs.session).toBe('ronde-tafel 2027-07-15T09:15');
    expect(await obligation('afsluiting')).toMatchObject({ status: 'fulfilled', by: 'agenda-item' });

    // The six-month report through its form: on time on Tuesday 6 July, or late on Wednesday 14 July.
    casusregisseur = await at(late ? '2027-07-14T10:00:00+02:00' : '2027-07-06T10:00:00+02:00', SARA);
    const done = await casusregisseur.post(`/api/opvolging/${check.id}/vervolghulp`, {
      started: 'ja',
      helpKinds: ['cgg'],
      remarks: 'Vervolghulp loopt',
    });
    expect(done.status).toBe(200);
    expect(await obligation('controle-zes-maanden-na-afronding')).toMatchObject({
      status: 'fulfilled',
      by: 'form',
    });

    // The Ronde Tafel of 15 July confirms the afsluiting.
    await decide(afs.itemId, '2027-07-15T10:00:00+02:00', { kind: 'afsluiting_bevestigd' });
    expect(await phase()).toBe('afgesloten');

    // The quality check by the region's strategic coordinator (guide V.D), due four weeks later.
    const quality = await obligation('kwaliteitscontrole');
    expect(quality.due).toBe('2027-08-12T09:00');
    const ines = await at('2027-08-02T10:00:00+02:00', 'ines.goossens@example.be');
    const checked = await ines.post(`/api/opvolging/${quality.id}/kwaliteitscontrole`, {
      checks: {
        instemming: true,
        'plan-van-aanpak': true,
        afronding: true,
        vervolghulp: true,
        afsluiting: true,
      },
    });
    expect(checked.status).toBe(200);

    // The sweep until long after every due date.
    await at('2027-10-01T10:00:00+02:00', LOTTE);
    const final = await db.followUpObligation.findMany({
      where: { dossier: { code } },
      select: { ruleKey: true, status: true, fulfilmentKind: true },
      orderBy: { ruleKey: 'asc' },
    });
    expect(final.map((o) => `${o.ruleKey} ${o.status} ${o.fulfilmentKind ?? ''}`.trim())).toEqual([
      'afsluiting fulfilled agenda-item',
      'controle-zes-maanden-na-afronding fulfilled form',
      'eerste-plan-van-aanpak fulfilled agenda-item',
      'instemming-volwassene fulfilled event',
      'kinderen-boven-12-gehoord fulfilled event',
      'kwaliteitscontrole fulfilled form',
      'opvolging-na-afronding cancelled',
      'ronde-tafel-na-weegploeg fulfilled agenda-item',
      'tussentijdse-evaluatie fulfilled agenda-item',
    ]);

    const mails = await db.mailOutbox.findMany({
      where: { dossier: { code }, purpose: { in: ['obligation-reminder', 'obligation-escalation'] } },
      select: { purpose: true, payload: true, recipientEmail: true, subject: true },
    });
    expect(mails.filter((m) => m.purpose === 'obligation-reminder').length).toBeGreaterThan(0);
    const escalations = mails.filter((m) => m.purpose === 'obligation-escalation');
    const escalated = [
      ...new Set(escalations.map((m) => (m.payload as { obligationId: string }).obligationId)),
    ];
    if (!late) {
      // Every step on time: reminders went out, not one escalation.
      expect(escalations).toEqual([]);
    } else {
      // Late by two days: that obligation escalated once, to the Ronde Tafel's coordinators.
      expect(escalated).toEqual([check.id]);
      expect(escalations.every((m) => m.subject.includes(code) && !m.subject.includes('Persoon'))).toBe(true);
      const rtCoordinators = await db.person.findMany({
        where: { roleAssignments: { some: { tableKey: 'ronde-tafel', role: 'coordinator' } } },
        select: { email: true },
      });
      expect(new Set(escalations.map((m) => m.recipientEmail))).toEqual(
        new Set(rtCoordinators.map((p) => p.email)),
      );
    }
  }, 300_000);

  it('pages the dossier’s verslagen after the year: newest first, the total, next and previous (issue #18)', async () => {
    // What a coordinator reads: the held sessions with an agendapunt of the dossier at a table
    // they coordinate (also while its verslag is written), newest first.
    const grants = await db.roleAssignment.findMany({
      where: { person: { email: LOTTE }, role: 'coordinator' },
      select: { tableKey: true },
    });
    const sessions = await db.session.findMany({
      where: {
        agendaItems: { some: { dossier: { code }, status: { in: ['placed', 'discussed'] } } },
        ...(grants.some((g) => g.tableKey === null)
          ? {}
          : { tableKey: { in: grants.map((g) => g.tableKey!) } }),
      },
      select: { id: true, status: true },
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    });
    const held = sessions.filter((s) => String(s.status) === 'held').map((s) => s.id);
    expect(held.length).toBeGreaterThanOrEqual(5);
    const page = await pageUser(t, LOTTE);
    const verslagen = async (query: string) => {
      const res = await page.get(`/dossiers/${code}${query}`);
      expect(res.status).toBe(200);
      const part = res.html.slice(
        res.html.indexOf('id="verslagen"'),
        res.html.indexOf('<h2 id="agendapunten">Agendapunten'),
      );
      const pager = (rel: string) =>
        new RegExp(`href="([^"]+)" rel="${rel}"`).exec(part)?.[1]?.replace(/&amp;/g, '&');
      return {
        ids: [...part.matchAll(/<h3><a href="\/verslag\/([0-9a-f-]{36})"/g)].map((m) => m[1]),
        text: part,
        next: pager('next'),
        previous: pager('prev'),
      };
    };
    const all = await verslagen('');
    expect(all.ids).toEqual(held);
    expect([all.next, all.previous]).toEqual([undefined, undefined]);
    expect(all.text).toContain(`${held.length} zittingen, de nieuwste eerst.`);

    const first = await verslagen('?verslagenLimit=2');
    expect([first.ids, first.previous]).toEqual([held.slice(0, 2), undefined]);
    expect(first.text).toContain(`${held.length} zittingen, de nieuwste eerst; u ziet er een deel van.`);
    expect(first.next).toMatch(
      new RegExp(`^/dossiers/${code}\\?verslagenLimit=2&verslagenAfter=[^&#]+#verslagen$`),
    );
    const second = await verslagen(first.next!.replace('#verslagen', '').slice(`/dossiers/${code}`.length));
    expect(second.ids).toEqual(held.slice(2, 4));
    expect(second.previous).toMatch(/verslagenBefore=/);
    const back = await verslagen(
      second.previous!.replace('#verslagen', '').slice(`/dossiers/${code}`.length),
    );
    expect([back.ids, back.previous]).toEqual([first.ids, undefined]);
    // The timeline's own page stays where it is when the verslagen turn a page, and the other way.
    const both = await page.get(`/dossiers/${code}?limit=3&verslagenLimit=2`);
    expect(both.html).toContain(`?limit=3&amp;verslagenLimit=2&amp;after=`);
    expect(both.html).toContain(`?limit=3&amp;verslagenLimit=2&amp;verslagenAfter=`);

    const bad = await page.get(`/dossiers/${code}?verslagenBefore=1.2.3`);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Vorige pagina: deze verwijzing is ongeldig.');
  });
}

describe('a dossier’s year with every step on time', () => {
  year(undefined);
});

describe('a dossier’s year with the six-month report two days late', () => {
  year('controle-zes-maanden-na-afronding');
});
