import { DateTime } from 'luxon';
import { SweepRemindersUseCase } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { AFRONDING_BRIEF, briefFields, writePlan } from '../support/plan-van-aanpak';

/**
 * One fictitious dossier from aanmelding to afsluiting through the use cases only (over the API
 * and the pages, on a controlled clock), with the reminder sweep run at every step: the
 * afsluiting's Ronde Tafel is the first one on or after afronding + 6 months, agendering it is
 * refused before that zitting is the next open one and accepted from then, it lands there, and
 * nothing escalates when every step is done on time.
 */

const ZONE = 'Europe/Brussels';
const clock = new ControlledClock('2026-01-12T09:00:00+01:00');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const local = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('the afsluiting of a dossier run on time, through the use cases', () => {
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

  async function agenderen(
    who: Awaited<ReturnType<typeof loginAs>>,
    fields: Record<string, string>,
    withDocument = false,
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      dossierCode: code,
      questions: 'Graag bespreken.',
      ...briefFields(AFRONDING_BRIEF, 'api'),
      ...fields,
    })) {
      form.append(k, v);
    }
    if (withDocument) form.append('document', new Blob([PDF]), 'plan.pdf');
    return fetch(`${t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, accept: 'application/json' },
      body: form,
    });
  }

  async function sessionOf(itemId: string) {
    const item = await db.agendaItem.findUniqueOrThrow({
      where: { id: itemId },
      select: { session: { select: { startsAt: true, tableKey: true } } },
    });
    return `${item.session.tableKey} ${local(item.session.startsAt)}`;
  }

  async function decide(itemId: string, when: string, decision: Record<string, unknown>) {
    const lotte = await at(when, 'lotte.verbeke@example.be');
    const res = await lotte.post(`/api/agenda-items/${itemId}/decision`, decision);
    expect([res.status, await res.text()]).toEqual([201, expect.any(String)]);
  }

  async function obligation(ruleKey: string) {
    const o = await db.followUpObligation.findFirstOrThrow({
      where: { dossier: { code }, ruleKey, sequence: 0 },
      select: { dueAt: true, sessionKey: true, status: true, fulfilmentKind: true },
    });
    return { due: local(o.dueAt), sessionKey: o.sessionKey, status: o.status, by: o.fulfilmentKind };
  }

  it('plans the afsluiting at the deadline of the Ronde Tafel of 11 March 2027 and lands it there', async () => {
    const sara = await db.person.findFirstOrThrow({ where: { email: 'sara.elidrissi@example.org' } });
    const politie = await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } });

    // Monday 12 January 2026: the aanmelding, for the ICO of Friday 23 January.
    const eva = await at('2026-01-12T09:00:00+01:00', 'eva.wouters@example.org');
    const filed = await eva.post('/api/aanmeldingen', {
      organisationId: politie.id,
      contactEmail: 'eva.wouters@example.org',
      whyNow: 'Nieuw incident.',
      violenceDescription: 'Psychisch partnergeweld.',
      situationAtStart: 'Gezin met een jong kind.',
      situationNow: 'Het gezin woont samen.',
      mainRisks: 'Herhaling.',
      clients: [
        { label: 'Persoon A', role: 'slachtoffer', age: 31 },
        { label: 'Persoon B', role: 'pleger', age: 33 },
        { label: 'Kind 1', role: 'kind', age: 4 },
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

    // The ICO: casusregie by Sara from Friday 30 January, consent verified at the ICO.
    await decide(aanmelding.agendaItemId, '2026-01-23T10:00:00+01:00', {
      kind: 'met_casusregie',
      casusregisseurId: sara.id,
      startDate: '2026-01-30',
      consentVerified: true,
    });
    // S + 9 weeks = Friday 3 April: the Weegploeg of Tuesday 7 April, deadline Monday 30 March 12:00.
    expect(await obligation('eerste-plan-van-aanpak')).toMatchObject({
      due: '2026-03-30T12:00',
      sessionKey: 'weegploeg:2026-04-07',
    });

    let casusregisseur = await at('2026-03-23T10:00:00+01:00', 'sara.elidrissi@example.org');
    await writePlan(t, 'sara.elidrissi@example.org', code);
    const pva = await agenderen(casusregisseur, { tableKey: 'weegploeg', itemType: 'plan-van-aanpak' }, true);
    expect(pva.status).toBe(201);
    const pvaItem = ((await pva.json()) as { agendaItemId: string }).agendaItemId;
    expect(await sessionOf(pvaItem)).toBe('weegploeg 2026-04-07T13:00');
    await decide(pvaItem, '2026-04-07T14:00:00+02:00', {
      kind: 'pva_besproken',
      terugkomdatum: '2026-05-21',
    });

    // Back on the Ronde Tafel of 21 May (14 May is Ascension Day).
    casusregisseur = await at('2026-05-11T10:00:00+02:00', 'sara.elidrissi@example.org');
    const rt = await agenderen(casusregisseur, { tableKey: 'ronde-tafel', itemType: 'opvolging' });
    expect(rt.status).toBe(201);
    const rtItem = ((await rt.json()) as { agendaItemId: string }).agendaItemId;
    expect(await sessionOf(rtItem)).toBe('ronde-tafel 2026-05-21T09:15');
    await decide(rtItem, '2026-05-21T10:00:00+02:00', { kind: 'opvolging_genoteerd' });

    casusregisseur = await at('2026-08-24T10:00:00+02:00', 'sara.elidrissi@example.org');
    const afr = await agenderen(casusregisseur, { tableKey: 'weegploeg', itemType: 'afronding' }, true);
    expect(afr.status).toBe(201);
    const afrItem = ((await afr.json()) as { agendaItemId: string }).agendaItemId;
    expect(await sessionOf(afrItem)).toBe('weegploeg 2026-09-08T13:00');
    await decide(afrItem, '2026-09-08T14:00:00+02:00', { kind: 'afronding_goedgekeurd' });

    // Afronding Tuesday 8 September 2026: the afsluiting's Ronde Tafel is on or after 8 March
    // 2027, that of Thursday 11 March; due at its deadline, Friday 5 March 12:00.
    expect(await obligation('afsluiting')).toEqual({
      due: '2027-03-05T12:00',
      sessionKey: 'ronde-tafel:2027-03-11',
      status: 'open',
      by: null,
    });

    // Monday 22 February 2027: the next Ronde Tafel is that of 4 March, too early. The form says
    // so for this dossier, and the use case refuses in the same words.
    clock.set('2027-02-22T09:00:00+01:00');
    const early = await pageUser(t, 'sara.elidrissi@example.org');
    const REFUSAL =
      'Een afsluiting komt op een Ronde Tafel die ten vroegste 6 maanden na de afronding ' +
      '(8 september 2026) plaatsvindt: op of na 8 maart 2027. Wie nu agendeert, komt op de Ronde ' +
      'Tafel van 4 maart 2027, en die is te vroeg. Agendeer de afsluiting vanaf 26 februari 2027 om ' +
      '12:00; dan komt ze op de Ronde Tafel van 11 maart 2027 (deadline 5 maart 2027 om 12:00).';
    const formEarly = await early.get(`/agendering?dossier=${code}&tafel=ronde-tafel&type=afsluiting`);
    expect(formEarly.html).toContain(
      `<p class="notice error" id="agendering-zitting"><strong>Te vroeg voor Ronde Tafel: Afsluiting.</strong> ${REFUSAL}</p>`,
    );
    casusregisseur = await at('2027-02-22T09:00:00+01:00', 'sara.elidrissi@example.org');
    const refused = await agenderen(casusregisseur, { tableKey: 'ronde-tafel', itemType: 'afsluiting' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      code: 'TOO_EARLY_FOR_AFSLUITING',
      field: 'itemType',
      message: REFUSAL,
    });
    expect(await db.agendaItem.count({ where: { dossier: { code }, itemType: 'afsluiting' } })).toBe(0);

    // Monday 1 March, inside the week the zitting of 11 March is the next open one.
    clock.set('2027-03-01T09:00:00+01:00');
    const onTime = await pageUser(t, 'sara.elidrissi@example.org');
    const form = await onTime.get(`/agendering?dossier=${code}&tafel=ronde-tafel&type=afsluiting`);
    expect(form.html).toMatch(
      /Als je nu verstuurt, komt dit op <strong>Ronde Tafel van donderdag 11 maart 2027<\/strong>; de deadline daarvoor is vrijdag 5 maart 2027 om 12:00\. <strong>Een afsluiting komt op een Ronde Tafel op of na maandag 8 maart 2027, 6 maanden na de afronding\./,
    );
    casusregisseur = await at('2027-03-01T09:00:00+01:00', 'sara.elidrissi@example.org');
    const placed = await agenderen(casusregisseur, { tableKey: 'ronde-tafel', itemType: 'afsluiting' });
    expect(placed.status).toBe(201);
    const afsItem = ((await placed.json()) as { agendaItemId: string }).agendaItemId;
    expect(await sessionOf(afsItem)).toBe('ronde-tafel 2027-03-11T09:15');
    expect(await obligation('afsluiting')).toEqual({
      due: '2027-03-05T12:00',
      sessionKey: 'ronde-tafel:2027-03-11',
      status: 'fulfilled',
      by: 'agenda-item',
    });

    // The six-month check, done before Monday 8 March 09:00.
    casusregisseur = await at('2027-03-02T10:00:00+01:00', 'sara.elidrissi@example.org');
    const check = await db.followUpObligation.findFirstOrThrow({
      where: { dossier: { code }, ruleKey: 'controle-zes-maanden-na-afronding' },
      select: { id: true },
    });
    // Through its form: did the follow-up help start, which; the Ronde Tafel's coordinators are told.
    const done = await casusregisseur.post(`/api/opvolging/${check.id}/vervolghulp`, {
      started: 'ja',
      helpKinds: ['cgg'],
      remarks: 'Vervolghulp loopt',
    });
    expect(done.status).toBe(200);

    // The Ronde Tafel of 11 March confirms the afsluiting: the zitting is on or after 8 March.
    await decide(afsItem, '2027-03-11T10:00:00+01:00', { kind: 'afsluiting_bevestigd' });
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { code },
      select: { phase: true, afsluitingDate: true },
    });
    expect([dossier.phase, dossier.afsluitingDate?.toISOString().slice(0, 10)]).toEqual([
      'afgesloten',
      '2027-03-11',
    ]);

    // The quality check by the region's strategic coordinator (guide V.D), then the sweep until
    // long after every due date.
    const ines = await at('2027-04-01T10:00:00+02:00', 'ines.goossens@example.be');
    const quality = await db.followUpObligation.findFirstOrThrow({
      where: { dossier: { code }, ruleKey: 'kwaliteitscontrole' },
      select: { id: true, dueAt: true },
    });
    expect(local(quality.dueAt)).toBe('2027-04-08T09:00');
    expect(
      (
        await ines.post(`/api/opvolging/${quality.id}/kwaliteitscontrole`, {
          checks: {
            instemming: true,
            'plan-van-aanpak': true,
            afronding: true,
            vervolghulp: true,
            afsluiting: true,
          },
        })
      ).status,
    ).toBe(200);
    await at('2027-06-01T10:00:00+02:00', 'lotte.verbeke@example.be');

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
      'kwaliteitscontrole fulfilled form',
      'opvolging-na-afronding cancelled',
      'ronde-tafel-na-weegploeg fulfilled agenda-item',
      'tussentijdse-evaluatie cancelled',
    ]);
    // Every step on time: reminders went out, not one escalation.
    const mails = await db.mailOutbox.findMany({
      where: { dossier: { code }, purpose: { in: ['obligation-reminder', 'obligation-escalation'] } },
      select: { purpose: true },
    });
    expect(mails.filter((m) => m.purpose === 'obligation-reminder').length).toBeGreaterThan(0);
    expect(mails.filter((m) => m.purpose === 'obligation-escalation')).toEqual([]);
  }, 300_000);
});
