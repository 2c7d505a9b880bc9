import { OOST_VLAANDEREN, VLAAMS_BRABANT } from '@overlegtafels/regions';
import { canAgenderen } from './agendering.policy';
import { recordConsent } from './casusregie-checks.policy';
import { DecisionInput } from './decision-input.model';
import { mayWithdrawDecision, DossierSnapshot } from './decision-withdrawal.policy';
import { dossierLifeProblems, DossierLife, intakeTableName, nextIntakeTable } from './dossier-life.model';
import { applyDecision, DecisionOutcome, endedPhaseKeys } from './dossier-lifecycle.policy';
import {
  assertDossierState,
  awaitsConsent,
  DossierState,
  isAfgesloten,
  isInCasusregie,
  newDossierState,
  phaseKindOf,
  regionPhaseLabel,
} from './dossier.model';
import { UnknownDossierPhaseError } from './dossier.error';
import { recordNoConsent } from './no-consent.policy';
import { reopenDossier } from './reopening.policy';
import { riskOccasionLabel } from '../risk/risk-picture.model';
import { CO3_LIFE } from './dossier-fixtures.test-util';

const OV: DossierLife = OOST_VLAANDEREN.dossierLife;
const OV_TABLES = OOST_VLAANDEREN.tables;

function accepted(outcome: DecisionOutcome): DossierState {
  if (!outcome.ok) throw new Error(`refused: ${outcome.code} ${outcome.message}`);
  return outcome.next;
}

const atTeamRegie = (itemType: string, decisionDate: string) => ({
  tableKey: 'team-regie',
  itemType,
  decisionDate,
  life: OV,
});

const MET_CASUSREGIE: DecisionInput = {
  kind: 'met_casusregie',
  casusregisseurId: 'casusregisseur-1',
  startDate: '2026-01-12',
  consent: { verifiedById: 'coordinator-1', verifiedOn: '2026-01-06', adultFamilyMemberConsented: true },
};

