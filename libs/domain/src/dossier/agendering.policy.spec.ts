import { AgenderingOutcome, canAgenderen } from './agendering.policy';
import { CO3_DECISION_RULES, DecisionRules } from './decision-rules';
import { stateIn } from './dossier-fixtures.test-util';
import { InvalidDossierContextError, UnknownDossierPhaseError } from './dossier.error';
import { DOSSIER_PHASES, DossierPhase, DossierState } from './dossier.model';

const TODAY = '2026-05-04';

/** Every (phase, table, item type) in which agenderen is allowed, as the guide reads. */
const ALLOWED: ReadonlyArray<readonly [DossierPhase, string, string]> = [
  ['aangemeld', 'ico', 'aanmelding'],
  ['herbespreking', 'ico', 'herbespreking'],
  ['geen_instemming', 'ico', 'herbespreking'],
  ['zonder_casusregisseur', 'ico', 'herbespreking'],
  ['casusregie', 'weegploeg', 'plan-van-aanpak'],
  ['casusregie', 'weegploeg', 'gewijzigd-plan-van-aanpak'],
  ['casusregie', 'weegploeg', 'afronding'],
  ['casusregie', 'ronde-tafel', 'vraag'],
  ['zonder_casusregisseur', 'ronde-tafel', 'vraag'],
  ['casusregie', 'ronde-tafel', 'opvolging'],
  ['afgerond', 'ronde-tafel', 'opvolging'],
  ['casusregie', 'ronde-tafel', 'tussentijdse-evaluatie'],
  ['afgerond', 'ronde-tafel', 'afsluiting'],
];

const ITEMS = Object.entries(CO3_DECISION_RULES).flatMap(([table, rule]) =>
  Object.keys(rule.itemTypes).map((item) => [table, item] as const),
);

const REFUSED = DOSSIER_PHASES.flatMap((phase) =>
  ITEMS.filter(([table, item]) => !ALLOWED.some(([p, t, i]) => p === phase && t === table && i === item)).map(
    ([table, item]) => [phase, table, item] as const,
  ),
);

function refusal(outcome: AgenderingOutcome) {
  if (outcome.ok) throw new Error('agenderen was allowed');
  return outcome;
}

describe('which agenderingen a dossier allows', () => {
  // An afsluiting waits 6 months after the afronding of 16 June 2026.
  const dayFor = (item: string) => (item === 'afsluiting' ? '2026-12-16' : TODAY);

  it.each(ALLOWED)('in phase %s, on %s, an agendapunt %s', (phase, table, item) => {
    expect(canAgenderen(stateIn(phase), table, item, dayFor(item))).toEqual({ ok: true });
  });

  it('the table covers 13 allowed and 59 refused combinations', () => {
    expect(ALLOWED).toHaveLength(13);
    expect(REFUSED).toHaveLength(59);
  });

  it.each(REFUSED)('refuses, in phase %s, on %s, an agendapunt %s', (phase, table, item) => {
    expect(refusal(canAgenderen(stateIn(phase), table, item, dayFor(item))).code).toBe(
      'AGENDERING_NOT_ALLOWED',
    );
  });

  it('a casusregisseur puts a plan van aanpak on the Weegploeg only during casusregie', () => {
    expect(
      refusal(canAgenderen(stateIn('zonder_casusregisseur'), 'weegploeg', 'plan-van-aanpak', TODAY)),
    ).toEqual({
      ok: false,
      code: 'AGENDERING_NOT_ALLOWED',
      message:
        'Een agendapunt plan van aanpak op de Weegploeg kan enkel voor een dossier in de fase "casusregie"; ' +
        'dit dossier is in de fase "ketenaanpak zonder casusregisseur".',
    });
  });

  it('a question on the Ronde Tafel before the first Weegploeg is fine during casusregie', () => {
    const twoWeeksIn: DossierState = { ...stateIn('casusregie'), casusregieStartDate: '2026-04-20' };
    expect(canAgenderen(twoWeeksIn, 'ronde-tafel', 'vraag', TODAY)).toEqual({ ok: true });
  });

  it('a first aanmelding is for a new dossier only', () => {
    expect(refusal(canAgenderen(stateIn('herbespreking'), 'ico', 'aanmelding', TODAY)).message).toBe(
      'Een agendapunt aanmelding op het ICO kan enkel voor een dossier in de fase "aangemeld"; ' +
        'dit dossier is in de fase "herbespreking".',
    );
  });

  it.each([
    ['afgesloten', 'Een dossier in de fase "afgesloten" kan niet meer geagendeerd worden.'],
    ['geen_ketenaanpak', 'Een dossier in de fase "geen ketenaanpak" kan niet meer geagendeerd worden.'],
  ] as const)('nothing more goes on any agenda for a dossier in phase %s', (phase, message) => {
    for (const [table, item] of ITEMS) {
      expect(refusal(canAgenderen(stateIn(phase), table, item, TODAY)).message).toBe(message);
    }
  });
});

