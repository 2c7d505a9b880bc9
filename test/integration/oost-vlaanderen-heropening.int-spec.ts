import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, pageUser, textOf } from '../support/page-client';
import { regionWithPeople } from '../support/region-people';
import { brusselsDay, DossierAtTable, fictitiousAanmelding } from '../support/region-life';
import { formKey, postConcurrently } from '../support/submit-once';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * An installation of Veilig Huis Oost-Vlaanderen (REGION=oost-vlaanderen): a fictitious dossier
 * goes through the team regie and the region's own phases (aanmelding; exploratie until the plan
 * van aanpak is discussed; uitvoering; afronding; afgesloten three months later), its page and the
 * API showing the phases' labels, and, after new incidents, is reopened by a coordinator: back to
 * the aanmelding with its history kept, audited, shown on its page, and taken up again in the
 * exploratie. The region and its people are rows (regionWithPeople).
 */

const clock = new ControlledClock('2026-01-05T09:00:00+01:00'); // Monday
const AANMELDER = 'fien.vermeulen@example.be';
const COORDINATOR = 'bram.desmet@example.be';
const CASUSREGISSEUR = 'elke.martens@example.be';

const OOST_VLAANDEREN_PEOPLE = {
  region: {
    key: 'oost-vlaanderen',
    name: 'Veilig Huis Oost-Vlaanderen',
    mailFromAddress: 'teamregie@vh-ov.example.be',
  },
  table: 'team-regie',
  aanmelder: {
    email: AANMELDER,
    displayName: 'Fien Vermeulen',
    organisation: { kind: 'clb', name: 'CLB Voorbeeld (test)' },
  },
  coordinator: { email: COORDINATOR, displayName: 'Bram Desmet' },
  casusregisseur: { email: CASUSREGISSEUR, displayName: 'Elke Martens' },
};

