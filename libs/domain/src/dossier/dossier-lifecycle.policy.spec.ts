import { DecisionInput, MetCasusregieInput } from './decision-input.model';
import {
  AANMELDER,
  AFRONDING_DATE,
  contextFor,
  deepFreeze,
  ICO_DATE,
  REGISSEUR,
  START_DATE,
  stateIn,
  validInput,
  CO3_TRANSITIONS,
  Co3Context,
  applyCo3Decision, CO3_LIFE } from './dossier-fixtures.test-util';
import { DecisionOutcome, noConsentReturnLimitOf } from './dossier-lifecycle.policy';
import { DossierEvent } from './dossier-event.model';
import {
  InvalidDossierContextError,
  InvalidDossierStateError,
  UnknownDecisionKindError,
  UnknownDossierPhaseError,
} from './dossier.error';
import {
  DECISION_KINDS,
  awaitsConsent,
  DecisionKind,
  PHASE_KINDS,
  PhaseKind,
  DossierState,
  newDossierState,
} from './dossier.model';

const ICO: Co3Context = { tableKey: 'ico', itemType: 'aanmelding', decisionDate: ICO_DATE };
const ICO_TERUG = (decisionDate: string): Co3Context => ({
  tableKey: 'ico',
  itemType: 'herbespreking',
  decisionDate,
});

function accepted(outcome: DecisionOutcome): { next: DossierState; effects: readonly DossierEvent[] } {
  if (!outcome.ok) throw new Error(`refused: ${outcome.code} ${outcome.field ?? ''} ${outcome.message}`);
  return outcome;
}

/** Applies a decision that must be refused and checks the dossier is left exactly as it was. */
function refused(state: DossierState, input: DecisionInput, context: Co3Context) {
  const before = structuredClone(state);
  const outcome = applyCo3Decision(deepFreeze(state), input, context);
  if (outcome.ok) throw new Error(`accepted, now in phase ${outcome.next.phase}`);
  expect(state).toEqual(before);
  expect(outcome).not.toHaveProperty('next');
  return outcome;
}

describe('the ICO decides on a new aanmelding', () => {
  it('geen ketenaanpak: the aanmelder gets advice, always with advice for a safety plan', () => {
    const { next, effects } = accepted(
      applyCo3Decision(newDossierState(CO3_LIFE), validInput('geen_ketenaanpak'), ICO),
    );
    expect(next).toEqual({ phase: 'geen_ketenaanpak', noConsentReturns: 0 });
    expect(effects).toEqual([
      { type: 'advies-verstuurd', date: ICO_DATE, reason: 'geen-ketenaanpak', parketmeldingAdvies: false },
    ]);
  });

  it('geen ketenaanpak may advise the aanmelder to report to the parket', () => {
    const input = { ...validInput('geen_ketenaanpak'), parketmeldingAdvies: true } as DecisionInput;
    const { effects } = accepted(applyCo3Decision(newDossierState(CO3_LIFE), input, ICO));
    expect(effects).toEqual([
      { type: 'advies-verstuurd', date: ICO_DATE, reason: 'geen-ketenaanpak', parketmeldingAdvies: true },
    ]);
  });

  it('geen ketenaanpak without safety-plan advice is refused, naming the field', () => {
    const input = { kind: 'geen_ketenaanpak', adviceText: 'Verder opvolgen.', safetyPlanAdvice: '' } as const;
    expect(refused(newDossierState(CO3_LIFE), input, ICO)).toEqual({
      ok: false,
      code: 'FIELD_REQUIRED',
      field: 'safetyPlanAdvice',
      message:
        'Het advies voor een veiligheidsplan is verplicht. De aanmelder krijgt bij "geen ketenaanpak" ' +
        'altijd advies voor het opmaken van een veiligheidsplan.',
    });
  });

  it('ketenaanpak zonder casusregisseur puts the aanmelder in touch with the criminologists', () => {
    const { next, effects } = accepted(
      applyCo3Decision(newDossierState(CO3_LIFE), { kind: 'zonder_casusregisseur' }, ICO),
    );
    expect(next.phase).toBe('zonder_casusregisseur');
    expect(effects).toEqual([{ type: 'ketenaanpak-zonder-casusregisseur', date: ICO_DATE }]);
  });

  it('ketenaanpak met casusregie appoints the casusregisseur, records the consent and starts casusregie', () => {
    const { next, effects } = accepted(
      applyCo3Decision(newDossierState(CO3_LIFE), validInput('met_casusregie'), ICO),
    );
    expect(next).toEqual({
      phase: 'casusregie',
      casusregisseurId: REGISSEUR,
      casusregiePlannedStartDate: START_DATE,
      casusregieStartDate: START_DATE,
      consent: { verifiedById: AANMELDER, verifiedOn: '2026-03-02' },
      noConsentReturns: 0,
    });
    expect(effects).toEqual([
      { type: 'casusregisseur-aangesteld', startDate: START_DATE, casusregisseurId: REGISSEUR },
      { type: 'instemming-geregistreerd', verifiedById: AANMELDER, verifiedOn: '2026-03-02' },
      { type: 'casusregie-gestart', startDate: START_DATE, casusregisseurId: REGISSEUR },
    ]);
  });

  it('casusregie may start at the ICO itself when the aanmelder takes it on', () => {
    const input: MetCasusregieInput = {
      kind: 'met_casusregie',
      casusregisseurId: AANMELDER,
      startDate: ICO_DATE,
      consent: { verifiedById: AANMELDER, verifiedOn: ICO_DATE, adultFamilyMemberConsented: true },
    };
    expect(accepted(applyCo3Decision(newDossierState(CO3_LIFE), input, ICO)).next.casusregieStartDate).toBe(ICO_DATE);
  });

  it('herbespreking: information is missing and the dossier returns to a later ICO', () => {
    const { next, effects } = accepted(applyCo3Decision(newDossierState(CO3_LIFE), validInput('herbespreking'), ICO));
    expect(next).toEqual({ phase: 'herbespreking', noConsentReturns: 0 });
    // The aanmelder is invited to the aanvullend verkennend casusoverleg.
    expect(effects).toEqual([{ type: 'terug-naar-ico', date: ICO_DATE, guest: 'aanmelder' }]);

    // On the aanvullend verkennend casusoverleg two weeks later the ICO decides instroom.
    const instroom = { ...validInput('met_casusregie'), startDate: '2026-03-23' } as DecisionInput;
    const later = accepted(applyCo3Decision(next, instroom, ICO_TERUG('2026-03-20')));
    expect(later.next.phase).toBe('casusregie');
  });

  it('geen instemming: casusregie cannot start and the aanmelder may still come back twice', () => {
    const { next, effects } = accepted(applyCo3Decision(newDossierState(CO3_LIFE), { kind: 'geen_instemming' }, ICO));
    expect(next).toEqual({ phase: 'geen_instemming', noConsentReturns: 0 });
    expect(effects).toEqual([{ type: 'geen-instemming', date: ICO_DATE, returnsUsed: 0, returnsLeft: 2 }]);
  });

  it('geen instemming with advice on safety sends that advice to the aanmelder', () => {
    const input = {
      kind: 'geen_instemming',
      adviceText: 'Bespreek een veiligheidsplan met mevrouw.',
    } as const;
    expect(accepted(applyCo3Decision(newDossierState(CO3_LIFE), input, ICO)).effects).toEqual([
      { type: 'geen-instemming', date: ICO_DATE, returnsUsed: 0, returnsLeft: 2 },
      { type: 'advies-verstuurd', date: ICO_DATE, reason: 'geen-instemming', parketmeldingAdvies: false },
    ]);
  });
});

