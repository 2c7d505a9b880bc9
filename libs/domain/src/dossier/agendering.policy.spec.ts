import { placeOnOrAfter, SessionTooEarly } from '../placement/earliest-session.policy';
import { fridayTable, zdt } from '../testing';
import { afsluitingTooEarly, AgenderingOutcome } from './agendering.policy';
import { DecisionRules } from './decision-rules';
import { canAgenderenCo3, CO3_LIFE, CO3_RULES, stateIn } from './dossier-fixtures.test-util';
import { InvalidDossierContextError, UnknownDossierPhaseError } from './dossier.error';
import { PHASE_KINDS, PhaseKind, DossierState } from './dossier.model';

/** Every (phase, table, item type) in which agenderen is allowed, as the guide reads. */
const ALLOWED: ReadonlyArray<readonly [PhaseKind, string, string]> = [
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

const ITEMS = Object.entries(CO3_RULES).flatMap(([table, rule]) =>
  Object.keys(rule.itemTypes).map((item) => [table, item] as const),
);

const REFUSED = PHASE_KINDS.flatMap((phase) =>
  ITEMS.filter(([table, item]) => !ALLOWED.some(([p, t, i]) => p === phase && t === table && i === item)).map(
    ([table, item]) => [phase, table, item] as const,
  ),
);

function refusal(outcome: AgenderingOutcome) {
  if (outcome.ok) throw new Error('agenderen was allowed');
  return outcome;
}

describe('which agenderingen a dossier allows', () => {
  it.each(ALLOWED)('in phase %s, on %s, an agendapunt %s', (phase, table, item) => {
    expect(canAgenderenCo3(stateIn(phase), table, item)).toMatchObject({ ok: true });
  });

  it('the table covers 13 allowed and 59 refused combinations', () => {
    expect(ALLOWED).toHaveLength(13);
    expect(REFUSED).toHaveLength(59);
  });

  it.each(REFUSED)('refuses, in phase %s, on %s, an agendapunt %s', (phase, table, item) => {
    expect(refusal(canAgenderenCo3(stateIn(phase), table, item)).code).toBe('AGENDERING_NOT_ALLOWED');
  });

  it('a casusregisseur puts a plan van aanpak on the Weegploeg only during casusregie', () => {
    expect(
      refusal(canAgenderenCo3(stateIn('zonder_casusregisseur'), 'weegploeg', 'plan-van-aanpak')),
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
    expect(canAgenderenCo3(twoWeeksIn, 'ronde-tafel', 'vraag')).toEqual({ ok: true });
  });

  it('a first aanmelding is for a new dossier only', () => {
    expect(refusal(canAgenderenCo3(stateIn('herbespreking'), 'ico', 'aanmelding')).message).toBe(
      'Een agendapunt aanmelding op het ICO kan enkel voor een dossier in de fase "aangemeld"; ' +
        'dit dossier is in de fase "herbespreking".',
    );
  });

  it.each([
    ['afgesloten', 'Een dossier in de fase "afgesloten" kan niet meer geagendeerd worden.'],
    ['geen_ketenaanpak', 'Een dossier in de fase "geen ketenaanpak" kan niet meer geagendeerd worden.'],
  ] as const)('nothing more goes on any agenda for a dossier in phase %s', (phase, message) => {
    for (const [table, item] of ITEMS) {
      expect(refusal(canAgenderenCo3(stateIn(phase), table, item)).message).toBe(message);
    }
  });
});

describe('the afsluiting goes to a zitting six months after the afronding', () => {
  it('is allowed in phase afgerond, with the date its zitting may not come before', () => {
    // Afronding 16 June 2026: the zitting takes place on or after 16 December 2026.
    expect(canAgenderenCo3(stateIn('afgerond'), 'ronde-tafel', 'afsluiting')).toEqual({
      ok: true,
      notBeforeDate: '2026-12-16',
    });
  });

  it('puts no date on anything else, such as the check for new facts after three months', () => {
    expect(canAgenderenCo3(stateIn('afgerond'), 'ronde-tafel', 'opvolging')).toEqual({ ok: true });
  });

  it('counts to the end of a shorter month, and across a leap day', () => {
    const afgerondOn = (afrondingDate: string): DossierState => ({ ...stateIn('afgerond'), afrondingDate });
    expect(canAgenderenCo3(afgerondOn('2027-08-31'), 'ronde-tafel', 'afsluiting')).toEqual({
      ok: true,
      notBeforeDate: '2028-02-29',
    });
    expect(canAgenderenCo3(afgerondOn('2026-08-31'), 'ronde-tafel', 'afsluiting')).toEqual({
      ok: true,
      notBeforeDate: '2027-02-28',
    });
  });

  it('says which zitting is too early, from when agendering lands on the first one late enough, and its deadline', () => {
    const table = fridayTable({ name: 'Vrijdagtafel' });
    // Afronding Friday 16 June 2026: not before Wednesday 16 December. Submitted on 1 December,
    // the item lands on Friday 11 December (deadline Friday 4 December 00:00): too early. The
    // first Friday on or after 16 December is the 18th; from the 11th's deadline, Friday 4
    // December 00:00, a submission lands there.
    const tooEarly = placeOnOrAfter(table, zdt('2026-12-01 10:00'), '2026-12-16');
    expect(tooEarly).toMatchObject({ ok: false, code: 'SESSION_TOO_EARLY' });
    expect(afsluitingTooEarly('2026-06-16', table, tooEarly as SessionTooEarly)).toEqual({
      ok: false,
      code: 'TOO_EARLY_FOR_AFSLUITING',
      message:
        'Een afsluiting komt op een Vrijdagtafel die ten vroegste 6 maanden na de afronding ' +
        '(16 juni 2026) plaatsvindt: op of na 16 december 2026. Wie nu agendeert, komt op de ' +
        'Vrijdagtafel van 11 december 2026, en die is te vroeg. Agendeer de afsluiting vanaf 4 december ' +
        '2026 om 00:00; dan komt ze op de Vrijdagtafel van 18 december 2026 (deadline 11 december 2026 om 00:00).',
    });
  });

  it('says so when no zitting late enough lies within the year', () => {
    const table = fridayTable({
      name: 'Vrijdagtafel',
      recurrence: { weekday: 'friday', everyWeeks: 1, seriesStart: '2026-01-02', seriesEnd: '2026-12-11' },
    });
    const tooEarly = placeOnOrAfter(table, zdt('2026-12-01 10:00'), '2026-12-16');
    expect(afsluitingTooEarly('2026-06-16', table, tooEarly as SessionTooEarly).message).toMatch(
      / Er is in het jaar daarna geen Vrijdagtafel gepland\.$/,
    );
  });
});

describe('the returns after "geen instemming"', () => {
  const afterReturns = (noConsentReturns: number): DossierState => ({
    phase: 'geen_instemming',
    noConsentReturns,
  });

  it('lets the aanmelder come back while returns are left', () => {
    expect(canAgenderenCo3(afterReturns(0), 'ico', 'herbespreking')).toEqual({ ok: true });
    expect(canAgenderenCo3(afterReturns(1), 'ico', 'herbespreking')).toEqual({ ok: true });
  });

  it('refuses a third return with the default limit of two', () => {
    expect(refusal(canAgenderenCo3(afterReturns(2), 'ico', 'herbespreking'))).toEqual({
      ok: false,
      code: 'RETURN_LIMIT_REACHED',
      message:
        'De aanmelder kwam na "geen instemming" al 2 keer terug naar het ICO; meer dan 2 keer kan niet.',
    });
  });

  it('follows the configured limit', () => {
    expect(canAgenderenCo3(afterReturns(2), 'ico', 'herbespreking', { noConsentReturnLimit: 3 })).toEqual({
      ok: true,
    });
    expect(
      refusal(canAgenderenCo3(afterReturns(0), 'ico', 'herbespreking', { noConsentReturnLimit: 0 })).code,
    ).toBe('RETURN_LIMIT_REACHED');
  });

  it('does not count returns of a dossier that is no longer in "geen instemming"', () => {
    const backInHerbespreking: DossierState = { phase: 'herbespreking', noConsentReturns: 2 };
    expect(canAgenderenCo3(backInHerbespreking, 'ico', 'herbespreking')).toEqual({ ok: true });
  });
});

describe('unknown tables and agendapunten', () => {
  it('names the table or item type that is unknown', () => {
    expect(canAgenderenCo3(stateIn('casusregie'), 'triage-overleg', 'aanmelding')).toEqual({
      ok: false,
      code: 'UNKNOWN_TABLE',
      field: 'tableKey',
      message: 'Onbekende overlegtafel "triage-overleg".',
    });
    expect(canAgenderenCo3(stateIn('casusregie'), 'weegploeg', 'evaluatie')).toEqual({
      ok: false,
      code: 'UNKNOWN_ITEM_TYPE',
      field: 'itemType',
      message: 'Onbekend soort agendapunt "evaluatie" op tafel "weegploeg".',
    });
    expect(refusal(canAgenderenCo3(stateIn('casusregie'), 'weegploeg', 'constructor')).code).toBe(
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
    const options = { life: { ...CO3_LIFE, rules: spoor3 } };
    expect(canAgenderenCo3(stateIn('casusregie'), 'casusoverleg-spoor-3', 'evaluatie', options)).toEqual({
      ok: true,
    });
    expect(canAgenderenCo3(stateIn('afgerond'), 'casusoverleg-spoor-3', 'afsluiting', options)).toEqual({
      ok: true,
      notBeforeDate: '2026-12-16',
    });
    expect(refusal(canAgenderenCo3(stateIn('casusregie'), 'weegploeg', 'afronding', options)).code).toBe(
      'UNKNOWN_TABLE',
    );
  });
});

describe('broken input to agenderen is a bug', () => {
  it('throws on an unknown phase or a broken limit', () => {
    const unknown = { phase: 'gepauzeerd', noConsentReturns: 0 } as unknown as DossierState;
    expect(() => canAgenderenCo3(unknown, 'ronde-tafel', 'vraag')).toThrow(UnknownDossierPhaseError);
    expect(() =>
      canAgenderenCo3(stateIn('casusregie'), 'ronde-tafel', 'vraag', {
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
      const outcome = refusal(canAgenderenCo3(awaiting, 'weegploeg', itemType));
      expect([itemType, outcome.code]).toEqual([itemType, 'CASUSREGIE_AWAITS_CONSENT']);
    }
    for (const itemType of ['vraag', 'opvolging', 'tussentijdse-evaluatie']) {
      expect([itemType, canAgenderenCo3(awaiting, 'ronde-tafel', itemType).ok]).toEqual([itemType, true]);
    }
  });
});
