import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, inputValue, pageUser, textOf } from '../support/page-client';
import { DossierAtTable } from '../support/region-life';
import { regionWithPeople } from '../support/region-people';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { AANMELDER, aanmelding, CASUSREGISSEUR, COORDINATOR } from '../support/vlaams-brabant';

/**
 * An installation of Veilig Huis Vlaams-Brabant (REGION=vlaams-brabant): the triage overleg of
 * Wednesday 25 November 2026 takes two fictitious dossiers up, one in spoor 2 and one in spoor 3,
 * through the real decision use case (the API and the zitting page's form); the traject is kept on
 * the dossier, audited, shown on its page, and the region's follow-up rules for that traject plan
 * their obligations; the spoor 3 dossier then goes on at the casusoverleg spoor 3 to its
 * afsluiting, with its placements and obligations at literal dates. The region's row is made at
 * start (REGION); its organisations and people are rows (regionWithPeople).
 */

const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday: the triage of Wednesday is open

const VLAAMS_BRABANT_PEOPLE = {
  region: {
    key: 'vlaams-brabant',
    name: 'Veilig Huis Vlaams-Brabant',
    mailFromAddress: 'triage@vh-vb.example.be',
  },
  table: 'triage-overleg',
  aanmelder: {
    email: AANMELDER,
    displayName: 'Noor Claes',
    organisation: { kind: 'politie', name: 'Politiezone Voorbeeld (test)' },
  },
  coordinator: { email: COORDINATOR, displayName: 'Wout Maes' },
  casusregisseur: { email: CASUSREGISSEUR, displayName: 'Lien Jacobs' },
};