describe('informed consent before casusregie', () => {
  const withoutConsent: MetCasusregieInput = {
    kind: 'met_casusregie',
    casusregisseurId: REGISSEUR,
    startDate: START_DATE,
  };

  it('appoints the casusregisseur without consent: casusregie awaits it and has no start yet', () => {
    const { next, effects } = accepted(applyCo3Decision(newDossierState(CO3_LIFE), withoutConsent, ICO));
    expect(next).toEqual({
      phase: 'casusregie',
      casusregisseurId: REGISSEUR,
      casusregiePlannedStartDate: START_DATE,
      noConsentReturns: 0,
    });
    expect(awaitsConsent(CO3_LIFE, next)).toBe(true);
    expect(effects).toEqual([
      { type: 'casusregisseur-aangesteld', startDate: START_DATE, casusregisseurId: REGISSEUR },
    ]);
  });

  it('keeps who gave the consent when the ICO records it', () => {
    const input: MetCasusregieInput = {
      ...withoutConsent,
      consent: {
        verifiedById: AANMELDER,
        verifiedOn: '2026-03-02',
        adultFamilyMemberConsented: true,
        givenBy: 'moeder',
      },
    };
    const { next } = accepted(applyCo3Decision(newDossierState(CO3_LIFE), input, ICO));
    expect(next.consent).toEqual({ verifiedById: AANMELDER, verifiedOn: '2026-03-02', givenBy: 'moeder' });
    expect(awaitsConsent(CO3_LIFE, next)).toBe(false);
    const blank = { ...input, consent: { ...input.consent!, givenBy: ' ' } };
    expect(refused(newDossierState(CO3_LIFE), blank, ICO).field).toBe('consent.givenBy');
  });

  it('while casusregie awaits the consent, no plan van aanpak is reviewed nor casusregie rounded off', () => {
    const awaiting = accepted(applyCo3Decision(newDossierState(CO3_LIFE), withoutConsent, ICO)).next;
    const weegploeg = { decisionDate: '2026-04-21', tableKey: 'weegploeg' };
    for (const [kind, itemType] of [
      ['pva_besproken', 'plan-van-aanpak'],
      ['afronding_goedgekeurd', 'afronding'],
      ['afronding_niet_goedgekeurd', 'afronding'],
    ] as const) {
      const outcome = refused(awaiting, validInput(kind), { ...weegploeg, itemType });
      expect([kind, outcome.code]).toEqual([kind, 'CASUSREGIE_AWAITS_CONSENT']);
      expect(outcome.message).toContain('in afwachting van instemming');
    }
    // A question to the Ronde Tafel is still possible.
    const vraag = { decisionDate: '2026-03-19', tableKey: 'ronde-tafel', itemType: 'vraag' };
    expect(accepted(applyCo3Decision(awaiting, { kind: 'opvolging_genoteerd' }, vraag)).next).toEqual(
      awaiting,
    );
  });

  it('uses consent already verified on the dossier, without recording it again', () => {
    const state: DossierState = {
      phase: 'herbespreking',
      consent: { verifiedById: AANMELDER, verifiedOn: '2026-02-27' },
      noConsentReturns: 0,
    };
    const { next, effects } = accepted(applyCo3Decision(state, withoutConsent, ICO_TERUG(ICO_DATE)));
    expect(next.consent).toEqual({ verifiedById: AANMELDER, verifiedOn: '2026-02-27' });
    expect(effects.map((e) => e.type)).toEqual(['casusregisseur-aangesteld', 'casusregie-gestart']);
  });

  it('the consent of the children alone does not start casusregie', () => {
    const input: MetCasusregieInput = {
      ...withoutConsent,
      consent: { verifiedById: AANMELDER, verifiedOn: '2026-03-02', adultFamilyMemberConsented: false },
    };
    const outcome = refused(newDossierState(CO3_LIFE), input, ICO);
    expect(outcome.code).toBe('CONSENT_REQUIRED');
    expect(outcome.field).toBe('consent.adultFamilyMemberConsented');
  });

  it('casusregie cannot start before the day of the consent, but may start on it', () => {
    const consentOn = (verifiedOn: string): MetCasusregieInput => ({
      ...withoutConsent,
      consent: { verifiedById: REGISSEUR, verifiedOn, adultFamilyMemberConsented: true },
    });
    expect(refused(newDossierState(CO3_LIFE), consentOn('2026-03-10'), ICO)).toEqual({
      ok: false,
      code: 'CONSENT_REQUIRED',
      field: 'startDate',
      message:
        'Casusregie kan pas starten zodra een volwassen gezinslid ingestemd heeft: de instemming is van ' +
        '10 maart 2026, de startdatum 9 maart 2026.',
    });
    expect(accepted(applyCo3Decision(newDossierState(CO3_LIFE), consentOn(START_DATE), ICO)).next.phase).toBe(
      'casusregie',
    );
  });
});

