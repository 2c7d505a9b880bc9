import { MetCasusregieInput } from './decision-input.model';
import { decisionNotices } from './decision-notices.policy';
import {
  AANMELDER,
  ICO_DATE,
  REGISSEUR,
  START_DATE,
  validInput,
  Co3Context,
  applyCo3Decision, CO3_LIFE } from './dossier-fixtures.test-util';
import { DecisionOutcome } from './dossier-lifecycle.policy';
import { newDossierState } from './dossier.model';
import { checkZonderCasusregisseur } from './zonder-casusregisseur.policy';

// The ICO of Friday 6 March 2026; casusregie from Monday 9 March.
const ICO: Co3Context = { tableKey: 'ico', itemType: 'aanmelding', decisionDate: ICO_DATE };
const CO3_KINDS = ['politie', 'parket', 'caw', 'vk', 'opgroeien'] as const;

const metCasusregie = (extra: Partial<MetCasusregieInput> = {}): MetCasusregieInput => ({
  ...(validInput('met_casusregie') as MetCasusregieInput),
  ...extra,
});

function refusal(outcome: DecisionOutcome) {
  if (outcome.ok) throw new Error(`accepted, now in phase ${outcome.next.phase}`);
  return { code: outcome.code, field: outcome.field, message: outcome.message };
}

describe('what the ICO plans when casusregie starts (II.E)', () => {
  it('without a date the first Weegploeg is the first vervolgoverleg: nothing else is planned', () => {
    const outcome = applyCo3Decision(newDossierState(CO3_LIFE), metCasusregie(), ICO);
    expect(outcome.ok && outcome.effects.map((e) => e.type)).toEqual([
      'casusregisseur-aangesteld',
      'instemming-geregistreerd',
      'casusregie-gestart',
    ]);
  });

  it('a vervolgoverleg date and a bijkomend casusoverleg for an absent casusregisseur become events', () => {
    const outcome = applyCo3Decision(
      newDossierState(CO3_LIFE),
      metCasusregie({
        vervolgoverlegDate: '2026-04-14',
        casusregisseurAbsent: true,
        bijkomendCasusoverlegDate: '2026-03-13',
      }),
      ICO,
    );
    // After the appointment and the consent.
    expect(outcome.ok && outcome.effects.slice(2)).toEqual([
      { type: 'casusregie-gestart', startDate: START_DATE, casusregisseurId: REGISSEUR },
      { type: 'vervolgoverleg-gepland', date: ICO_DATE, plannedDate: '2026-04-14' },
      {
        type: 'bijkomend-casusoverleg-gepland',
        date: ICO_DATE,
        plannedDate: '2026-03-13',
        casusregisseurId: REGISSEUR,
      },
    ]);
  });

  it.each([
    [
      { vervolgoverlegDate: '2026-03-06' },
      'vervolgoverlegDate',
      'De datum van het eerste vervolgoverleg (6 maart 2026) moet na het ICO van 6 maart 2026 liggen.',
    ],
    [
      { startDate: '2026-03-20', vervolgoverlegDate: '2026-03-16' },
      'vervolgoverlegDate',
      'De datum van het eerste vervolgoverleg (16 maart 2026) ligt vóór de start van de casusregie (20 maart 2026).',
    ],
    [
      { vervolgoverlegDate: '2027-03-07' },
      'vervolgoverlegDate',
      'De datum van het eerste vervolgoverleg (7 maart 2027) ligt meer dan 12 maanden na het ICO van 6 maart 2026; kijk de datum na.',
    ],
    [
      { vervolgoverlegDate: '14/04/2026' },
      'vervolgoverlegDate',
      'De datum van het eerste vervolgoverleg is geen geldige datum (jjjj-mm-dd): "14/04/2026".',
    ],
    [
      { casusregisseurAbsent: true },
      'bijkomendCasusoverlegDate',
      'De datum van het bijkomend casusoverleg is verplicht: was de casusregisseur niet op het ICO, dan volgt een bijkomend casusoverleg met hem of haar.',
    ],
    [
      { casusregisseurAbsent: true, bijkomendCasusoverlegDate: '2026-03-05' },
      'bijkomendCasusoverlegDate',
      'De datum van het bijkomend casusoverleg (5 maart 2026) moet na het ICO van 6 maart 2026 liggen.',
    ],
    [
      { bijkomendCasusoverlegDate: '2026-03-13' },
      'bijkomendCasusoverlegDate',
      'Een bijkomend casusoverleg wordt alleen gepland als de casusregisseur niet op het ICO was; duid dat aan of laat de datum leeg.',
    ],
    [
      { casusregisseurAbsent: 'ja' as never },
      'casusregisseurAbsent',
      'Of de casusregisseur afwezig was is ja of nee.',
    ],
  ])('refuses %j, naming %s', (extra, field, message) => {
    const outcome = refusal(applyCo3Decision(newDossierState(CO3_LIFE), metCasusregie(extra), ICO));
    expect([outcome.field, outcome.message]).toEqual([field, message]);
  });
});

