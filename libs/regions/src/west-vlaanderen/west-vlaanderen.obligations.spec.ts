import {
  DossierFacts,
  planObligations,
  PlannedObligation,
  reminderSteps,
  validateObligationRules,
} from '@overlegtafels/domain';
import { iso } from '@overlegtafels/domain/testing';
import { WEST_VLAANDEREN } from './west-vlaanderen.region';

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

describe('West-Vlaanderen follow-up rules', () => {
  it('are valid against the region table', () => {
    expect(() => validateObligationRules(WEST_VLAANDEREN)).not.toThrow();
  });

  it('during casusregie: the talk with the clients in two weeks, a report to the overlegtafel after three months', () => {
    expect(overview(planObligations(WEST_VLAANDEREN, DURING))).toEqual({
      'plan-van-aanpak-aan-clienten#0': 'open 2026-03-16T17:00:00+01:00',
      // Start + 3 months = Tuesday 2 June; the overlegtafel of Monday 15 June, deadline Tuesday 9 June.
      'voortgang-op-de-overlegtafel#0': 'open 2026-06-09T12:00:00+02:00',
    });
  });

  it('opens the next report three months after the last one', () => {
    const planned = planObligations(WEST_VLAANDEREN, {
      ...DURING,
      manualFulfilments: [
        {
          ruleKey: 'voortgang-op-de-overlegtafel',
          sequence: 0,
          atMs: Date.parse('2026-06-15T15:00:00+02:00'),
          note: 'besproken',
        },
      ],
    }).filter((o) => o.ruleKey === 'voortgang-op-de-overlegtafel');
    // 15 June + 3 months = 15 September; the overlegtafel of Monday 21 September.
    expect(overview(planned)).toEqual({
      'voortgang-op-de-overlegtafel#0': `fulfilled ${iso(Date.parse('2026-06-09T12:00:00+02:00'))}`,
      'voortgang-op-de-overlegtafel#1': 'open 2026-09-15T12:00:00+02:00',
    });
  });

  it('follows the situation from a distance for six months after the afronding', () => {
    expect(overview(planObligations(WEST_VLAANDEREN, { ...DURING, afrondingDate: '2026-11-17' }))).toEqual({
      'opvolging-op-afstand#0': 'open 2027-05-17T09:00:00+02:00',
    });
  });

  it('counts the afsluiting as the end of the distant follow-up, and evaluates at the next overlegtafel (not on Whit Monday)', () => {
    const planned = planObligations(WEST_VLAANDEREN, {
      ...DURING,
      afrondingDate: '2026-11-17',
      afsluitingDate: '2027-05-12',
    });
    expect(planned.map((o) => [o.key, o.status, o.owner])).toEqual([
      ['opvolging-op-afstand#0', 'fulfilled', { role: 'casusregisseur' }],
      ['evaluatie-op-de-overlegtafel#0', 'open', { role: 'coordinator', table: 'overlegtafel' }],
    ]);
    const evaluation = planned.find((o) => o.ruleKey === 'evaluatie-op-de-overlegtafel')!;
    // The overlegtafel of Monday 17 May 2027 falls on Pinkstermaandag: the one of 31 May.
    expect(iso(evaluation.dueAtMs)).toBe('2027-05-31T13:30:00+02:00');
  });

  it('reminds a week before and on the day, and escalates to the overlegtafel weekly, four times', () => {
    const [talk] = planObligations(WEST_VLAANDEREN, DURING);
    const rule = WEST_VLAANDEREN.obligations!.find((r) => r.key === 'plan-van-aanpak-aan-clienten')!;
    const steps = reminderSteps(talk!, rule, WEST_VLAANDEREN.timeZone);
    expect(steps.map((s) => `${s.kind} ${iso(s.sendAtMs)}`)).toEqual([
      'reminder 2026-03-09T08:30:00+01:00',
      'reminder 2026-03-16T08:30:00+01:00',
      'escalation 2026-03-19T08:30:00+01:00',
      'escalation 2026-03-26T08:30:00+01:00',
      'escalation 2026-04-02T08:30:00+02:00',
      'escalation 2026-04-09T08:30:00+02:00',
    ]);
    expect(steps.filter((s) => s.kind === 'escalation').map((s) => s.to)).toEqual(
      Array(4).fill({ role: 'coordinator', table: 'overlegtafel' }),
    );
  });
});
