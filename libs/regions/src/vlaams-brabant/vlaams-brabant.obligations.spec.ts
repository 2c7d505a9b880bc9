import {
  applyDecision,
  DossierFacts,
  newDossierState,
  planObligations,
  PlannedObligation,
  reminderSteps,
  validateObligationRules,
} from '@overlegtafels/domain';
import { iso } from '@overlegtafels/domain/testing';
import { VLAAMS_BRABANT } from './vlaams-brabant.region';

function facts(traject: string): DossierFacts {
  return {
    casusregieStartDate: '2026-03-02',
    traject,
    consulentInvolved: false,
    childrenOver12: 0,
    decisions: [],
    agendaItems: [],
    manualFulfilments: [],
  };
}

function overview(planned: readonly PlannedObligation[]): Record<string, string> {
  return Object.fromEntries(planned.map((o) => [o.key, `${o.status} ${iso(o.dueAtMs)}`]));
}

describe('Vlaams-Brabant follow-up rules (illustrative)', () => {
  it('are valid against the region tables', () => {
    expect(() => validateObligationRules(VLAAMS_BRABANT)).not.toThrow();
  });

  it('give case support in spoor 2 an evaluation after four months and an end after six', () => {
    expect(overview(planObligations(VLAAMS_BRABANT, facts('spoor-2')))).toEqual({
      'spoor-2-evaluatie#0': 'open 2026-07-02T09:00:00+02:00',
      'spoor-2-einde#0': 'open 2026-09-02T09:00:00+02:00',
    });
  });

  it('give intensive casusregie in spoor 3 a plan on the four-weekly casusoverleg and an evaluation after a year', () => {
    const planned = planObligations(VLAAMS_BRABANT, facts('spoor-3'));
    expect(overview(planned)).toEqual({
      // Start + 6 weeks = 13 April; the casusoverleg of Thursday 7 May, deadline a week before at 12:00.
      'spoor-3-plan-van-aanpak#0': 'open 2026-04-30T12:00:00+02:00',
      // Start + 12 months = 2 March 2027; the casusoverleg of 11 March, due at its start.
      'spoor-3-evaluatie-na-een-jaar#0': 'open 2027-03-11T13:30:00+01:00',
    });
  });

  it('escalate every two weeks, six times at most', () => {
    const [plan] = planObligations(VLAAMS_BRABANT, facts('spoor-3'));
    const rule = VLAAMS_BRABANT.obligations?.find((r) => r.key === 'spoor-3-plan-van-aanpak');
    const steps = reminderSteps(
      plan as PlannedObligation,
      rule as NonNullable<typeof rule>,
      VLAAMS_BRABANT.timeZone,
    );
    expect(steps.map((s) => `${s.kind} ${iso(s.sendAtMs)}`)).toEqual([
      'reminder 2026-04-16T08:30:00+02:00',
      'reminder 2026-04-30T08:30:00+02:00',
      // Two days after Thursday 30 April is a Saturday: Monday 4 May.
      'escalation 2026-05-04T08:30:00+02:00',
      'escalation 2026-05-18T08:30:00+02:00',
      'escalation 2026-06-01T08:30:00+02:00',
      'escalation 2026-06-15T08:30:00+02:00',
      'escalation 2026-06-29T08:30:00+02:00',
      'escalation 2026-07-13T08:30:00+02:00',
    ]);
  });

  it('give a closed dossier to the strategic coordinators for a last check, six weeks after the afsluiting', () => {
    const closed = planObligations(VLAAMS_BRABANT, {
      ...facts('spoor-3'),
      afrondingDate: '2027-02-15',
      afsluitingDate: '2027-03-11',
    }).filter((o) => o.ruleKey === 'kwaliteitscontrole');
    expect(closed.map((o) => [o.key, o.status, iso(o.dueAtMs), o.owner])).toEqual([
      ['kwaliteitscontrole#0', 'open', '2027-04-22T09:00:00+02:00', { role: 'strategisch-coordinator' }],
    ]);
  });

  it('plan from the traject the triage overleg recorded with its decision', () => {
    const triage = (traject: string) =>
      applyDecision(
        newDossierState(VLAAMS_BRABANT.dossierLife),
        {
          kind: 'met_casusregie',
          casusregisseurId: 'cr-1',
          startDate: '2026-03-02',
          consent: { verifiedById: 'co-1', verifiedOn: '2026-02-25', adultFamilyMemberConsented: true },
        },
        {
          decisionDate: '2026-02-25',
          tableKey: 'triage-overleg',
          itemType: 'aanmelding',
          life: VLAAMS_BRABANT.dossierLife,
          traject,
        },
      );
    const planned = (traject: string) => {
      const outcome = triage(traject);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.next).toMatchObject({ phase: 'casusregie', casusregieStartDate: '2026-03-02', traject });
      return overview(
        planObligations(VLAAMS_BRABANT, { ...facts('ignored'), traject: outcome.next.traject }),
      );
    };
    expect(planned('spoor-2')).toEqual({
      'spoor-2-evaluatie#0': 'open 2026-07-02T09:00:00+02:00',
      'spoor-2-einde#0': 'open 2026-09-02T09:00:00+02:00',
    });
    expect(planned('spoor-3')).toEqual({
      'spoor-3-plan-van-aanpak#0': 'open 2026-04-30T12:00:00+02:00',
      'spoor-3-evaluatie-na-een-jaar#0': 'open 2027-03-11T13:30:00+01:00',
    });
    expect(triage('spoor-4')).toMatchObject({ ok: false, code: 'FIELD_INVALID', field: 'traject' });
  });

  it('plan nothing for a dossier outside a track', () => {
    expect(planObligations(VLAAMS_BRABANT, { ...facts('spoor-1') })).toEqual([]);
  });
});