describe('the limited returns after "geen instemming"', () => {
  const geenInstemming: DecisionInput = { kind: 'geen_instemming' };

  /** The first ICO says "geen instemming"; then the aanmelder comes back on the given Fridays. */
  function afterReturns(fridays: readonly string[], limit?: number): DossierState {
    let state = accepted(applyCo3Decision(newDossierState(CO3_LIFE), geenInstemming, ICO)).next;
    for (const friday of fridays) {
      state = accepted(
        applyCo3Decision(state, geenInstemming, { ...ICO_TERUG(friday), noConsentReturnLimit: limit }),
      ).next;
    }
    return state;
  }

  it('counts each return and tells how many are left', () => {
    const first = afterReturns([]);
    const back = accepted(applyCo3Decision(first, geenInstemming, ICO_TERUG('2026-04-03')));
    expect(back.next.noConsentReturns).toBe(1);
    expect(back.effects).toEqual([
      { type: 'geen-instemming', date: '2026-04-03', returnsUsed: 1, returnsLeft: 1 },
    ]);
  });

  it('refuses the third return with the default limit of two', () => {
    const state = afterReturns(['2026-04-03', '2026-05-08']);
    expect(state.noConsentReturns).toBe(2);
    expect(refused(state, geenInstemming, ICO_TERUG('2026-06-05'))).toEqual({
      ok: false,
      code: 'RETURN_LIMIT_REACHED',
      message:
        'De aanmelder kwam na "geen instemming" al 2 keer terug naar het ICO; meer dan 2 keer kan niet.',
    });
    // Whatever the ICO would decide on that return: the return itself is over the limit.
    expect(refused(state, validInput('met_casusregie'), ICO_TERUG('2026-06-05')).code).toBe(
      'RETURN_LIMIT_REACHED',
    );
  });

  it('a family that consents on a return gets casusregie, and the return is counted', () => {
    const { next } = accepted(
      applyCo3Decision(afterReturns([]), validInput('met_casusregie'), ICO_TERUG(ICO_DATE)),
    );
    expect(next.phase).toBe('casusregie');
    expect(next.noConsentReturns).toBe(1);
  });

  it('follows the configured limit', () => {
    const threeAllowed = afterReturns(['2026-04-03', '2026-05-08', '2026-06-05'], 3);
    expect(threeAllowed.noConsentReturns).toBe(3);
    expect(
      refused(threeAllowed, geenInstemming, { ...ICO_TERUG('2026-07-03'), noConsentReturnLimit: 3 }).code,
    ).toBe('RETURN_LIMIT_REACHED');
    expect(
      refused(afterReturns([]), geenInstemming, { ...ICO_TERUG('2026-04-03'), noConsentReturnLimit: 0 }).code,
    ).toBe('RETURN_LIMIT_REACHED');
  });

  it('a herbespreking in between does not buy extra returns', () => {
    let state = afterReturns(['2026-04-03']); // one return used
    state = accepted(applyCo3Decision(state, validInput('herbespreking'), ICO_TERUG('2026-05-08'))).next; // return 2
    expect(state).toEqual({ phase: 'herbespreking', noConsentReturns: 2 });
    state = accepted(applyCo3Decision(state, geenInstemming, ICO_TERUG('2026-05-22'))).next; // not a return
    expect(state.noConsentReturns).toBe(2);
    expect(refused(state, geenInstemming, ICO_TERUG('2026-06-05')).code).toBe('RETURN_LIMIT_REACHED');
  });

  it('reads the limit from the region, two when the region does not say', () => {
    expect(noConsentReturnLimitOf({})).toBe(2);
    expect(noConsentReturnLimitOf({ noConsentReturnLimit: 4 })).toBe(4);
    expect(() => noConsentReturnLimitOf({ noConsentReturnLimit: -1 })).toThrow(InvalidDossierContextError);
    expect(() => noConsentReturnLimitOf({ noConsentReturnLimit: 1.5 })).toThrow(InvalidDossierContextError);
  });
});

