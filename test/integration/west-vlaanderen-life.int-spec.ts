import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { brusselsDay, DossierAtTable, fictitiousAanmelding } from '../support/region-life';
import { regionWithPeople } from '../support/region-people';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * An installation of West-Vlaanderen (REGION=west-vlaanderen): a fictitious dossier goes through
 * its one overlegtafel (every other Monday from 12 January 2026, the list closing on the Tuesday
 * of the week before at 12:00) with literal dates, through the real API: the aanmelding, the
 * dossiervorming that asks for more information (back for the weging en kwalificatie), casusregie,
 * the afronding, six months of follow-up at a distance, the afsluiting and the evaluation after it,
 * with the obligations the region's rules plan at each step.
 */

const clock = new ControlledClock('2026-01-12T09:00:00+01:00'); // Monday
const AANMELDER = 'jonas.wouters@example.be';
const COORDINATOR = 'ines.declercq@example.be';
const CASUSREGISSEUR = 'tom.vandamme@example.be';
/**
 * At least three months after the start (16 May 2026): the overlegtafel of Monday 18 May, due at
 * its deadline, Tuesday 12 May at 12:00 (summer time).
 */
const VOORTGANG_DUE = '2026-05-12T10:00:00.000Z';
/** The first overlegtafel after the afsluiting of 28 December: Monday 11 January 2027 at 13:30. */
const EVALUATIE_DUE = '2027-01-11T12:30:00.000Z';

describe('West-Vlaanderen: a dossier through the overlegtafel, with its follow-up', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let life: DossierAtTable;
  let casusregisseurId: string;
  let firstItemId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { REGION: 'west-vlaanderen' } });
    db = createPrismaClient(t.db.url, 2);
    life = new DossierAtTable(t, db, clock, COORDINATOR, 'overlegtafel');
    const made = await regionWithPeople(db, {
      region: {
        key: 'west-vlaanderen',
        name: 'Ketenaanpak IFG West-Vlaanderen',
        mailFromAddress: 'overleg@kiwv.example.be',
      },
      table: 'overlegtafel',
      aanmelder: {
        email: AANMELDER,
        displayName: 'Jonas Wouters',
        organisation: { kind: 'kind-en-gezin', name: 'Kind en Gezin Voorbeeld (test)' },
      },
      coordinator: { email: COORDINATOR, displayName: 'Ines Declercq' },
      casusregisseur: { email: CASUSREGISSEUR, displayName: 'Tom Vandamme' },
    });
    casusregisseurId = made.casusregisseurId;
    const res = await (
      await loginAs(t, AANMELDER)
    ).post(
      '/api/aanmeldingen',
      fictitiousAanmelding(made.referrerId, AANMELDER, { 'pleger-geinformeerd': 'nee-veiligheid' }),
    );
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { dossierCode: string; agendaItemId: string };
    life.code = filed.dossierCode;
    firstItemId = filed.agendaItemId;
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('places the aanmelding on the overlegtafel of 26 January: the list of 12 January closed on 6 January', async () => {
    expect(await life.sessionOf(firstItemId)).toBe('2026-01-26');
    expect((await life.dossier()).phase).toBe('aangemeld');
  });

  it('dossiervorming: information is missing, so the dossier comes back for the weging en kwalificatie', async () => {
    await life.decide('2026-01-26T14:00:00+01:00', firstItemId, {
      kind: 'herbespreking',
      missingInformation: 'De gegevens van de school ontbreken.',
    });
    expect((await life.dossier()).phase).toBe('herbespreking');
    const back = await db.agendaItem.findFirstOrThrow({
      where: { dossier: { code: life.code }, itemType: 'weging-en-kwalificatie' },
      include: { session: true },
    });
    expect([back.tableKey, brusselsDay(back.session.startsAt), back.status]).toEqual([
      'overlegtafel',
      '2026-02-09',
      'placed',
    ]);
  });

  it('weging en kwalificatie: casusregie, with the plan for the clients and the first voortgang planned', async () => {
    const back = await db.agendaItem.findFirstOrThrow({
      where: { dossier: { code: life.code }, itemType: 'weging-en-kwalificatie' },
    });
    await life.decide('2026-02-09T14:00:00+01:00', back.id, {
      kind: 'met_casusregie',
      casusregisseurId,
      startDate: '2026-02-16',
      consentVerified: true,
      consentVerifiedOn: '2026-02-09',
    });
    expect(await life.dossier()).toMatchObject({
      phase: 'casusregie',
      casusregisseurId,
      casusregieStartDate: new Date('2026-02-16T00:00:00Z'),
    });
    expect(await life.obligations()).toEqual([
      // Two weeks after the start, Monday 2 March 2026 at 17:00.
      ['plan-van-aanpak-aan-clienten', 'open', '2026-03-02T16:00:00.000Z'],
      ['voortgang-op-de-overlegtafel', 'open', VOORTGANG_DUE],
    ]);
  });

  it('afronding on 15 June, then six months of follow-up at a distance', async () => {
    const afronding = await life.placed('2026-06-01T10:00:00+02:00', 'afronding');
    // The list of 1 June closed on Tuesday 26 May: the next overlegtafel is 15 June.
    expect(afronding.session).toBe('2026-06-15');
    await life.decide('2026-06-15T14:00:00+02:00', afronding.itemId, { kind: 'afronding_goedgekeurd' });
    expect(await life.dossier()).toMatchObject({
      phase: 'afgerond',
      afrondingDate: new Date('2026-06-15T00:00:00Z'),
    });
    expect(await life.obligations()).toContainEqual(
      // Six months after the afronding, Tuesday 15 December 2026 at 09:00.
      ['opvolging-op-afstand', 'open', '2026-12-15T08:00:00.000Z'],
    );
  });

  it('the afsluiting waits the six months: refused on 14 December, placed on 28 December', async () => {
    const early = await life.agendeer('2026-12-01T10:00:00+01:00', 'afsluiting');
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({
      code: 'TOO_EARLY_FOR_AFSLUITING',
      message: expect.stringContaining('ten vroegste 6 maanden na de afronding (15 juni 2026)'),
    });
    const afsluiting = await life.placed('2026-12-15T10:00:00+01:00', 'afsluiting');
    expect(afsluiting.session).toBe('2026-12-28');
    await life.decide('2026-12-28T14:00:00+01:00', afsluiting.itemId, { kind: 'afsluiting_bevestigd' });
    expect(await life.dossier()).toMatchObject({
      phase: 'afgesloten',
      afsluitingDate: new Date('2026-12-28T00:00:00Z'),
    });
    const afterwards = await life.obligations();
    expect(afterwards).toContainEqual(['evaluatie-op-de-overlegtafel', 'open', EVALUATIE_DUE]);
  });

  it('the evaluation after the afsluiting at the next overlegtafel fulfils the last obligation', async () => {
    const evaluatie = await life.placed('2027-01-04T10:00:00+01:00', 'evaluatie');
    expect(evaluatie.session).toBe('2027-01-11');
    await life.decide('2027-01-11T14:00:00+01:00', evaluatie.itemId, { kind: 'opvolging_genoteerd' });
    expect(await life.obligations()).toContainEqual([
      'evaluatie-op-de-overlegtafel',
      'fulfilled',
      EVALUATIE_DUE,
    ]);
    expect((await life.dossier()).phase).toBe('afgesloten');
  });
});
