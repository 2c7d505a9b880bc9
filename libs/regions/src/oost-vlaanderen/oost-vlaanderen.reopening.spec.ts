import { applyDecision, DossierState, reopenDossier } from '@overlegtafels/domain';
import { CO3_ANTWERPEN } from '../co3-antwerpen/co3-antwerpen.region';
import { VLAAMS_BRABANT } from '../vlaams-brabant/vlaams-brabant.region';
import { WEST_VLAANDEREN } from '../west-vlaanderen/west-vlaanderen.region';
import { OOST_VLAANDEREN } from './oost-vlaanderen.region';

const life = OOST_VLAANDEREN.dossierLife;

/** A dossier of the team regie closed on Friday 4 December 2026, after an afronding in June. */
const closed: DossierState = {
  phase: 'afgesloten',
  casusregisseurId: 'casusregisseur-1',
  casusregieStartDate: '2026-01-12',
  afrondingDate: '2026-06-05',
  afsluitingDate: '2026-12-04',
  noConsentReturns: 0,
};

describe('Oost-Vlaanderen reopens a closed dossier after new incidents', () => {
  it('takes it back to the aanmelding, with a fresh state for the new life', () => {
    expect(reopenDossier(life, closed, { reason: 'Nieuwe politietussenkomst op 20 januari 2027.' })).toEqual({
      ok: true,
      next: { phase: 'aangemeld', noConsentReturns: 0 },
    });
  });

  it('lets the team regie take the reopened dossier up again as an aanmelding', () => {
    const reopened = reopenDossier(life, closed, { reason: 'Nieuwe incidenten.' });
    if (!reopened.ok) throw new Error(reopened.message);
    const again = applyDecision(
      reopened.next,
      {
        kind: 'met_casusregie',
        casusregisseurId: 'casusregisseur-2',
        startDate: '2027-02-01',
        consent: {
          verifiedById: 'coordinator-1',
          verifiedOn: '2027-01-27',
          adultFamilyMemberConsented: true,
        },
      },
      { decisionDate: '2027-01-27', tableKey: 'team-regie', itemType: 'aanmelding', life },
    );
    expect(again.ok && again.next).toMatchObject({
      phase: 'exploratie',
      casusregisseurId: 'casusregisseur-2',
      casusregieStartDate: '2027-02-01',
    });
  });

  it('asks for the reason, naming the field', () => {
    expect(reopenDossier(life, closed, { reason: '   ' })).toEqual({
      ok: false,
      code: 'FIELD_REQUIRED',
      message: 'Reden: beschrijf kort de nieuwe incidenten.',
      field: 'reason',
    });
    expect(reopenDossier(life, closed, { reason: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      code: 'FIELD_INVALID',
      field: 'reason',
    });
  });

  it('reopens only a closed dossier', () => {
    const running: DossierState = { ...closed, phase: 'afrondingsfase', afsluitingDate: undefined };
    expect(reopenDossier(life, running, { reason: 'Nieuwe incidenten.' })).toEqual({
      ok: false,
      code: 'REOPENING_NOT_ALLOWED',
      message: 'Alleen een dossier dat afgesloten is, kan heropend worden; dit dossier is in de fase "afronding".',
    });
  });

  it.each([CO3_ANTWERPEN, VLAAMS_BRABANT, WEST_VLAANDEREN].map((r) => [r.key, r] as const))(
    '%s keeps a closed dossier closed, and says so in Dutch',
    (_key, region) => {
      expect(reopenDossier(region.dossierLife, closed, { reason: 'Nieuwe incidenten.' })).toEqual({
        ok: false,
        code: 'REOPENING_NOT_IN_REGION',
        message:
          'In deze regio wordt een afgesloten dossier niet heropend; meld het gezin bij nieuwe incidenten opnieuw aan.',
      });
    },
  );
});

describe('the afsluiting waits as long as the region says', () => {
  /** Afgerond at the team regie of Tuesday 2 June 2026 (its phase of kind afgerond in each region). */
  const afgerond = (region: typeof OOST_VLAANDEREN): DossierState => ({
    phase: region.dossierLife.phases.find((p) => p.kind === 'afgerond')!.key,
    casusregisseurId: 'casusregisseur-1',
    casusregieStartDate: '2026-01-12',
    afrondingDate: '2026-06-02',
    noConsentReturns: 0,
  });
  const afsluiting = (region: typeof OOST_VLAANDEREN, table: string, decisionDate: string) =>
    applyDecision(
      afgerond(region),
      { kind: 'afsluiting_bevestigd' },
      { decisionDate, tableKey: table, itemType: 'afsluiting', life: region.dossierLife },
    );

  // Oost-Vlaanderen: three months, when its afsluiting rule falls due; CO3: the six of its guide.
  it.each([
    [OOST_VLAANDEREN, 'team-regie', 3, '2026-08-25', '2026-09-08'],
    [CO3_ANTWERPEN, 'ronde-tafel', 6, '2026-11-26', '2026-12-03'],
  ] as const)('%#: waits its months after the afronding', (region, table, months, early, onTime) => {
    expect(region.dossierLife.afsluitingWaitMonths ?? 6).toBe(months);
    expect(afsluiting(region, table, early)).toEqual({
      ok: false,
      code: 'TOO_EARLY_FOR_AFSLUITING',
      message: expect.stringMatching(
        new RegExp(`^Een dossier wordt pas afgesloten ${months} maanden na de afronding `),
      ),
    });
    const closed = afsluiting(region, table, onTime);
    expect(closed.ok && closed.next).toMatchObject({ phase: 'afgesloten', afsluitingDate: onTime });
  });
});