describe('the Weegploeg reviews plans and afrondingen', () => {
  const pva = { tableKey: 'weegploeg', itemType: 'plan-van-aanpak', decisionDate: '2026-05-19' };

  it('plan van aanpak besproken keeps casusregie going, with a terugkomdatum for the Ronde Tafel', () => {
    const { next, effects } = accepted(
      applyCo3Decision(stateIn('casusregie'), validInput('pva_besproken'), pva),
    );
    expect(next).toEqual(stateIn('casusregie'));
    expect(effects).toEqual([{ type: 'pva-besproken', date: '2026-05-19', terugkomdatum: '2026-06-18' }]);
  });

  it('a fundamentally changed plan is reviewed the same way', () => {
    const context = { ...pva, itemType: 'gewijzigd-plan-van-aanpak', decisionDate: '2026-11-03' };
    const input = { kind: 'pva_besproken', terugkomdatum: '2026-12-03' } as const;
    expect(accepted(applyCo3Decision(stateIn('casusregie'), input, context)).effects).toEqual([
      { type: 'pva-besproken', date: '2026-11-03', terugkomdatum: '2026-12-03' },
    ]);
  });

  it('the terugkomdatum must lie after the Weegploeg', () => {
    const on = (terugkomdatum: string) => ({ kind: 'pva_besproken', terugkomdatum }) as const;
    expect(refused(stateIn('casusregie'), on('2026-05-19'), pva)).toEqual({
      ok: false,
      code: 'FIELD_INVALID',
      field: 'terugkomdatum',
      message:
        'De terugkomdatum voor de Ronde Tafel (19 mei 2026) moet na de Weegploeg van 19 mei 2026 liggen.',
    });
    expect(accepted(applyCo3Decision(stateIn('casusregie'), on('2026-05-20'), pva)).next.phase).toBe(
      'casusregie',
    );
  });

  it('afronding goedgekeurd ends casusregie and starts the six-month watch', () => {
    const context = contextFor('afronding_goedgekeurd', 'casusregie');
    const { next, effects } = accepted(
      applyCo3Decision(stateIn('casusregie'), { kind: 'afronding_goedgekeurd' }, context),
    );
    expect(next).toEqual({ ...stateIn('casusregie'), phase: 'afgerond', afrondingDate: AFRONDING_DATE });
    expect(effects).toEqual([{ type: 'afronding-goedgekeurd', date: AFRONDING_DATE }]);
  });

  it('afronding niet goedgekeurd: the goals are not met and casusregie goes on', () => {
    const context = contextFor('afronding_niet_goedgekeurd', 'casusregie');
    const { next, effects } = accepted(
      applyCo3Decision(stateIn('casusregie'), { kind: 'afronding_niet_goedgekeurd' }, context),
    );
    expect(next).toEqual(stateIn('casusregie'));
    expect(effects).toEqual([{ type: 'afronding-niet-goedgekeurd', date: AFRONDING_DATE }]);
  });
});

describe('the Ronde Tafel follows up and closes', () => {
  const rt = (itemType: string, decisionDate: string): Co3Context => ({
    tableKey: 'ronde-tafel',
    itemType,
    decisionDate,
  });

  it.each([
    ['a question before the Weegploeg', 'casusregie', 'vraag', '2026-04-23'],
    ['the follow-up after the Weegploeg', 'casusregie', 'opvolging', '2026-06-18'],
    ['the interim evaluation after about ten months', 'casusregie', 'tussentijdse-evaluatie', '2027-01-07'],
    ['a question of an aanmelder without casusregisseur', 'zonder_casusregisseur', 'vraag', '2026-04-23'],
    ['the check for new facts three months after the afronding', 'afgerond', 'opvolging', '2026-09-17'],
  ] as const)('notes %s without changing the phase', (_scenario, phase, itemType, date) => {
    const { next, effects } = accepted(
      applyCo3Decision(stateIn(phase), { kind: 'opvolging_genoteerd' }, rt(itemType, date)),
    );
    expect(next).toEqual(stateIn(phase));
    expect(effects).toEqual([{ type: 'opvolging-genoteerd', date }]);
  });

  it('refuses the afsluiting one day before the six months are over', () => {
    // Afgerond on 16 June 2026: six months later is 16 December 2026.
    expect(
      refused(stateIn('afgerond'), { kind: 'afsluiting_bevestigd' }, rt('afsluiting', '2026-12-15')),
    ).toEqual({
      ok: false,
      code: 'TOO_EARLY_FOR_AFSLUITING',
      message:
        'Een dossier wordt pas afgesloten 6 maanden na de afronding (16 juni 2026), dus ten vroegste op ' +
        '16 december 2026.',
    });
  });

  it('closes the dossier on the day the six months are over, when there are no new facts', () => {
    const { next, effects } = accepted(
      applyCo3Decision(stateIn('afgerond'), { kind: 'afsluiting_bevestigd' }, rt('afsluiting', '2026-12-16')),
    );
    expect(next).toEqual({ ...stateIn('afgerond'), phase: 'afgesloten', afsluitingDate: '2026-12-16' });
    expect(effects).toEqual([{ type: 'afgesloten', date: '2026-12-16' }]);
  });

  it('counts six months to the last day of a shorter month', () => {
    const endOfAugust: DossierState = { ...stateIn('afgerond'), afrondingDate: '2026-08-31' };
    expect(refused(endOfAugust, { kind: 'afsluiting_bevestigd' }, rt('afsluiting', '2027-02-27')).code).toBe(
      'TOO_EARLY_FOR_AFSLUITING',
    );
    expect(
      accepted(
        applyCo3Decision(endOfAugust, { kind: 'afsluiting_bevestigd' }, rt('afsluiting', '2027-02-28')),
      ).next.phase,
    ).toBe('afgesloten');
  });

  it('afsluiting niet bevestigd: new facts, the dossier stays open', () => {
    const { next, effects } = accepted(
      applyCo3Decision(
        stateIn('afgerond'),
        { kind: 'afsluiting_niet_bevestigd' },
        rt('afsluiting', '2026-12-17'),
      ),
    );
    expect(next).toEqual(stateIn('afgerond'));
    expect(effects).toEqual([{ type: 'afsluiting-niet-bevestigd', date: '2026-12-17' }]);
  });
});

