import { recordConsent } from './casusregie-checks.policy';
import {
  deepFreeze,
  REGISSEUR,
  START_DATE,
  stateIn,
  applyCo3Decision,
  canAgenderenCo3, CO3_LIFE } from './dossier-fixtures.test-util';
import { DossierState } from './dossier.model';
import { recordNoConsent } from './no-consent.policy';

/**
 * The ICO of Friday 6 March 2026 appointed the casusregisseur from Monday 9 March on, without
 * consent. Today is Friday 20 March; the region allows two returns after "geen instemming".
 */
const awaiting: DossierState = deepFreeze({
  phase: 'casusregie',
  casusregisseurId: REGISSEUR,
  casusregiePlannedStartDate: START_DATE,
  noConsentReturns: 0,
});
const CONTEXT = { life: CO3_LIFE, today: '2026-03-20', returnLimit: 2 };
const INPUT = { establishedOn: '2026-03-19', note: 'Beide ouders weigeren.', recordedById: REGISSEUR };

describe('no consent after the ICO', () => {
  it('ends the appointment: "geen instemming", no casusregisseur, no planned start, two returns left', () => {
    expect(recordNoConsent(awaiting, INPUT, CONTEXT)).toEqual({
      ok: true,
      next: { phase: 'geen_instemming', noConsentReturns: 0 },
      effects: [{ type: 'geen-instemming', date: '2026-03-19', returnsUsed: 0, returnsLeft: 2 }],
    });
  });

  it('counts the returns the aanmelder already used', () => {
    const outcome = recordNoConsent({ ...awaiting, noConsentReturns: 2 }, INPUT, CONTEXT);
    expect(outcome.ok && outcome.effects).toEqual([
      { type: 'geen-instemming', date: '2026-03-19', returnsUsed: 2, returnsLeft: 0 },
    ]);
  });

  it('is refused once the consent is there and casusregie runs', () => {
    const consented = recordConsent(
      awaiting,
      { givenBy: 'moeder', verifiedOn: '2026-03-11', adultFamilyMember: true, verifiedById: REGISSEUR },
      { life: CO3_LIFE, today: '2026-03-11' },
    );
    if (!consented.ok) throw new Error('consent refused');
    expect(recordNoConsent(consented.next, INPUT, CONTEXT)).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message:
        'De instemming is al geregistreerd en de casusregie loopt; "geen instemming" kan dan niet meer.',
    });
  });

  it('is refused outside casusregie, naming the phase', () => {
    expect(recordNoConsent(stateIn('afgerond'), INPUT, CONTEXT)).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message:
        '"Geen instemming" wordt geregistreerd zolang de casusregie op de instemming wacht; dit dossier is in de fase "afgerond".',
    });
  });

  it('names the field of a missing, malformed or future date and of a missing note', () => {
    expect(recordNoConsent(awaiting, { ...INPUT, establishedOn: '' }, CONTEXT)).toMatchObject({
      ok: false,
      field: 'establishedOn',
      code: 'FIELD_REQUIRED',
    });
    expect(recordNoConsent(awaiting, { ...INPUT, establishedOn: '19/03/2026' }, CONTEXT)).toMatchObject({
      ok: false,
      field: 'establishedOn',
      code: 'FIELD_INVALID',
    });
    expect(recordNoConsent(awaiting, { ...INPUT, establishedOn: '2026-03-21' }, CONTEXT)).toMatchObject({
      ok: false,
      field: 'establishedOn',
      message: 'De datum kan niet in de toekomst liggen.',
    });
    expect(recordNoConsent(awaiting, { ...INPUT, note: '  ' }, CONTEXT)).toMatchObject({
      ok: false,
      field: 'note',
      code: 'FIELD_REQUIRED',
    });
  });

  it('lets the aanmelder bring the dossier back to the ICO, where the return counts', () => {
    const outcome = recordNoConsent(awaiting, INPUT, CONTEXT);
    if (!outcome.ok) throw new Error('refused');
    expect(canAgenderenCo3(outcome.next, 'ico', 'herbespreking', { noConsentReturnLimit: 2 }).ok).toBe(true);
    const back = applyCo3Decision(
      outcome.next,
      { kind: 'herbespreking', missingInformation: 'Nieuwe feiten.' },
      { decisionDate: '2026-04-03', tableKey: 'ico', itemType: 'herbespreking', noConsentReturnLimit: 2 },
    );
    expect(back.ok && back.next).toMatchObject({ phase: 'herbespreking', noConsentReturns: 1 });
  });
});