describe("Oost-Vlaanderen's phases, interpreted from its dossier life", () => {
  it('declares its phases with the kinds that give them their meaning', () => {
    expect(OV.phases.map((p) => [p.key, p.kind])).toEqual([
      ['aangemeld', 'aangemeld'],
      ['exploratie', 'casusregie'],
      ['uitvoering', 'casusregie'],
      ['afrondingsfase', 'afgerond'],
      ['afgesloten', 'afgesloten'],
      ['geen_ketenaanpak', 'geen_ketenaanpak'],
      ['geen_instemming', 'geen_instemming'],
    ]);
    expect(regionPhaseLabel(OV, 'afrondingsfase')).toBe('afronding');
    expect(endedPhaseKeys(OV)).toEqual(['afgesloten', 'geen_ketenaanpak']);
  });

  it('goes exploratie → uitvoering → afronding → afgesloten, and back to aangemeld on a heropening', () => {
    let state = newDossierState(OV);
    expect(state.phase).toBe('aangemeld');

    // Tuesday 6 January 2026: the team regie takes the aanmelding up; casusregie starts the 12th.
    state = accepted(applyDecision(state, MET_CASUSREGIE, atTeamRegie('aanmelding', '2026-01-06')));
    expect(state.phase).toBe('exploratie');
    expect(isInCasusregie(OV, state.phase)).toBe(true);

    // In the exploratie the plan van aanpak comes to the team regie, not yet an evaluatie.
    expect(canAgenderen(state, 'team-regie', 'plan-van-aanpak', { life: OV })).toEqual({ ok: true });
    expect(canAgenderen(state, 'team-regie', 'evaluatie', { life: OV })).toEqual({
      ok: false,
      code: 'AGENDERING_NOT_ALLOWED',
      message:
        'Een agendapunt evaluatie op de team regie kan enkel voor een dossier in de fase "uitvoering"; ' +
        'dit dossier is in de fase "exploratie".',
    });

    // Tuesday 3 March: the plan van aanpak is discussed, the uitvoering begins.
    state = accepted(
      applyDecision(
        state,
        { kind: 'pva_besproken', terugkomdatum: '2026-04-07' },
        atTeamRegie('plan-van-aanpak', '2026-03-03'),
      ),
    );
    expect(state.phase).toBe('uitvoering');
    expect(canAgenderen(state, 'team-regie', 'plan-van-aanpak', { life: OV })).toMatchObject({
      ok: false,
      code: 'AGENDERING_NOT_ALLOWED',
    });
    for (const item of ['evaluatie', 'afronding'])
      expect(canAgenderen(state, 'team-regie', item, { life: OV })).toEqual({ ok: true });
    state = accepted(
      applyDecision(state, { kind: 'opvolging_genoteerd' }, atTeamRegie('evaluatie', '2026-04-07')),
    );
    expect(state.phase).toBe('uitvoering');

    // Tuesday 2 June: the afronding is approved; the afronding phase waits for the afsluiting.
    state = accepted(
      applyDecision(state, { kind: 'afronding_goedgekeurd' }, atTeamRegie('afronding', '2026-06-02')),
    );
    expect(state).toMatchObject({ phase: 'afrondingsfase', afrondingDate: '2026-06-02' });
    expect(canAgenderen(state, 'team-regie', 'afsluiting', { life: OV })).toEqual({
      ok: true,
      notBeforeDate: '2026-09-02',
    });

    // Three months after the afronding at the earliest: Tuesday 8 September.
    expect(
      applyDecision(state, { kind: 'afsluiting_bevestigd' }, atTeamRegie('afsluiting', '2026-08-25')),
    ).toMatchObject({ ok: false, code: 'TOO_EARLY_FOR_AFSLUITING' });
    state = accepted(
      applyDecision(state, { kind: 'afsluiting_bevestigd' }, atTeamRegie('afsluiting', '2026-09-08')),
    );
    expect(state).toMatchObject({ phase: 'afgesloten', afsluitingDate: '2026-09-08' });
    expect(isAfgesloten(OV, state.phase)).toBe(true);
    expect(canAgenderen(state, 'team-regie', 'evaluatie', { life: OV })).toEqual({
      ok: false,
      code: 'AGENDERING_NOT_ALLOWED',
      message: 'Een dossier in de fase "afgesloten" kan niet meer geagendeerd worden.',
    });

    const reopened = reopenDossier(OV, state, { reason: 'Nieuwe incidenten in januari 2027.' });
    expect(reopened).toEqual({ ok: true, next: { phase: 'aangemeld', noConsentReturns: 0 } });
    const again = accepted(
      applyDecision(
        reopened.ok ? reopened.next : state,
        {
          ...MET_CASUSREGIE,
          startDate: '2027-02-01',
          consent: { ...MET_CASUSREGIE.consent!, verifiedOn: '2027-01-26' },
        },
        atTeamRegie('aanmelding', '2027-01-26'),
      ),
    );
    expect(again.phase).toBe('exploratie');
  });

  it('refuses a decision outside its phases, naming them by their labels', () => {
    const exploratie = accepted(
      applyDecision(newDossierState(OV), MET_CASUSREGIE, atTeamRegie('aanmelding', '2026-01-06')),
    );
    expect(
      applyDecision(exploratie, { kind: 'afronding_goedgekeurd' }, atTeamRegie('afronding', '2026-02-03')),
    ).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message:
        'De beslissing "afronding goedgekeurd" kan niet voor een dossier in de fase "exploratie"; ' +
        'dat kan enkel in de fase "uitvoering".',
    });
  });

  it('reads casusregie from the kind: awaiting the consent in the exploratie, the consent starts it there', () => {
    const { consent: _none, ...withoutConsent } = MET_CASUSREGIE as Extract<
      DecisionInput,
      { kind: 'met_casusregie' }
    >;
    const waiting = accepted(
      applyDecision(newDossierState(OV), withoutConsent, atTeamRegie('aanmelding', '2026-01-06')),
    );
    expect(waiting.phase).toBe('exploratie');
    expect(awaitsConsent(OV, waiting)).toBe(true);
    expect(canAgenderen(waiting, 'team-regie', 'plan-van-aanpak', { life: OV })).toMatchObject({
      ok: false,
      code: 'CASUSREGIE_AWAITS_CONSENT',
    });
    const started = recordConsent(
      waiting,
      {
        givenBy: 'moeder',
        verifiedOn: '2026-01-14',
        adultFamilyMember: true,
        verifiedById: 'casusregisseur-1',
      },
      { today: '2026-01-15', life: OV },
    );
    expect(started.ok && started.next).toMatchObject({
      phase: 'exploratie',
      casusregieStartDate: '2026-01-14',
    });

    const noConsent = recordNoConsent(
      waiting,
      { establishedOn: '2026-01-20', note: 'Niemand stemt in.', recordedById: 'casusregisseur-1' },
      { today: '2026-01-21', life: OV, returnLimit: 2 },
    );
    expect(noConsent.ok && noConsent.next.phase).toBe('geen_instemming');
  });

  it("checks a dossier's facts by its phase's kind, and refuses a key the region does not declare", () => {
    expect(() => assertDossierState({ phase: 'uitvoering', noConsentReturns: 0 }, OV)).toThrow(
      'a dossier in casusregie needs a casusregisseurId',
    );
    expect(() =>
      assertDossierState({ phase: 'afrondingsfase', casusregisseurId: 'c', noConsentReturns: 0 }, OV),
    ).toThrow('a dossier in phase afrondingsfase needs an afrondingDate');
    expect(() => phaseKindOf(OV, 'casusregie')).toThrow(UnknownDossierPhaseError);
    expect(() => phaseKindOf(CO3_LIFE, 'exploratie')).toThrow(UnknownDossierPhaseError);
    expect(phaseKindOf(CO3_LIFE, 'casusregie')).toBe('casusregie');
  });

  it("names the phase by the region's label when a withdrawal finds it changed", () => {
    const snapshot = (phase: string): DossierSnapshot => ({
      phase,
      casusregisseurId: 'casusregisseur-1',
      casusregiePlannedStartDate: '2026-01-12',
      casusregieStartDate: '2026-01-12',
      afrondingDate: null,
      afsluitingDate: null,
      noConsentReturns: 0,
      consentVerifiedAt: null,
      consentVerifiedById: null,
      consentGivenBy: null,
    });
    const outcome = mayWithdrawDecision({
      life: OV,
      decision: {
        kind: 'met_casusregie',
        decidedOn: '2026-01-06',
        standing: true,
        prior: snapshot('aangemeld'),
        result: snapshot('exploratie'),
      },
      current: snapshot('uitvoering'),
      laterDecisions: [],
      laterItems: [],
      fulfilledSince: [],
    });
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('de fase (nu "uitvoering")'),
    });
  });
});

