import { changesBetween, DecisionWithdrawalFacts, DossierSnapshot, mayWithdrawDecision } from './decision-withdrawal.policy';
import { CO3_LIFE } from './dossier-fixtures.test-util';

const before: DossierSnapshot = {
  phase: 'aangemeld',
  casusregisseurId: null,
  casusregiePlannedStartDate: null,
  casusregieStartDate: null,
  afrondingDate: null,
  afsluitingDate: null,
  noConsentReturns: 0,
  consentVerifiedAt: null,
  consentVerifiedById: null,
  consentGivenBy: null,
};
const after: DossierSnapshot = {
  ...before,
  phase: 'casusregie',
  casusregisseurId: 'sara',
  casusregiePlannedStartDate: '2026-12-07',
};

function facts(over: Partial<DecisionWithdrawalFacts> = {}): DecisionWithdrawalFacts {
  return {
    life: CO3_LIFE,
    decision: { kind: 'met_casusregie', decidedOn: '2026-12-04', standing: true, prior: before, result: after },
    current: after,
    laterDecisions: [],
    laterItems: [],
    fulfilledSince: [],
    ...over,
  };
}

describe('mayWithdrawDecision', () => {
  it('allows a standing decision nothing was built on, and restores the dossier before it', () => {
    expect(mayWithdrawDecision(facts())).toEqual({ ok: true, restore: before });
  });

  it('refuses a decision already withdrawn or replaced', () => {
    const out = mayWithdrawDecision(facts({ decision: { ...facts().decision, standing: false } }));
    expect(out).toEqual({
      ok: false,
      code: 'DECISION_NOT_STANDING',
      message: 'De beslissing "ketenaanpak met casusregie" van 4 december 2026 werd al ingetrokken of gewijzigd.',
    });
  });

  it('refuses a decision without kept history (recorded before withdrawals existed)', () => {
    const out = mayWithdrawDecision(facts({ decision: { ...facts().decision, prior: null } }));
    expect(out.ok || out.code).toBe('DECISION_WITHOUT_HISTORY');
  });

  it('refuses when a later decision on the dossier followed, naming it and its date', () => {
    const out = mayWithdrawDecision(
      facts({ laterDecisions: [{ kind: 'pva_besproken', decidedOn: '2027-02-09' }] }),
    );
    expect(out).toEqual({
      ok: false,
      code: 'DECISION_BUILT_UPON',
      message:
        'De beslissing "ketenaanpak met casusregie" van 4 december 2026 kan niet meer worden ingetrokken of ' +
        'gewijzigd: op 9 februari 2027 volgde de beslissing "plan van aanpak besproken" over dit dossier. ' +
        'Trek eerst die in.',
    });
  });

  it('refuses when the dossier was put on an agenda since', () => {
    const out = mayWithdrawDecision(facts({ laterItems: [{ tableName: 'Weegploeg', sessionOn: '2027-02-09' }] }));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toContain('staat sindsdien op de agenda van Weegploeg van 9 februari 2027');
  });

  it('refuses when a follow-up obligation was done since', () => {
    const out = mayWithdrawDecision(
      facts({ fulfilledSince: [{ label: 'Bijkomend casusoverleg', fulfilledOn: '2026-12-10' }] }),
    );
    expect(!out.ok && out.message).toContain(
      'de opvolgingstaak "Bijkomend casusoverleg" werd op 10 december 2026 al uitgevoerd',
    );
  });

  it('refuses when the herbespreking item was discussed already', () => {
    const out = mayWithdrawDecision(facts({ followUpDiscussed: true }));
    expect(!out.ok && out.message).toContain('opnieuw op het ICO besproken');
  });

  it('refuses when the dossier changed since the decision, naming what changed', () => {
    const out = mayWithdrawDecision(
      facts({
        current: {
          ...after,
          casusregieStartDate: '2026-12-08',
          consentVerifiedAt: '2026-12-08T10:00:00.000Z',
          consentVerifiedById: 'sara',
          consentGivenBy: 'moeder',
        },
      }),
    );
    expect(!out.ok && out.message).toContain(
      'sindsdien veranderde in het dossier de start van de casusregie en de instemming.',
    );
  });

  it('checks the coarse reasons first: a later decision before a changed dossier', () => {
    const out = mayWithdrawDecision(
      facts({
        laterDecisions: [{ kind: 'afronding_goedgekeurd', decidedOn: '2027-06-01' }],
        current: { ...after, phase: 'afgerond', afrondingDate: '2027-06-01' },
      }),
    );
    expect(!out.ok && out.message).toContain('afronding goedgekeurd');
  });
});

describe('changesBetween', () => {
  it('is empty for equal snapshots and names the phase with its new label', () => {
    expect(changesBetween(CO3_LIFE, after, { ...after })).toEqual([]);
    expect(changesBetween(CO3_LIFE, after, { ...after, phase: 'afgerond' })).toEqual(['de fase (nu "afgerond")']);
  });

  it('names a changed traject, and reads a snapshot kept before dossiers had one as without traject', () => {
    expect(changesBetween(CO3_LIFE, { ...after, traject: 'spoor-2' }, { ...after, traject: 'spoor-3' })).toEqual([
      'het traject',
    ]);
    expect(changesBetween(CO3_LIFE, after, { ...after, traject: null })).toEqual([]);
  });
});