/**
 * Every legal transition, written out as the coordinators would read it. A test below checks that
 * this table and CO3_TRANSITIONS say the same.
 */
const LEGAL: ReadonlyArray<readonly [PhaseKind, DecisionKind, PhaseKind]> = [
  ['aangemeld', 'geen_ketenaanpak', 'geen_ketenaanpak'],
  ['aangemeld', 'zonder_casusregisseur', 'zonder_casusregisseur'],
  ['aangemeld', 'met_casusregie', 'casusregie'],
  ['aangemeld', 'herbespreking', 'herbespreking'],
  ['aangemeld', 'geen_instemming', 'geen_instemming'],
  ['herbespreking', 'geen_ketenaanpak', 'geen_ketenaanpak'],
  ['herbespreking', 'zonder_casusregisseur', 'zonder_casusregisseur'],
  ['herbespreking', 'met_casusregie', 'casusregie'],
  ['herbespreking', 'herbespreking', 'herbespreking'],
  ['herbespreking', 'geen_instemming', 'geen_instemming'],
  ['geen_instemming', 'geen_ketenaanpak', 'geen_ketenaanpak'],
  ['geen_instemming', 'zonder_casusregisseur', 'zonder_casusregisseur'],
  ['geen_instemming', 'met_casusregie', 'casusregie'],
  ['geen_instemming', 'herbespreking', 'herbespreking'],
  ['geen_instemming', 'geen_instemming', 'geen_instemming'],
  ['zonder_casusregisseur', 'geen_ketenaanpak', 'geen_ketenaanpak'],
  ['zonder_casusregisseur', 'zonder_casusregisseur', 'zonder_casusregisseur'],
  ['zonder_casusregisseur', 'met_casusregie', 'casusregie'],
  ['zonder_casusregisseur', 'herbespreking', 'herbespreking'],
  ['zonder_casusregisseur', 'geen_instemming', 'geen_instemming'],
  ['zonder_casusregisseur', 'opvolging_genoteerd', 'zonder_casusregisseur'],
  ['casusregie', 'pva_besproken', 'casusregie'],
  ['casusregie', 'afronding_goedgekeurd', 'afgerond'],
  ['casusregie', 'afronding_niet_goedgekeurd', 'casusregie'],
  ['casusregie', 'opvolging_genoteerd', 'casusregie'],
  ['afgerond', 'opvolging_genoteerd', 'afgerond'],
  ['afgerond', 'afsluiting_bevestigd', 'afgesloten'],
  ['afgerond', 'afsluiting_niet_bevestigd', 'afgerond'],
];

const ILLEGAL = PHASE_KINDS.flatMap((phase) =>
  DECISION_KINDS.filter((kind) => !LEGAL.some(([from, k]) => from === phase && k === kind)).map(
    (kind) => [phase, kind] as const,
  ),
);

describe('the state machine', () => {
  it.each(LEGAL)('from %s, "%s" leads to %s', (from, kind, to) => {
    const { next } = accepted(applyCo3Decision(stateIn(from), validInput(kind), contextFor(kind, from)));
    expect(next.phase).toBe(to);
  });

  it('the written table is the whole machine: 28 legal and 60 illegal pairs', () => {
    const fromData = DECISION_KINDS.flatMap((kind) =>
      CO3_TRANSITIONS[kind].from.map((from) => {
        const to = CO3_TRANSITIONS[kind].to;
        return [from, kind, to === 'unchanged' ? from : to] as const;
      }),
    );
    expect(new Set(fromData.map((t) => t.join(' ')))).toEqual(new Set(LEGAL.map((t) => t.join(' '))));
    expect(LEGAL).toHaveLength(28);
    expect(ILLEGAL).toHaveLength(60);
  });

  it.each(ILLEGAL)(
    'refuses, in phase %s, the decision "%s" and leaves the dossier as it was',
    (phase, kind) => {
      const outcome = refused(stateIn(phase), validInput(kind), contextFor(kind, phase));
      expect(outcome.code).toBe('ILLEGAL_TRANSITION');
      expect(outcome.message).toMatch(
        /^De beslissing ".+" kan niet voor een dossier in de fase ".+"; dat kan enkel/,
      );
    },
  );

  it('says in Dutch which phase the decision needs', () => {
    expect(
      refused(
        stateIn('aangemeld'),
        { kind: 'afronding_goedgekeurd' },
        contextFor('afronding_goedgekeurd', 'aangemeld'),
      ).message,
    ).toBe(
      'De beslissing "afronding goedgekeurd" kan niet voor een dossier in de fase "aangemeld"; dat kan enkel in de fase "casusregie".',
    );
    expect(refused(stateIn('afgesloten'), validInput('herbespreking'), ICO_TERUG('2027-01-08')).message).toBe(
      'De beslissing "herbespreking" kan niet voor een dossier in de fase "afgesloten"; dat kan enkel in de fase ' +
        '"aangemeld", "herbespreking", "geen instemming" of "ketenaanpak zonder casusregisseur".',
    );
  });
});