describe("the intake table's name in the domain's messages", () => {
  it('is the ICO for CO3, as before', () => {
    expect(intakeTableName(CO3_LIFE)).toEqual({ label: 'het ICO', article: 'het', name: 'ICO' });
    expect(nextIntakeTable(intakeTableName(CO3_LIFE))).toBe('het volgende ICO');
    expect(riskOccasionLabel('ico', intakeTableName(CO3_LIFE).name)).toBe('bij instroom (ICO)');
  });

  it('is the triage-overleg for Vlaams-Brabant, in every message that named the ICO', () => {
    const life = VLAAMS_BRABANT.dossierLife;
    expect(nextIntakeTable(intakeTableName(life))).toBe('het volgende triage-overleg');
    expect(riskOccasionLabel('ico', intakeTableName(life).name)).toBe('bij instroom (triage-overleg)');
    expect(riskOccasionLabel('afronding', intakeTableName(life).name)).toBe('bij de afronding');
    const triage = { tableKey: 'triage-overleg', itemType: 'aanmelding', decisionDate: '2026-03-04', life };
    expect(
      applyDecision(newDossierState(life), { kind: 'herbespreking', missingInformation: ' ' }, triage),
    ).toMatchObject({
      ok: false,
      field: 'missingInformation',
      message: expect.stringContaining('meebrengt naar het volgende triage-overleg'),
    });
    const early = applyDecision(
      newDossierState(life),
      { kind: 'met_casusregie', casusregisseurId: 'c-1', startDate: '2026-03-02' },
      { ...triage, traject: 'spoor-3' },
    );
    expect(early).toMatchObject({
      ok: false,
      field: 'startDate',
      message: expect.stringContaining('vóór de beslissing van het triage-overleg'),
    });
    expect(JSON.stringify(early)).not.toContain('ICO');
  });

  it('is the team regie for Oost-Vlaanderen, with its article', () => {
    expect(intakeTableName(OV)).toEqual({ label: 'de team regie', article: 'de', name: 'team regie' });
    expect(nextIntakeTable(intakeTableName(OV))).toBe('de volgende team regie');
  });
});