describe('the afsluiting waits six months after the afronding', () => {
  it('refuses it one day before the six months are over', () => {
    expect(refusal(canAgenderen(stateIn('afgerond'), 'ronde-tafel', 'afsluiting', '2026-12-15'))).toEqual({
      ok: false,
      code: 'TOO_EARLY_FOR_AFSLUITING',
      message:
        'Een dossier wordt pas afgesloten 6 maanden na de afronding (16 juni 2026), dus ten vroegste op ' +
        '16 december 2026.',
    });
  });

  it('allows it on the day', () => {
    expect(canAgenderen(stateIn('afgerond'), 'ronde-tafel', 'afsluiting', '2026-12-16')).toEqual({
      ok: true,
    });
  });

  it('allows the check for new facts after three months, well before the afsluiting', () => {
    expect(canAgenderen(stateIn('afgerond'), 'ronde-tafel', 'opvolging', '2026-09-14')).toEqual({ ok: true });
  });

  it('counts to the end of a shorter month, and across a leap day', () => {
    const afgerondOn = (afrondingDate: string): DossierState => ({ ...stateIn('afgerond'), afrondingDate });
    expect(
      refusal(canAgenderen(afgerondOn('2027-08-31'), 'ronde-tafel', 'afsluiting', '2028-02-28')).code,
    ).toBe('TOO_EARLY_FOR_AFSLUITING');
    expect(canAgenderen(afgerondOn('2027-08-31'), 'ronde-tafel', 'afsluiting', '2028-02-29')).toEqual({
      ok: true,
    });
  });
});

describe('the returns after "geen instemming"', () => {
  const afterReturns = (noConsentReturns: number): DossierState => ({
    phase: 'geen_instemming',
    noConsentReturns,
  });

  it('lets the aanmelder come back while returns are left', () => {
    expect(canAgenderen(afterReturns(0), 'ico', 'herbespreking', TODAY)).toEqual({ ok: true });
    expect(canAgenderen(afterReturns(1), 'ico', 'herbespreking', TODAY)).toEqual({ ok: true });
  });

  it('refuses a third return with the default limit of two', () => {
    expect(refusal(canAgenderen(afterReturns(2), 'ico', 'herbespreking', TODAY))).toEqual({
      ok: false,
      code: 'RETURN_LIMIT_REACHED',
      message:
        'De aanmelder kwam na "geen instemming" al 2 keer terug naar het ICO; meer dan 2 keer kan niet.',
    });
  });

  it('follows the configured limit', () => {
    expect(canAgenderen(afterReturns(2), 'ico', 'herbespreking', TODAY, { noConsentReturnLimit: 3 })).toEqual(
      {
        ok: true,
      },
    );
    expect(
      refusal(canAgenderen(afterReturns(0), 'ico', 'herbespreking', TODAY, { noConsentReturnLimit: 0 })).code,
    ).toBe('RETURN_LIMIT_REACHED');
  });

  it('does not count returns of a dossier that is no longer in "geen instemming"', () => {
    const backInHerbespreking: DossierState = { phase: 'herbespreking', noConsentReturns: 2 };
    expect(canAgenderen(backInHerbespreking, 'ico', 'herbespreking', TODAY)).toEqual({ ok: true });
  });
});