describe('a decision is not dated before the phase it belongs to', () => {
  it('refuses a Weegploeg before the start of casusregie: the start date was probably mistyped', () => {
    const typo: DossierState = { ...stateIn('casusregie'), casusregieStartDate: '2027-03-09' };
    const context = contextFor('pva_besproken', 'casusregie');
    expect(refused(typo, validInput('pva_besproken'), context)).toEqual({
      ok: false,
      code: 'DECISION_BEFORE_PHASE_START',
      message:
        'Deze beslissing valt op 19 mei 2026, vóór de start van de casusregie op 9 maart 2027. Kijk de datums na.',
    });
  });

  it('allows a decision on the start day itself', () => {
    const context = { ...contextFor('opvolging_genoteerd', 'casusregie'), decisionDate: START_DATE };
    expect(
      accepted(applyCo3Decision(stateIn('casusregie'), { kind: 'opvolging_genoteerd' }, context)).next.phase,
    ).toBe('casusregie');
  });

  it('refuses a follow-up dated before the afronding', () => {
    const context = { ...contextFor('opvolging_genoteerd', 'afgerond'), decisionDate: '2026-06-11' };
    expect(refused(stateIn('afgerond'), { kind: 'opvolging_genoteerd' }, context).message).toBe(
      'Deze beslissing valt op 11 juni 2026, vóór de afronding op 16 juni 2026. Kijk de datums na.',
    );
  });
});

describe('a decision belongs to its agendapunt', () => {
  it.each([
    ['an afronding on a plan van aanpak', 'afronding_goedgekeurd', 'weegploeg', 'plan-van-aanpak'],
    ['a plan van aanpak on an afronding', 'pva_besproken', 'weegploeg', 'afronding'],
    ['an afsluiting on an opvolging', 'afsluiting_bevestigd', 'ronde-tafel', 'opvolging'],
    ['an opvolging on an afsluiting', 'opvolging_genoteerd', 'ronde-tafel', 'afsluiting'],
    ['instroom at the Weegploeg', 'met_casusregie', 'weegploeg', 'afronding'],
    ['geen ketenaanpak at the Ronde Tafel', 'geen_ketenaanpak', 'ronde-tafel', 'vraag'],
    ['an afronding at the ICO', 'afronding_goedgekeurd', 'ico', 'herbespreking'],
    ['a plan van aanpak at the Ronde Tafel', 'pva_besproken', 'ronde-tafel', 'tussentijdse-evaluatie'],
  ] as const)('refuses %s', (_scenario, kind, tableKey, itemType) => {
    const outcome = refused(stateIn('casusregie'), validInput(kind), {
      tableKey,
      itemType,
      decisionDate: '2026-06-16',
    });
    expect(outcome.code).toBe('DECISION_NOT_FOR_ITEM');
    expect(outcome.field).toBe('kind');
  });

  it('lists the decisions the agendapunt does take', () => {
    const outcome = refused(
      stateIn('casusregie'),
      validInput('pva_besproken'),
      contextFor('afronding_goedgekeurd', 'casusregie'),
    );
    expect(outcome.message).toBe(
      'De beslissing "plan van aanpak besproken" hoort niet bij een agendapunt afronding op de Weegploeg. ' +
        'Mogelijk zijn: "afronding goedgekeurd" of "afronding niet goedgekeurd".',
    );
  });

  it('refuses a table or agendapunt the rules do not know', () => {
    expect(
      refused(newDossierState(CO3_LIFE), validInput('herbespreking'), { ...ICO, tableKey: 'triage-overleg' }).code,
    ).toBe('UNKNOWN_TABLE');
    expect(
      refused(newDossierState(CO3_LIFE), validInput('herbespreking'), { ...ICO, itemType: 'evaluatie' }).code,
    ).toBe('UNKNOWN_ITEM_TYPE');
    expect(
      refused(newDossierState(CO3_LIFE), validInput('herbespreking'), { ...ICO, tableKey: 'toString' }).code,
    ).toBe('UNKNOWN_TABLE');
  });
});

