import {
  DossierFacts,
  planObligations,
  PlannedObligation,
  validateObligationRules,
} from '@overlegtafels/domain';
import { iso } from '@overlegtafels/domain/testing';
import { OOST_VLAANDEREN } from './oost-vlaanderen.region';

const DURING: DossierFacts = {
  casusregieStartDate: '2026-03-02',
  consulentInvolved: false,
  childrenOver12: 0,
  decisions: [],
  agendaItems: [],
  manualFulfilments: [],
};

function overview(planned: readonly PlannedObligation[]): Record<string, string> {
  return Object.fromEntries(planned.map((o) => [o.key, `${o.status} ${iso(o.dueAtMs)}`]));
}

describe('Oost-Vlaanderen follow-up of the three phases (illustrative times)', () => {
  it('are valid against the region table', () => {
    expect(() => validateObligationRules(OOST_VLAANDEREN)).not.toThrow();
  });

  it('exploratie and uitvoering: the plan in team regie after eight weeks, a netwerkoverleg within three months', () => {
    expect(overview(planObligations(OOST_VLAANDEREN, DURING))).toEqual({
      // Start + 8 weeks = Monday 27 April; the team regie of Tuesday 28 April, deadline Thursday 23 April.
      'plan-van-aanpak-team-regie#0': 'open 2026-04-23T12:00:00+02:00',
      'netwerkoverleg#0': 'open 2026-06-02T17:00:00+02:00',
    });
  });

  it('plans the next netwerkoverleg three months after the last one', () => {
    const planned = planObligations(OOST_VLAANDEREN, {
      ...DURING,
      manualFulfilments: [
        {
          ruleKey: 'netwerkoverleg',
          sequence: 0,
          atMs: Date.parse('2026-05-20T10:00:00+02:00'),
          note: 'overleg 1',
        },
      ],
    }).filter((o) => o.ruleKey === 'netwerkoverleg');
    expect(overview(planned)).toEqual({
      'netwerkoverleg#0': 'fulfilled 2026-06-02T17:00:00+02:00',
      'netwerkoverleg#1': 'open 2026-08-20T17:00:00+02:00',
    });
  });

  it('afronding: the uitvoering rules end, the afsluiting is due three months later', () => {
    expect(overview(planObligations(OOST_VLAANDEREN, { ...DURING, afrondingDate: '2026-11-17' }))).toEqual({
      'afsluiting-na-afronding#0': 'open 2027-02-17T09:00:00+01:00',
    });
  });

  it('counts the afsluiting as done; a closed dossier has nothing left to plan', () => {
    const planned = planObligations(OOST_VLAANDEREN, {
      ...DURING,
      afrondingDate: '2026-11-17',
      afsluitingDate: '2027-02-10',
    });
    expect(planned.map((o) => [o.key, o.status])).toEqual([['afsluiting-na-afronding#0', 'fulfilled']]);
  });
});