describe('unknown tables and agendapunten', () => {
  it('names the table or item type that is unknown', () => {
    expect(canAgenderen(stateIn('casusregie'), 'triage-overleg', 'aanmelding', TODAY)).toEqual({
      ok: false,
      code: 'UNKNOWN_TABLE',
      field: 'tableKey',
      message: 'Onbekende overlegtafel "triage-overleg".',
    });
    expect(canAgenderen(stateIn('casusregie'), 'weegploeg', 'evaluatie', TODAY)).toEqual({
      ok: false,
      code: 'UNKNOWN_ITEM_TYPE',
      field: 'itemType',
      message: 'Onbekend soort agendapunt "evaluatie" op tafel "weegploeg".',
    });
    expect(refusal(canAgenderen(stateIn('casusregie'), 'weegploeg', 'constructor', TODAY)).code).toBe(
      'UNKNOWN_ITEM_TYPE',
    );
  });

  it('follows another region its own rules, with the six months derived from the afsluiting decision', () => {
    const spoor3: DecisionRules = {
      'casusoverleg-spoor-3': {
        label: 'het casusoverleg',
        itemTypes: {
          evaluatie: {
            label: 'evaluatie',
            decisions: ['opvolging_genoteerd'],
            agenderenInPhases: ['casusregie'],
          },
          afsluiting: {
            label: 'afsluiting',
            decisions: ['afsluiting_bevestigd', 'afsluiting_niet_bevestigd'],
            agenderenInPhases: ['afgerond'],
          },
        },
      },
    };
    const options = { rules: spoor3 };
    expect(canAgenderen(stateIn('casusregie'), 'casusoverleg-spoor-3', 'evaluatie', TODAY, options)).toEqual({
      ok: true,
    });
    expect(
      refusal(canAgenderen(stateIn('afgerond'), 'casusoverleg-spoor-3', 'afsluiting', '2026-12-15', options))
        .code,
    ).toBe('TOO_EARLY_FOR_AFSLUITING');
    expect(refusal(canAgenderen(stateIn('casusregie'), 'weegploeg', 'afronding', TODAY, options)).code).toBe(
      'UNKNOWN_TABLE',
    );
  });
});

describe('broken input to agenderen is a bug', () => {
  it('throws on a day that is not a date, an unknown phase or a broken limit', () => {
    expect(() => canAgenderen(stateIn('casusregie'), 'ronde-tafel', 'vraag', '04/05/2026')).toThrow(
      InvalidDossierContextError,
    );
    const unknown = { phase: 'gepauzeerd', noConsentReturns: 0 } as unknown as DossierState;
    expect(() => canAgenderen(unknown, 'ronde-tafel', 'vraag', TODAY)).toThrow(UnknownDossierPhaseError);
    expect(() =>
      canAgenderen(stateIn('casusregie'), 'ronde-tafel', 'vraag', TODAY, {
        noConsentReturnLimit: Number.NaN,
      }),
    ).toThrow(InvalidDossierContextError);
  });
});

describe('agenderen while casusregie awaits the consent', () => {
  const awaiting: DossierState = {
    phase: 'casusregie',
    casusregisseurId: 'casusregisseur-0001',
    casusregiePlannedStartDate: '2026-04-27',
    noConsentReturns: 0,
  };

  it('refuses what the Weegploeg decides on casusregie itself, and allows the other agendapunten', () => {
    for (const itemType of ['plan-van-aanpak', 'gewijzigd-plan-van-aanpak', 'afronding']) {
      const outcome = refusal(canAgenderen(awaiting, 'weegploeg', itemType, TODAY));
      expect([itemType, outcome.code]).toEqual([itemType, 'CASUSREGIE_AWAITS_CONSENT']);
    }
    for (const itemType of ['vraag', 'opvolging', 'tussentijdse-evaluatie']) {
      expect([itemType, canAgenderen(awaiting, 'ronde-tafel', itemType, TODAY).ok]).toEqual([itemType, true]);
    }
  });
});