describe('"zonder casusregisseur" only for the aanmelders I.I names', () => {
  const context = (aanmelderOrganisation: Co3Context['aanmelderOrganisation']): Co3Context => ({
    ...ICO,
    zonderCasusregisseurAanmelders: CO3_KINDS,
    aanmelderOrganisation,
    // The region's names of the kinds (CO3's list, in the key's alphabetical order here).
    organisationKinds: {
      caw: 'CAW',
      cgg: 'CGG',
      opgroeien: 'Opgroeien (OCJ/SDJ)',
      parket: 'Parket',
      politie: 'Politie',
      vk: 'Vertrouwenscentrum Kindermishandeling',
    },
  });

  it.each(CO3_KINDS)('an aanmelder of %s may go on without casusregisseur', (kind) => {
    const outcome = applyCo3Decision(newDossierState(CO3_LIFE), { kind: 'zonder_casusregisseur' }, context(kind));
    expect(outcome.ok && outcome.next.phase).toBe('zonder_casusregisseur');
  });

  it('refuses an aanmelder of another kind, and one whose organisation is not known, naming the field', () => {
    expect(
      refusal(applyCo3Decision(newDossierState(CO3_LIFE), { kind: 'zonder_casusregisseur' }, context('cgg'))),
    ).toEqual({
      code: 'AANMELDER_NOT_ELIGIBLE',
      field: 'kind',
      message:
        'Een ketenaanpak zonder casusregisseur kan alleen met een aanmelder van Politie, Parket, CAW, ' +
        'Vertrouwenscentrum Kindermishandeling of Opgroeien (OCJ/SDJ), die zelf aan de slag gaat ' +
        '(CO3-gids I.I); deze aanmelder is van CGG. Kies een andere beslissing.',
    });
    expect(
      refusal(applyCo3Decision(newDossierState(CO3_LIFE), { kind: 'zonder_casusregisseur' }, context(null))).message,
    ).toContain('de organisatie van deze aanmelder is niet gekend');
  });

  it('a region without the list leaves the decision open; the other decisions are not affected', () => {
    expect(checkZonderCasusregisseur(undefined, 'andere')).toEqual({ ok: true });
    const outcome = applyCo3Decision(newDossierState(CO3_LIFE), validInput('geen_ketenaanpak'), context('andere'));
    expect(outcome.ok).toBe(true);
  });
});

describe('who hears of an ICO decision', () => {
  const notices = (input: Parameters<typeof applyCo3Decision>[1], aanmelderId = AANMELDER) => {
    const outcome = applyCo3Decision(newDossierState(CO3_LIFE), input, ICO);
    if (!outcome.ok) throw new Error(outcome.message);
    return decisionNotices(outcome.effects, { aanmelderId });
  };

  it('every outcome reaches the aanmelder with its own letter', () => {
    expect(notices(validInput('geen_ketenaanpak'))).toEqual([{ to: 'aanmelder', letter: 'advies' }]);
    expect(notices({ kind: 'zonder_casusregisseur' })).toEqual([
      { to: 'aanmelder', letter: 'zonder-casusregisseur' },
      { to: 'criminologen' },
    ]);
    expect(notices(metCasusregie())).toEqual([
      { to: 'aanmelder', letter: 'instroom' },
      { to: 'casusregisseur', casusregisseurId: REGISSEUR },
    ]);
    expect(notices(validInput('herbespreking'))).toEqual([{ to: 'aanmelder', letter: 'herbespreking' }]);
    expect(notices({ kind: 'geen_instemming', adviceText: 'Veiligheidsafspraken maken.' })).toEqual([
      { to: 'aanmelder', letter: 'geen-instemming' },
    ]);
    expect(notices({ kind: 'geen_instemming' })).toEqual([{ to: 'aanmelder', letter: 'geen-instemming' }]);
  });

  it('an aanmelder who takes on casusregie gets the one letter of the casusregisseur', () => {
    expect(notices(metCasusregie({ casusregisseurId: AANMELDER }))).toEqual([
      { to: 'casusregisseur', casusregisseurId: AANMELDER },
    ]);
  });

  it('decisions of the other tables tell nobody', () => {
    expect(
      decisionNotices([{ type: 'pva-besproken', date: '2026-05-19', terugkomdatum: '2026-06-18' }], {}),
    ).toEqual([]);
  });
});

describe('what the ICO plans when it appoints the casusregisseur before consent', () => {
  it('keeps the vervolgoverleg and the bijkomend casusoverleg; casusregie itself waits for the consent', () => {
    const input = metCasusregie({
      consent: undefined,
      casusregisseurAbsent: true,
      bijkomendCasusoverlegDate: '2026-03-13',
    });
    const outcome = applyCo3Decision(newDossierState(CO3_LIFE), input, ICO);
    expect(outcome.ok && outcome.effects.map((e) => e.type)).toEqual([
      'casusregisseur-aangesteld',
      'bijkomend-casusoverleg-gepland',
    ]);
    expect(outcome.ok && outcome.next.casusregieStartDate).toBeUndefined();
    // The appointment is told as with consent: the aanmelder's letter and the casusregisseur's mail.
    expect(outcome.ok && decisionNotices(outcome.effects, { aanmelderId: AANMELDER })).toEqual([
      { to: 'aanmelder', letter: 'instroom' },
      { to: 'casusregisseur', casusregisseurId: REGISSEUR },
    ]);
  });
});