describe('each missing or wrong field is named', () => {
  const metCasusregie = validInput('met_casusregie') as MetCasusregieInput;
  const consent = metCasusregie.consent!;
  const cases: ReadonlyArray<readonly [string, PhaseKind, object, string, string]> = [
    [
      'no advice',
      'aangemeld',
      { kind: 'geen_ketenaanpak', safetyPlanAdvice: 'Veiligheidsplan.' },
      'adviceText',
      'FIELD_REQUIRED',
    ],
    [
      'blank advice',
      'aangemeld',
      { kind: 'geen_ketenaanpak', adviceText: '  ', safetyPlanAdvice: 'Veiligheidsplan.' },
      'adviceText',
      'FIELD_REQUIRED',
    ],
    [
      'advice that is not text',
      'aangemeld',
      { kind: 'geen_ketenaanpak', adviceText: 42, safetyPlanAdvice: 'Veiligheidsplan.' },
      'adviceText',
      'FIELD_INVALID',
    ],
    [
      'no safety-plan advice',
      'aangemeld',
      { kind: 'geen_ketenaanpak', adviceText: 'Advies.' },
      'safetyPlanAdvice',
      'FIELD_REQUIRED',
    ],
    [
      'a parketmelding that is not yes or no',
      'aangemeld',
      { ...validInput('geen_ketenaanpak'), parketmeldingAdvies: 'ja' },
      'parketmeldingAdvies',
      'FIELD_INVALID',
    ],
    [
      'no casusregisseur',
      'aangemeld',
      { ...metCasusregie, casusregisseurId: '' },
      'casusregisseurId',
      'FIELD_REQUIRED',
    ],
    ['no start date', 'aangemeld', { ...metCasusregie, startDate: undefined }, 'startDate', 'FIELD_REQUIRED'],
    [
      'a start date written the Belgian way',
      'aangemeld',
      { ...metCasusregie, startDate: '09-03-2026' },
      'startDate',
      'FIELD_INVALID',
    ],
    [
      'a start date that does not exist',
      'aangemeld',
      { ...metCasusregie, startDate: '2026-02-30' },
      'startDate',
      'FIELD_INVALID',
    ],
    [
      'a start before the ICO',
      'aangemeld',
      { ...metCasusregie, startDate: '2026-03-05' },
      'startDate',
      'FIELD_INVALID',
    ],
    [
      'consent without who verified it',
      'aangemeld',
      { ...metCasusregie, consent: { ...consent, verifiedById: '' } },
      'consent.verifiedById',
      'FIELD_REQUIRED',
    ],
    [
      'consent without a date',
      'aangemeld',
      { ...metCasusregie, consent: { ...consent, verifiedOn: undefined } },
      'consent.verifiedOn',
      'FIELD_REQUIRED',
    ],
    [
      'consent on no real date',
      'aangemeld',
      { ...metCasusregie, consent: { ...consent, verifiedOn: 'gisteren' } },
      'consent.verifiedOn',
      'FIELD_INVALID',
    ],
    [
      'consent without saying whether an adult consented',
      'aangemeld',
      { ...metCasusregie, consent: { verifiedById: AANMELDER, verifiedOn: '2026-03-02' } },
      'consent.adultFamilyMemberConsented',
      'FIELD_REQUIRED',
    ],
    [
      'consent that is not an object',
      'aangemeld',
      { ...metCasusregie, consent: 'ja' },
      'consent',
      'FIELD_INVALID',
    ],
    [
      'a herbespreking without what is missing',
      'aangemeld',
      { kind: 'herbespreking', missingInformation: '' },
      'missingInformation',
      'FIELD_REQUIRED',
    ],
    [
      'geen instemming with empty advice',
      'aangemeld',
      { kind: 'geen_instemming', adviceText: '' },
      'adviceText',
      'FIELD_INVALID',
    ],
    [
      'a plan without terugkomdatum',
      'casusregie',
      { kind: 'pva_besproken' },
      'terugkomdatum',
      'FIELD_REQUIRED',
    ],
    [
      'a terugkomdatum that is no date',
      'casusregie',
      { kind: 'pva_besproken', terugkomdatum: 'over een maand' },
      'terugkomdatum',
      'FIELD_INVALID',
    ],
    [
      'a terugkomdatum before the Weegploeg',
      'casusregie',
      { kind: 'pva_besproken', terugkomdatum: '2026-05-01' },
      'terugkomdatum',
      'FIELD_INVALID',
    ],
  ];

  it.each(cases)('%s', (_scenario, phase, input, field, code) => {
    const kind = (input as DecisionInput).kind;
    const outcome = refused(stateIn(phase), input as DecisionInput, contextFor(kind, phase));
    expect({ code: outcome.code, field: outcome.field }).toEqual({ code, field });
    expect(outcome.message).not.toBe('');
  });

  it('says what is wrong in Dutch', () => {
    const outcome = refused(newDossierState(CO3_LIFE), { ...metCasusregie, startDate: '09-03-2026' }, ICO);
    expect(outcome.message).toBe(
      'De startdatum van de casusregie is geen geldige datum (jjjj-mm-dd): "09-03-2026".',
    );
    expect(refused(newDossierState(CO3_LIFE), { ...metCasusregie, startDate: '2026-03-05' }, ICO).message).toBe(
      'De startdatum van de casusregie (5 maart 2026) kan niet vóór de beslissing van het ICO (6 maart 2026) liggen.',
    );
  });
});