describe('Oost-Vlaanderen: a closed dossier is reopened after new incidents, keeping its history', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let casusregisseurId: string;
  let code: string;
  let firstItemId: string;
  /** The first life's obligations as they stood when the dossier was closed. */
  let firstLife: Awaited<ReturnType<typeof obligationRows>>;
  let actionPointId: string;

  let life: DossierAtTable;

  /** Every obligation of the dossier with its life, by life, rule and sequence. */
  const obligationRows = () =>
    db.followUpObligation.findMany({
      where: { dossier: { code } },
      select: {
        id: true,
        life: true,
        ruleKey: true,
        sequence: true,
        status: true,
        dueAt: true,
        ownerId: true,
        ownerRole: true,
        fulfilledAt: true,
        fulfilmentKind: true,
        cancelledAt: true,
        cancelReason: true,
        sessionKey: true,
      },
      orderBy: [{ life: 'asc' }, { ruleKey: 'asc' }, { sequence: 'asc' }],
    });
  const summary = (rows: Awaited<ReturnType<typeof obligationRows>>) =>
    rows.map(
      (o) =>
        `${o.life} ${o.ruleKey.replace(/:[0-9a-f-]{36}$/, ':…')}#${o.sequence} ${o.status} ${o.dueAt.toISOString()}`,
    );

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { REGION: 'oost-vlaanderen' } });
    db = createPrismaClient(t.db.url, 2);
    life = new DossierAtTable(t, db, clock, COORDINATOR, 'team-regie');
    const made = await regionWithPeople(db, OOST_VLAANDEREN_PEOPLE);
    casusregisseurId = made.casusregisseurId;
    const fien = await loginAs(t, AANMELDER);
    const res = await fien.post(
      '/api/aanmeldingen',
      fictitiousAanmelding(made.referrerId, AANMELDER, { aanmeldingsvoorwaarden: ['complex', 'meervoudig'] }),
    );
    expect(res.status).toBe(201);
    ({ dossierCode: code, agendaItemId: firstItemId } = (await res.json()) as {
      dossierCode: string;
      agendaItemId: string;
    });
    life.code = code;
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  /** The dossier's phase as its page and the API show it. */
  async function phaseShown(
    when: string,
  ): Promise<{ page: string; api: { phase: string; phaseLabel: string } }> {
    const api = await life.as(when, COORDINATOR);
    const json = (await (await api.get(`/api/dossiers/${code}`)).json()) as {
      phase: string;
      phaseLabel: string;
    };
    const page = await pageUser(t, COORDINATOR);
    const text = textOf((await page.get(`/dossiers/${code}`)).html);
    return {
      page: /Fase (\S+)/.exec(text)?.[1] ?? text,
      api: { phase: json.phase, phaseLabel: json.phaseLabel },
    };
  }

  it('goes through exploratie, uitvoering and afronding to afgesloten, the afsluiting three months after the afronding', async () => {
    const first = await db.agendaItem.findUniqueOrThrow({
      where: { id: firstItemId },
      include: { session: true },
    });
    // Monday 5 January: the team regie of Tuesday 6 January closed its list on Thursday 1 January.
    expect([first.tableKey, brusselsDay(first.session.startsAt)]).toEqual(['team-regie', '2026-01-13']);
    await life.decide('2026-01-13T10:00:00+01:00', firstItemId, {
      kind: 'met_casusregie',
      casusregisseurId,
      startDate: '2026-01-19',
      consentVerified: true,
      consentVerifiedOn: '2026-01-13',
    });
    expect((await life.dossier()).phase).toBe('exploratie');
    expect(await phaseShown('2026-01-14T09:00:00+01:00')).toEqual({
      page: 'exploratie',
      api: { phase: 'exploratie', phaseLabel: 'exploratie' },
    });

    // In the exploratie the plan van aanpak comes to the team regie, an evaluatie not yet.
    const tooSoon = await life.agendeer('2026-02-23T10:00:00+01:00', 'evaluatie');
    expect(tooSoon.status).toBe(422);
    expect(await tooSoon.json()).toMatchObject({
      code: 'AGENDERING_NOT_ALLOWED',
      message:
        'Een agendapunt evaluatie op de team regie kan enkel voor een dossier in de fase "uitvoering"; ' +
        'dit dossier is in de fase "exploratie".',
    });
    const plan = await life.placed('2026-02-23T10:00:00+01:00', 'plan-van-aanpak');
    // Monday 23 February: the list of Tuesday 24 February closed on Thursday 19 February.
    expect(plan.session).toBe('2026-03-03');
    await life.decide('2026-03-03T10:00:00+01:00', plan.itemId, {
      kind: 'pva_besproken',
      terugkomdatum: '2026-04-07',
    });
    expect((await life.dossier()).phase).toBe('uitvoering');
    expect(await phaseShown('2026-03-04T09:00:00+01:00')).toEqual({
      page: 'uitvoering',
      api: { phase: 'uitvoering', phaseLabel: 'uitvoering' },
    });
    // Tuesday 10 March: the first netwerkoverleg took place, marked done by the casusregisseur.
    const netwerk = (await obligationRows()).find((o) => o.ruleKey === 'netwerkoverleg')!;
    expect([netwerk.life, netwerk.sequence, netwerk.dueAt.toISOString()]).toEqual([
      1,
      0,
      '2026-04-19T15:00:00.000Z',
    ]);
    const elke = await life.as('2026-03-10T15:00:00+01:00', CASUSREGISSEUR);
    const done = await elke.post(`/api/opvolging/${netwerk.id}/afgerond`, {
      note: 'Netwerkoverleg met het gezin en de diensten gehouden.',
    });
    expect(done.status).toBe(200);

    const afronding = await life.placed('2026-05-25T10:00:00+02:00', 'afronding');
    expect(afronding.session).toBe('2026-06-02');
    await life.decide('2026-06-02T10:00:00+02:00', afronding.itemId, { kind: 'afronding_goedgekeurd' });
    expect(await life.dossier()).toMatchObject({
      phase: 'afrondingsfase',
      afrondingDate: new Date('2026-06-02T00:00:00Z'),
    });
    expect(await phaseShown('2026-06-03T09:00:00+02:00')).toEqual({
      page: 'afronding',
      api: { phase: 'afrondingsfase', phaseLabel: 'afronding' },
    });
    // The dossier list filters on the region's phase keys; another key is refused, naming the field.
    const api = await life.as('2026-06-03T09:30:00+02:00', COORDINATOR);
    const listed = (await (await api.get('/api/dossiers?phase=afrondingsfase')).json()) as {
      dossiers: { code: string; phaseLabel: string }[];
    };
    expect(listed.dossiers).toEqual([expect.objectContaining({ code, phaseLabel: 'afronding' })]);
    const unknown = await api.get('/api/dossiers?phase=afgerond');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('"phase"');

    // Three months after Tuesday 2 June is Wednesday 2 September: the team regie of 1 September is too early.
    const early = await life.agendeer('2026-08-24T10:00:00+02:00', 'afsluiting');
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({
      code: 'TOO_EARLY_FOR_AFSLUITING',
      message: expect.stringContaining(
        'ten vroegste 3 maanden na de afronding (2 juni 2026) plaatsvindt: op of na 2 september 2026',
      ),
    });
    const afsluiting = await life.placed('2026-08-31T10:00:00+02:00', 'afsluiting');
    expect(afsluiting.session).toBe('2026-09-08');
    await life.decide('2026-09-08T10:00:00+02:00', afsluiting.itemId, { kind: 'afsluiting_bevestigd' });
    expect(await life.dossier()).toMatchObject({
      phase: 'afgesloten',
      afsluitingDate: new Date('2026-09-08T00:00:00Z'),
    });
    expect(await life.obligations()).toContainEqual([
      'afsluiting-na-afronding',
      'fulfilled',
      '2026-09-02T07:00:00.000Z',
    ]);
    // The verslag of that team regie gives the casusregisseur an action point for 1 March 2027.
    const { sessionId } = await db.agendaItem.findUniqueOrThrow({ where: { id: afsluiting.itemId } });
    const bram = await life.as('2026-09-08T11:00:00+02:00', COORDINATOR);
    const point = await bram.post(
      `/api/zittingen/${sessionId}/verslag/punten/${afsluiting.itemId}/actiepunten`,
      {
        what: 'Casusregisseur belt de school na over de opvolging.',
        dueDate: '2027-03-01',
        ownerPersonId: casusregisseurId,
      },
    );
    expect(point.status).toBe(201);
    actionPointId = ((await point.json()) as { obligationId: string }).obligationId;

    firstLife = await obligationRows();
    expect(summary(firstLife)).toEqual([
      '1 actiepunt:team-regie:…#0 open 2027-03-01T16:00:00.000Z',
      '1 afsluiting-na-afronding#0 fulfilled 2026-09-02T07:00:00.000Z',
      '1 netwerkoverleg#0 fulfilled 2026-04-19T15:00:00.000Z',
      // The next one counted from 10 March; the afronding ended it.
      '1 netwerkoverleg#1 cancelled 2026-06-10T15:00:00.000Z',
      expect.stringMatching(/^1 plan-van-aanpak-team-regie#0 fulfilled /),
    ]);
  });

  it('asks the reason next to the field and keeps nothing else; the API names the field', async () => {
    const bram = await pageUser(t, COORDINATOR);
    const form = await bram.get(`/dossiers/${code}/heropenen`);
    expect(form.status).toBe(200);
    expect(textOf(form.html)).toContain(`Dossier ${code} heropenen`);
    // Reading the form reads the dossier's code and phase: an allowed read, audited with ids only.
    const read = await db.auditEvent.findFirstOrThrow({
      where: { action: 'dossier.heropening.form', outcome: 'allowed', details: { equals: { code } } },
      orderBy: { id: 'desc' },
    });
    expect([read.route, read.details]).toEqual(['GET /dossiers/:code/heropenen', { code }]);
    const refused = await bram.post(`/dossiers/${code}/heropenen`, { reason: '  ' });
    expect(refused.status).toBe(400);
    expect(errorNextTo(refused.html, 'heropening-reason')).toBe(
      'Reden: beschrijf kort de nieuwe incidenten.',
    );
    const api = await life.as('2027-01-25T09:00:00+01:00', COORDINATOR);
    const bad = await api.post(`/api/dossiers/${code}/heropening`, {});
    expect([bad.status, ((await bad.json()) as { field: string }).field]).toEqual([400, 'reason']);
    expect((await life.dossier()).phase).toBe('afgesloten');
  });

  it('refuses anyone but a coordinator', async () => {
    const elke = await life.as('2027-01-25T09:00:00+01:00', CASUSREGISSEUR);
    const res = await elke.post(`/api/dossiers/${code}/heropening`, { reason: 'Nieuwe incidenten.' });
    expect(res.status).toBe(403);
  });

  it('reopens it once for fifteen posts of its form: back to the aanmelding, the earlier life kept, audited and on its page', async () => {
    const bram = await life.as('2027-01-25T09:00:00+01:00', COORDINATOR);
    const page = await pageUser(t, COORDINATOR);
    const action = `/dossiers/${code}/heropenen`;
    const submissionKey = formKey((await page.get(action)).html, action);
    // A double click, a hammered button: one heropening, every answer the same redirect.
    const answers = await postConcurrently(
      page,
      action,
      { reason: 'Nieuwe politietussenkomst op zaterdag 23 januari 2027.', submissionKey },
      15,
    );
    expect(new Set(answers.map((a) => `${a.status} ${a.location}`))).toEqual(
      new Set([`303 /dossiers/${code}?melding=heropend`]),
    );
    expect(await db.dossierReopening.count({ where: { dossier: { code } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'dossier.heropening', outcome: 'allowed' } })).toBe(
      1,
    );
    expect(await life.dossier()).toMatchObject({
      phase: 'aangemeld',
      casusregisseurId: null,
      casusregieStartDate: null,
      afrondingDate: null,
      afsluitingDate: null,
      consentVerifiedAt: null,
    });
    const reopening = await db.dossierReopening.findFirstOrThrow({ where: { dossier: { code } } });
    expect(reopening).toMatchObject({
      fromPhase: 'afgesloten',
      toPhase: 'aangemeld',
      reopenedAt: new Date('2027-01-25T08:00:00Z'),
      priorState: expect.objectContaining({ phase: 'afgesloten', afsluitingDate: '2026-09-08' }),
    });
    const kinds = await db.decision.findMany({ where: { dossier: { code } }, orderBy: { decidedAt: 'asc' } });
    expect(kinds.map((d) => d.kind)).toEqual([
      'met_casusregie',
      'pva_besproken',
      'afronding_goedgekeurd',
      'afsluiting_bevestigd',
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'dossier.heropening', outcome: 'allowed' },
      select: { details: true },
    });
    expect(audit.details).toEqual({
      code,
      from: 'afgesloten',
      to: 'aangemeld',
      reopeningId: reopening.id,
      cancelledObligations: 1,
    });
    expect(JSON.stringify(audit.details)).not.toContain('politietussenkomst');

    // The first life's follow-up: what was still open (the action point) is cancelled at the
    // heropening, with its reason and an audit event; what was done stays done, as it was.
    const after = await obligationRows();
    expect(after.find((o) => o.id === actionPointId)).toMatchObject({
      life: 1,
      status: 'cancelled',
      cancelledAt: new Date('2027-01-25T08:00:00Z'),
      cancelReason:
        'Vervallen door de heropening van het dossier: het nieuwe traject plant zijn eigen opvolging.',
    });
    expect(after.filter((o) => o.id !== actionPointId)).toEqual(
      firstLife.filter((o) => o.id !== actionPointId),
    );
    expect(
      await db.auditEvent.findMany({
        where: { action: 'obligation.cancel', dossierId: reopening.dossierId },
        select: { entityId: true, outcome: true, details: true },
      }),
    ).toEqual([
      {
        entityId: actionPointId,
        outcome: 'allowed',
        details: { code, why: 'heropening', reopeningId: reopening.id },
      },
    ]);
    // Its reminders not sent yet are gone with it.
    expect(
      await db.obligationReminder.count({ where: { obligationId: actionPointId, enqueuedAt: null } }),
    ).toBe(0);

    const shown = textOf((await page.get(`/dossiers/${code}`)).html);
    expect(shown).toContain('Beslissing: afsluiting bevestigd');
    expect(shown).toContain('Dossier heropend (heropening na nieuwe incidenten)');
    expect(shown).toContain('reden: Nieuwe politietussenkomst op zaterdag 23 januari 2027.');
    // Reopened once: it is no longer afgesloten.
    const again = await bram.post(`/api/dossiers/${code}/heropening`, { reason: 'Nog eens.' });
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([
      409,
      'REOPENING_NOT_ALLOWED',
    ]);
  });

  it('takes the reopened dossier up again at the team regie, with a new casusregie and its obligations', async () => {
    const aanmelding = await life.placed('2027-01-25T09:30:00+01:00', 'aanmelding');
    // The list of Tuesday 2 February closes on Thursday 28 January at 12:00.
    expect(aanmelding.session).toBe('2027-02-02');
    await life.decide('2027-02-02T10:00:00+01:00', aanmelding.itemId, {
      kind: 'met_casusregie',
      casusregisseurId,
      startDate: '2027-02-08',
      consentVerified: true,
      consentVerifiedOn: '2027-02-02',
    });
    expect(await life.dossier()).toMatchObject({
      phase: 'exploratie',
      casusregieStartDate: new Date('2027-02-08T00:00:00Z'),
    });
    expect(await phaseShown('2027-02-03T09:00:00+01:00')).toEqual({
      page: 'exploratie',
      api: { phase: 'exploratie', phaseLabel: 'exploratie' },
    });
    const open = (await life.obligations()).filter(([, status]) => status === 'open');
    // The first life's plan van aanpak (discussed in its exploratie) fulfilled that rule's first
    // obligation; the second life has its own (the obligations' life number after a heropening).
    expect(open.map(([rule]) => rule).sort()).toEqual(['netwerkoverleg', 'plan-van-aanpak-team-regie']);
    // Three months after the new start, Saturday 8 May 2027 at 17:00 (summer time).
    expect(open).toContainEqual(['netwerkoverleg', 'open', '2027-05-08T15:00:00.000Z']);

    // The second life: the same rules planned again from the second start, although the first
    // life fulfilled netwerkoverleg #0 (issue #14), owned by the casusregisseur.
    const rows = await obligationRows();
    const second = rows.filter((o) => o.life === 2);
    expect(
      second.map((o) => [o.ruleKey, o.sequence, o.status, o.dueAt.toISOString(), o.ownerRole, o.ownerId]),
    ).toEqual([
      ['netwerkoverleg', 0, 'open', '2027-05-08T15:00:00.000Z', 'casusregisseur', casusregisseurId],
      // Start + 8 weeks = Monday 5 April 2027: the team regie of Tuesday 6 April, its list closing
      // on Thursday 1 April at 12:00 (summer time).
      [
        'plan-van-aanpak-team-regie',
        0,
        'open',
        '2027-04-01T10:00:00.000Z',
        'casusregisseur',
        casusregisseurId,
      ],
    ]);
    expect(second[1]?.sessionKey).toBe('team-regie:2027-04-06');
    // The first life as the heropening left it.
    expect(rows.filter((o) => o.life === 1).map((o) => [o.id, o.status, o.fulfilledAt])).toEqual(
      firstLife.map((o) => [o.id, o.id === actionPointId ? 'cancelled' : o.status, o.fulfilledAt]),
    );
  });

  it('gives each obligation of the second life its page, where the casusregisseur fulfils it', async () => {
    const second = (await obligationRows()).filter((o) => o.life === 2);
    const netwerk = second.find((o) => o.ruleKey === 'netwerkoverleg')!;
    clock.set('2027-03-02T14:00:00+01:00');
    const elke = await pageUser(t, CASUSREGISSEUR);

    // Mijn opvolging: both, marked as the second traject.
    const mine = await elke.get('/opvolging');
    expect(mine.status).toBe(200);
    for (const o of second) expect(mine.html).toContain(`href="/opvolging/${o.id}"`);
    expect(textOf(mine.html)).toContain('tweede traject na heropening');

    for (const o of second) {
      const page = await elke.get(`/opvolging/${o.id}`);
      expect(page.status).toBe(200);
      expect(textOf(page.html)).toContain('Traject tweede traject na heropening');
      expect(page.html).toContain(`action="/opvolging/${o.id}/afgerond"`);
    }
    const page = await elke.get(`/opvolging/${netwerk.id}`);
    expect(textOf(page.html)).toContain('Netwerkoverleg met het gezin en de betrokken diensten');
    const action = `/opvolging/${netwerk.id}/afgerond`;
    const done = await elke.post(action, {
      note: 'Tweede netwerkoverleg gehouden.',
      submissionKey: formKey(page.html, action),
      terug: 'opvolging',
    });
    expect([done.status, done.location]).toEqual([303, '/opvolging?melding=afgerond']);

    const rows = await obligationRows();
    expect(summary(rows.filter((o) => o.life === 2 && o.ruleKey === 'netwerkoverleg'))).toEqual([
      '2 netwerkoverleg#0 fulfilled 2027-05-08T15:00:00.000Z',
      // The next one three months after 2 March 2027, at 17:00 (summer time).
      '2 netwerkoverleg#1 open 2027-06-02T15:00:00.000Z',
    ]);
    // The first life's netwerkoverleg stays as it was done then.
    expect(
      rows.find((o) => o.id === firstLife.find((f) => f.ruleKey === 'netwerkoverleg')!.id),
    ).toMatchObject({
      status: 'fulfilled',
      fulfilledAt: new Date('2026-03-10T14:00:00Z'),
    });

    // The dossier's follow-up over the API and on its timeline says which life each one is of.
    const api = await life.as('2027-03-02T14:05:00+01:00', CASUSREGISSEUR);
    const listed = (await (await api.get(`/api/opvolging/dossiers/${code}`)).json()) as {
      obligations: { id: string; life: number; lifeLabel: string | null }[];
    };
    expect(listed.obligations.find((o) => o.id === netwerk.id)).toMatchObject({
      life: 2,
      lifeLabel: 'tweede traject na heropening',
    });
    expect(listed.obligations.find((o) => o.id === actionPointId)).toMatchObject({
      life: 1,
      lifeLabel: null,
    });
    const dossierPage = textOf((await elke.get(`/dossiers/${code}`)).html);
    expect(dossierPage).toContain(
      'Netwerkoverleg met het gezin en de betrokken diensten (tweede traject na heropening)',
    );
  });
});