describe('Vlaams-Brabant: the triage overleg chooses the traject, and its follow-up follows', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let casusregisseurId: string;
  const filed: Record<'spoor2' | 'spoor3' | 'formulier', { dossierCode: string; agendaItemId: string }> = {
    spoor2: { dossierCode: '', agendaItemId: '' },
    spoor3: { dossierCode: '', agendaItemId: '' },
    formulier: { dossierCode: '', agendaItemId: '' },
  };

  const metCasusregie = (traject?: string) => ({
    kind: 'met_casusregie',
    casusregisseurId,
    startDate: '2026-12-01',
    consentVerified: true,
    consentVerifiedOn: '2026-11-25',
    ...(traject !== undefined && { traject }),
  });

  const obligationsOf = async (dossierCode: string) =>
    (
      await db.followUpObligation.findMany({
        where: { dossier: { code: dossierCode } },
        select: { ruleKey: true, status: true, dueAt: true, ownerId: true },
        orderBy: [{ dueAt: 'asc' }, { ruleKey: 'asc' }],
      })
    ).map((o) => [o.ruleKey, o.status, o.dueAt.toISOString(), o.ownerId === casusregisseurId]);

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { REGION: 'vlaams-brabant' } });
    db = createPrismaClient(t.db.url, 2);
    const made = await regionWithPeople(db, VLAAMS_BRABANT_PEOPLE);
    casusregisseurId = made.casusregisseurId;
    // The coordinator also coordinates the casusoverleg spoor 3, where the spoor 3 dossiers go on.
    const wout = await db.person.findFirstOrThrow({ where: { email: COORDINATOR } });
    await db.roleAssignment.createMany({
      data: [
        { personId: wout.id, role: 'coordinator', tableKey: 'casusoverleg-spoor-3' },
        { personId: wout.id, role: 'member', tableKey: 'casusoverleg-spoor-3' },
      ],
    });
    const noor = await loginAs(t, AANMELDER);
    for (const key of Object.keys(filed) as (keyof typeof filed)[]) {
      const res = await noor.post('/api/aanmeldingen', aanmelding(made.referrerId, `Aanmelding ${key}.`));
      expect([key, res.status]).toEqual([key, 201]);
      filed[key] = (await res.json()) as { dossierCode: string; agendaItemId: string };
    }
    // The triage overleg of Wednesday 25 November has started.
    clock.set('2026-11-25T10:30:00+01:00');
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('refuses taking a dossier up without a traject, or with one the region does not know, naming the field', async () => {
    const wout = await loginAs(t, COORDINATOR);
    const missing = await wout.post(
      `/api/agenda-items/${filed.spoor2.agendaItemId}/decision`,
      metCasusregie(),
    );
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ code: 'FIELD_REQUIRED', field: 'traject' });
    const unknown = await wout.post(
      `/api/agenda-items/${filed.spoor2.agendaItemId}/decision`,
      metCasusregie('spoor-1'),
    );
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({
      code: 'FIELD_INVALID',
      field: 'traject',
      message: expect.stringContaining('"spoor-1" is geen traject'),
    });
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: filed.spoor2.dossierCode } });
    expect([dossier.phase, dossier.traject]).toEqual(['aangemeld', null]);
  });

  it('spoor 2: an evaluation after four months and the end after six, for the casusregisseur', async () => {
    const wout = await loginAs(t, COORDINATOR);
    const res = await wout.post(
      `/api/agenda-items/${filed.spoor2.agendaItemId}/decision`,
      metCasusregie('spoor-2'),
    );
    expect(res.status).toBe(201);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: filed.spoor2.dossierCode } });
    expect([dossier.phase, dossier.traject]).toEqual(['casusregie', 'spoor-2']);
    expect(await obligationsOf(filed.spoor2.dossierCode)).toEqual([
      // 1 December 2026 + 4 months = Thursday 1 April 2027, 09:00 in Brussels (summer time).
      ['spoor-2-evaluatie', 'open', '2027-04-01T07:00:00.000Z', true],
      // + 6 months = Tuesday 1 June 2027.
      ['spoor-2-einde', 'open', '2027-06-01T07:00:00.000Z', true],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'decision.record', dossierId: dossier.id },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ kind: 'met_casusregie', traject: 'spoor-2' });
    const api = await (await wout.get(`/api/dossiers/${filed.spoor2.dossierCode}`)).json();
    expect(api).toMatchObject({ phase: 'casusregie', traject: 'spoor-2' });
  });

  it('spoor 3: the plan van aanpak on the casusoverleg spoor 3 and the evaluation after a year', async () => {
    const wout = await loginAs(t, COORDINATOR);
    const res = await wout.post(
      `/api/agenda-items/${filed.spoor3.agendaItemId}/decision`,
      metCasusregie('spoor-3'),
    );
    expect(res.status).toBe(201);
    expect(await obligationsOf(filed.spoor3.dossierCode)).toEqual([
      // 1 December + 6 weeks = 12 January 2027; the four-weekly casusoverleg of Thursday 14 January,
      // whose deadline is a week before, Thursday 7 January at 12:00.
      ['spoor-3-plan-van-aanpak', 'open', '2027-01-07T11:00:00.000Z', true],
      // + 12 months = 1 December 2027; the casusoverleg of Thursday 16 December 2027, at its start 13:30.
      ['spoor-3-evaluatie-na-een-jaar', 'open', '2027-12-16T12:30:00.000Z', true],
    ]);
  });

  it('a withdrawn triage decision takes the traject back, and with it its obligations', async () => {
    const wout = await loginAs(t, COORDINATOR);
    const res = await wout.post(`/api/agenda-items/${filed.spoor3.agendaItemId}/decision/withdraw`, {
      reason: 'Per vergissing bij het verkeerde dossier geregistreerd.',
    });
    expect(res.status).toBe(200);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { code: filed.spoor3.dossierCode } });
    expect([dossier.phase, dossier.traject]).toEqual(['aangemeld', null]);
    expect((await obligationsOf(filed.spoor3.dossierCode)).map(([rule, status]) => [rule, status])).toEqual([
      ['spoor-3-plan-van-aanpak', 'cancelled'],
      ['spoor-3-evaluatie-na-een-jaar', 'cancelled'],
    ]);
  });

  it("the zitting page's decision form asks for the traject, keeps the input on an error, and the dossier page shows it", async () => {
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: filed.formulier.agendaItemId } });
    const id = (field: string) => `beslissing-${item.id}-${field}`;
    const wout = await pageUser(t, COORDINATOR);
    const page = await wout.get(`/agenda/${item.sessionId}`);
    expect(page.html).toContain(`<input type="radio" id="${id('traject')}" name="traject" value="spoor-2">`);
    expect(page.html).toContain(`id="${id('traject')}-spoor-3" name="traject" value="spoor-3"`);
    const form = {
      kind: 'met_casusregie',
      casusregisseurId,
      startDate: '2026-12-01',
      consentVerified: 'on',
      consentVerifiedOn: '2026-11-25',
    };
    const refused = await wout.post(`/agenda/${item.sessionId}/punten/${item.id}/beslissing`, form);
    expect(refused.status).toBe(422);
    expect(errorNextTo(refused.html, id('traject'))).toBe(
      'Traject: kies spoor 2 (casusondersteuning, 4 tot 6 maanden) of spoor 3 (intensieve casusregie, ongeveer een jaar).',
    );
    expect(inputValue(refused.html, id('startDate'))).toBe('2026-12-01');
    expect(inputValue(refused.html, id('consentVerifiedOn'))).toBe('2026-11-25');
    const taken = await wout.post(`/agenda/${item.sessionId}/punten/${item.id}/beslissing`, {
      ...form,
      traject: 'spoor-3',
    });
    expect(taken.status).toBe(303);
    const dossierPage = await wout.get(`/dossiers/${filed.formulier.dossierCode}`);
    expect(textOf(dossierPage.html)).toContain('Traject spoor 3 (intensieve casusregie, ongeveer een jaar)');
  });

  it('spoor 3 goes on at the casusoverleg: plan van aanpak, afronding at the evaluation after a year, afsluiting six months later', async () => {
    const life = new DossierAtTable(t, db, clock, COORDINATOR, 'casusoverleg-spoor-3');
    life.code = filed.formulier.dossierCode;
    const obligation = async (rule: string) =>
      (await life.obligations()).find(([key]) => key === rule)?.slice(1);
    // Monday 4 January 2027: the casusoverleg of Thursday 14 January closes its list on the 7th.
    const plan = await life.placed('2027-01-04T10:00:00+01:00', 'plan-van-aanpak');
    expect(plan.session).toBe('2027-01-14');
    await life.decide('2027-01-14T14:00:00+01:00', plan.itemId, {
      kind: 'pva_besproken',
      terugkomdatum: '2027-04-08',
    });
    expect(await obligation('spoor-3-plan-van-aanpak')).toEqual(['fulfilled', '2027-01-07T11:00:00.000Z']);

    // A year after the start of 1 December 2026: the casusoverleg of Thursday 16 December 2027.
    const evaluatie = await life.placed('2027-12-06T10:00:00+01:00', 'evaluatie');
    expect(evaluatie.session).toBe('2027-12-16');
    await life.decide('2027-12-16T14:00:00+01:00', evaluatie.itemId, { kind: 'afronding_goedgekeurd' });
    expect(await life.dossier()).toMatchObject({
      phase: 'afgerond',
      afrondingDate: new Date('2027-12-16T00:00:00Z'),
    });
    expect(await obligation('spoor-3-evaluatie-na-een-jaar')).toEqual([
      'fulfilled',
      '2027-12-16T12:30:00.000Z',
    ]);

    // Six months after the afronding is 16 June 2028: on 22 May the next casusoverleg open to
    // agendering is that of 1 June, too early; from its deadline of 25 May on, it is 29 June.
    const early = await life.agendeer('2028-05-22T10:00:00+02:00', 'afsluiting');
    expect([early.status, ((await early.json()) as { code: string }).code]).toEqual([
      422,
      'TOO_EARLY_FOR_AFSLUITING',
    ]);
    const afsluiting = await life.placed('2028-06-19T10:00:00+02:00', 'afsluiting');
    expect(afsluiting.session).toBe('2028-06-29');
    await life.decide('2028-06-29T14:00:00+02:00', afsluiting.itemId, { kind: 'afsluiting_bevestigd' });
    expect(await life.dossier()).toMatchObject({
      phase: 'afgesloten',
      afsluitingDate: new Date('2028-06-29T00:00:00Z'),
    });
    // The quality check six weeks after the afsluiting: Thursday 10 August 2028 at 09:00.
    expect(await obligation('kwaliteitscontrole')).toEqual(['open', '2028-08-10T07:00:00.000Z']);
  });
});