describe('a state or context no valid flow produces is a bug, not a refusal', () => {
  it('throws on an unknown phase', () => {
    const state = { phase: 'heropend', noConsentReturns: 0 } as unknown as DossierState;
    expect(() => applyCo3Decision(state, validInput('herbespreking'), ICO)).toThrow(UnknownDossierPhaseError);
    try {
      applyCo3Decision(state, validInput('herbespreking'), ICO);
    } catch (error) {
      expect((error as UnknownDossierPhaseError).code).toBe('UNKNOWN_DOSSIER_PHASE');
    }
  });

  it.each([
    [
      'casusregie without a start date',
      { phase: 'casusregie', casusregisseurId: REGISSEUR, noConsentReturns: 0 },
    ],
    [
      'casusregie without a casusregisseur',
      { phase: 'casusregie', casusregieStartDate: START_DATE, noConsentReturns: 0 },
    ],
    ['afgerond without an afronding date', { ...stateIn('casusregie'), phase: 'afgerond' }],
    ['afgesloten without an afsluiting date', { ...stateIn('afgerond'), phase: 'afgesloten' }],
    ['a negative number of returns', { phase: 'geen_instemming', noConsentReturns: -1 }],
    ['a malformed afronding date', { ...stateIn('afgerond'), afrondingDate: '16/06/2026' }],
    [
      'a malformed consent date',
      { ...stateIn('casusregie'), consent: { verifiedById: AANMELDER, verifiedOn: '' } },
    ],
  ])('throws INVALID_DOSSIER_STATE for %s', (_scenario, state) => {
    expect(() =>
      applyCo3Decision(
        state as DossierState,
        { kind: 'opvolging_genoteerd' },
        contextFor('opvolging_genoteerd', 'casusregie'),
      ),
    ).toThrow(InvalidDossierStateError);
  });

  it('throws on an unknown decision kind', () => {
    const input = { kind: 'heropening' } as unknown as DecisionInput;
    expect(() => applyCo3Decision(newDossierState(CO3_LIFE), input, ICO)).toThrow(UnknownDecisionKindError);
  });

  it('throws on a zitting without a usable date, or a broken limit', () => {
    expect(() =>
      applyCo3Decision(newDossierState(CO3_LIFE), validInput('herbespreking'), { ...ICO, decisionDate: '6 maart' }),
    ).toThrow(InvalidDossierContextError);
    expect(() =>
      applyCo3Decision(newDossierState(CO3_LIFE), validInput('herbespreking'), { ...ICO, noConsentReturnLimit: -2 }),
    ).toThrow(InvalidDossierContextError);
  });
});

describe('the life of one dossier, from aanmelding to afsluiting', () => {
  it('follows the guide on CO3 session days and collects what each decision sets in motion', () => {
    const steps: ReadonlyArray<readonly [DecisionInput, Co3Context]> = [
      [validInput('herbespreking'), { tableKey: 'ico', itemType: 'aanmelding', decisionDate: '2026-02-20' }],
      [validInput('met_casusregie'), ICO_TERUG(ICO_DATE)],
      [
        { kind: 'opvolging_genoteerd' },
        { tableKey: 'ronde-tafel', itemType: 'vraag', decisionDate: '2026-04-09' },
      ],
      [
        validInput('pva_besproken'),
        { tableKey: 'weegploeg', itemType: 'plan-van-aanpak', decisionDate: '2026-05-19' },
      ],
      [
        { kind: 'opvolging_genoteerd' },
        { tableKey: 'ronde-tafel', itemType: 'opvolging', decisionDate: '2026-06-18' },
      ],
      [
        { kind: 'opvolging_genoteerd' },
        { tableKey: 'ronde-tafel', itemType: 'tussentijdse-evaluatie', decisionDate: '2027-01-07' },
      ],
      [
        { kind: 'afronding_niet_goedgekeurd' },
        { tableKey: 'weegploeg', itemType: 'afronding', decisionDate: '2027-03-09' },
      ],
      [
        { kind: 'afronding_goedgekeurd' },
        { tableKey: 'weegploeg', itemType: 'afronding', decisionDate: '2027-04-20' },
      ],
      [
        { kind: 'opvolging_genoteerd' },
        { tableKey: 'ronde-tafel', itemType: 'opvolging', decisionDate: '2027-07-22' },
      ],
      [
        { kind: 'afsluiting_niet_bevestigd' },
        { tableKey: 'ronde-tafel', itemType: 'afsluiting', decisionDate: '2027-10-21' },
      ],
      [
        { kind: 'afsluiting_bevestigd' },
        { tableKey: 'ronde-tafel', itemType: 'afsluiting', decisionDate: '2027-11-04' },
      ],
    ];
    let state = newDossierState(CO3_LIFE);
    const phases: string[] = [];
    const events: string[] = [];
    for (const [input, context] of steps) {
      const { next, effects } = accepted(applyCo3Decision(state, input, context));
      state = next;
      phases.push(next.phase);
      events.push(...effects.map((e) => e.type));
    }
    expect(phases).toEqual([
      'herbespreking',
      'casusregie',
      'casusregie',
      'casusregie',
      'casusregie',
      'casusregie',
      'casusregie',
      'afgerond',
      'afgerond',
      'afgerond',
      'afgesloten',
    ]);
    expect(events).toEqual([
      'terug-naar-ico',
      'casusregisseur-aangesteld',
      'instemming-geregistreerd',
      'casusregie-gestart',
      'opvolging-genoteerd',
      'pva-besproken',
      'opvolging-genoteerd',
      'opvolging-genoteerd',
      'afronding-niet-goedgekeurd',
      'afronding-goedgekeurd',
      'opvolging-genoteerd',
      'afsluiting-niet-bevestigd',
      'afgesloten',
    ]);
    expect(state).toEqual({
      phase: 'afgesloten',
      casusregisseurId: REGISSEUR,
      casusregiePlannedStartDate: START_DATE,
      casusregieStartDate: START_DATE,
      afrondingDate: '2027-04-20',
      afsluitingDate: '2027-11-04',
      consent: { verifiedById: AANMELDER, verifiedOn: '2026-03-02' },
      noConsentReturns: 0,
    });
  });
});
