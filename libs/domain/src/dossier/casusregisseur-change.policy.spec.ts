import { casusregisseurPeriods, changeCasusregisseur } from './casusregisseur-change.policy';
import { ICO_DATE, REGISSEUR, stateIn, CO3_LIFE } from './dossier-fixtures.test-util';

const OPVOLGER = 'casusregisseur-0002';
const context = { life: CO3_LIFE, today: '2026-06-01', currentSince: ICO_DATE };
const handover = {
  toPersonId: OPVOLGER,
  effectiveDate: '2026-06-01',
  reason: 'tijdelijk-naar-definitief' as const,
};

describe('handing over the casusregie', () => {
  it('gives the dossier to the new casusregisseur and says who had it', () => {
    const state = stateIn('casusregie');
    expect(changeCasusregisseur(state, handover, context)).toEqual({
      ok: true,
      next: { ...state, casusregisseurId: OPVOLGER },
      fromPersonId: REGISSEUR,
    });
    // After the afronding the six-month check and the afsluiting still fall to the casusregisseur.
    expect(
      changeCasusregisseur(stateIn('afgerond'), { ...handover, reason: 'vertrek' }, context),
    ).toMatchObject({ ok: true, next: { phase: 'afgerond', casusregisseurId: OPVOLGER } });
    // The first and the last day it can be dated.
    expect(changeCasusregisseur(state, { ...handover, effectiveDate: ICO_DATE }, context)).toMatchObject({
      ok: true,
    });
    expect(
      changeCasusregisseur(state, { ...handover, reason: 'andere', note: 'Verhuis van het gezin' }, context),
    ).toMatchObject({ ok: true });
  });

  it.each([
    [
      'a closed dossier',
      stateIn('afgesloten'),
      handover,
      'ILLEGAL_TRANSITION -: Een afgesloten dossier wordt niet meer gewijzigd.',
    ],
    [
      'a dossier without casusregie',
      stateIn('zonder_casusregisseur'),
      handover,
      'ILLEGAL_TRANSITION -: Dit dossier heeft geen casusregisseur die kan wisselen: er is (nog) geen casusregie.',
    ],
    [
      'the same person',
      stateIn('casusregie'),
      { ...handover, toPersonId: REGISSEUR },
      'FIELD_INVALID casusregisseurId: Deze persoon is al de casusregisseur van het dossier; kies iemand anders.',
    ],
    [
      'a day in the future',
      stateIn('casusregie'),
      { ...handover, effectiveDate: '2026-06-02' },
      'FIELD_INVALID effectiveDate: De datum van de overdracht kan niet in de toekomst liggen: registreer de overdracht op de dag zelf.',
    ],
    [
      'a day before the current one began',
      stateIn('casusregie'),
      { ...handover, effectiveDate: '2026-03-05' },
      'FIELD_INVALID effectiveDate: De overdracht (5 maart 2026) kan niet vóór 6 maart 2026 liggen, de dag waarop de huidige casusregisseur begon.',
    ],
    [
      'a date that does not exist',
      stateIn('casusregie'),
      { ...handover, effectiveDate: '2026-02-30' },
      'FIELD_INVALID effectiveDate: De datum van de overdracht is geen geldige datum (jjjj-mm-dd): "2026-02-30".',
    ],
    [
      'another reason without a note',
      stateIn('casusregie'),
      { ...handover, reason: 'andere' as const, note: '  ' },
      'FIELD_REQUIRED note: Licht de reden van de overdracht kort toe.',
    ],
  ])('refuses %s with the code, the field and a Dutch reason', (_, state, input, expected) => {
    const outcome = changeCasusregisseur(state, input, context);
    expect(outcome.ok ? 'accepted' : `${outcome.code} ${outcome.field ?? '-'}: ${outcome.message}`).toBe(
      expected,
    );
  });

  it('has no lower bound when it is unknown since when the current one directs the dossier', () => {
    expect(
      changeCasusregisseur(
        stateIn('casusregie'),
        { ...handover, effectiveDate: '2025-01-01' },
        { life: CO3_LIFE, today: '2026-06-01' },
      ),
    ).toMatchObject({ ok: true });
  });
});

describe('the history of the casusregie', () => {
  it('is the first casusregisseur from the start, then one period per change', () => {
    expect(
      casusregisseurPeriods({ casusregisseurId: 'c', casusregieStart: '2026-03-09' }, [
        {
          fromPersonId: 'a',
          toPersonId: 'b',
          effectiveDate: '2026-04-01',
          reason: 'tijdelijk-naar-definitief',
        },
        { fromPersonId: 'b', toPersonId: 'c', effectiveDate: '2026-09-15', reason: 'vertrek' },
      ]),
    ).toEqual([
      { personId: 'a', from: '2026-03-09', until: '2026-04-01' },
      { personId: 'b', from: '2026-04-01', until: '2026-09-15', reason: 'tijdelijk-naar-definitief' },
      { personId: 'c', from: '2026-09-15', reason: 'vertrek' },
    ]);
  });

  it('is the one casusregisseur without changes, and nobody without casusregie', () => {
    expect(casusregisseurPeriods({ casusregisseurId: 'a', casusregieStart: '2026-03-09' }, [])).toEqual([
      { personId: 'a', from: '2026-03-09' },
    ]);
    expect(casusregisseurPeriods({ casusregisseurId: 'a' }, [])).toEqual([{ personId: 'a' }]);
    expect(casusregisseurPeriods({ casusregisseurId: null }, [])).toEqual([]);
  });
});