describe('dossierLifeProblems, for the phases', () => {
  const withPhases = (over: Partial<DossierLife>): DossierLife => ({ ...OV, ...over });
  const problems = (life: DossierLife) => dossierLifeProblems(life, OV_TABLES);

  it("holds for Oost-Vlaanderen's dossier life", () => {
    expect(problems(OV)).toEqual([]);
  });

  it('names a phase key that is not declared, wherever it is used', () => {
    const life = withPhases({
      phases: OV.phases.filter((p) => p.key !== 'uitvoering'),
    });
    expect(problems(life)).toEqual(
      expect.arrayContaining([
        'team-regie/evaluatie: unknown phase uitvoering',
        'transition pva_besproken: unknown phase uitvoering',
        'transition afronding_goedgekeurd: unknown phase uitvoering',
      ]),
    );
  });

  it('names a key declared twice, a bad key, an empty label and an unknown kind', () => {
    const life = withPhases({
      phases: [
        ...OV.phases,
        { key: 'exploratie', label: 'nog eens', kind: 'casusregie' },
        { key: 'Fase 9', label: ' ', kind: 'wachten' as never },
      ],
    });
    expect(problems(life)).toEqual(
      expect.arrayContaining([
        'phases: exploratie is declared twice',
        'phases: key Fase 9 is not lowercase letters, digits, - or _',
        'phases: Fase 9 has no label',
        'phases: Fase 9 has unknown kind wachten',
      ]),
    );
  });

  it('names a closed phase keyed otherwise than afgesloten (the access rule reads that key)', () => {
    const life = withPhases({
      phases: [...OV.phases, { key: 'gearchiveerd', label: 'gearchiveerd', kind: 'afgesloten' }],
    });
    expect(problems(life)).toEqual([
      'phases: gearchiveerd is of kind afgesloten, whose phase must have the key afgesloten',
    ]);
  });

  it('names a kind the domain needs and the region lacks', () => {
    const life = withPhases({
      phases: OV.phases.filter((p) => p.kind !== 'aangemeld' && p.kind !== 'geen_instemming'),
    });
    expect(problems(life)).toEqual(
      expect.arrayContaining([
        'phases: no phase of kind aangemeld, which a new aanmelding starts in',
        'phases: no phase of kind geen_instemming, which a casusregie that gets no consent goes to (recordNoConsent)',
      ]),
    );
  });

  it('names a transition to a phase of another kind than its decision means', () => {
    const life = withPhases({
      transitions: {
        ...OV.transitions,
        met_casusregie: { from: ['aangemeld'], to: 'afrondingsfase' },
        opvolging_genoteerd: { from: ['uitvoering'], to: 'afrondingsfase' },
      },
    });
    expect(problems(life)).toEqual(
      expect.arrayContaining([
        'transition met_casusregie: leads to afrondingsfase of kind afgerond, but met_casusregie means casusregie',
        'transition opvolging_genoteerd: notes progress, so it cannot move to afrondingsfase of another kind',
      ]),
    );
  });

  it('names a reopening from or to a phase of the wrong kind', () => {
    const life = withPhases({
      reopening: { from: ['uitvoering'], to: 'exploratie', label: 'heropening' },
    });
    expect(problems(life)).toEqual(
      expect.arrayContaining([
        'reopening: reopens from uitvoering of kind casusregie; only a phase of kind afgesloten is reopened',
        'reopening: goes back to exploratie of kind casusregie; it goes back to a phase of kind aangemeld',
      ]),
    );
  });

  it("names an aanmelding the intake table does not take in the region's intake phase", () => {
    const life = withPhases({
      phases: [{ key: 'nieuw', label: 'nieuw', kind: 'aangemeld' }, ...OV.phases],
    });
    expect(problems(life)).toEqual([
      "the intake table's aanmelding is not agendered in nieuw, where a new aanmelding starts",
    ]);
  });
});
