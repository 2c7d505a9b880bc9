import { biweeklyTable, fridayTable } from '../testing/table-fixtures.test-util';
import { iso, zdt } from '../testing/zdt.test-util';
import { DossierFacts } from './dossier-facts.model';
import { InvalidObligationInputError } from './obligation.error';
import { obligationEvents } from './obligation-events.policy';
import {
  CHECK_RULE,
  FOLLOW_UP_RULE,
  PLAN_RULE,
  testFacts,
  testRegion,
} from './obligation-fixtures.test-util';
import { PlannedObligation } from './obligation-plan.model';
import { planObligations } from './obligation-plan.policy';
import { ObligationRule } from './obligation-rule.model';

const region = testRegion();

function overview(planned: readonly PlannedObligation[]): Record<string, string> {
  return Object.fromEntries(planned.map((o) => [o.key, `${o.status} ${iso(o.dueAtMs)}`]));
}

/** Casusregie from Monday 2 March 2026. */
const started = testFacts({ casusregieStartDate: '2026-03-02' });

describe('the events in a dossier’s life', () => {
  it('are derived from its dates and decisions, reviews in the order they were taken', () => {
    const events = obligationEvents(
      testFacts({
        casusregieStartDate: '2026-03-02',
        consentVerifiedAtMs: zdt('2026-02-27 10:00'),
        consulentInvolved: true,
        consulentInvolvedSince: '2026-01-15',
        decisions: [
          { id: 'd2', kind: 'pva_besproken', decidedAtMs: zdt('2026-06-09 14:00') },
          {
            id: 'd1',
            kind: 'pva_besproken',
            decidedAtMs: zdt('2026-04-07 14:00'),
            terugkomdatum: '2026-05-01',
          },
          { id: 'd3', kind: 'afronding_niet_goedgekeurd', decidedAtMs: zdt('2026-08-04 14:00') },
        ],
      }),
      'Europe/Brussels',
    );
    expect(events.map((e) => `${e.key}[${e.index}] ${e.date} ${iso(e.atMs)}`)).toEqual([
      // No planned start from an ICO decision: appointed with the start.
      'casusregisseur-aangesteld[0] 2026-03-02 2026-03-02T00:00:00+01:00',
      'casusregie-gestart[0] 2026-03-02 2026-03-02T00:00:00+01:00',
      'instemming-geregistreerd[0] 2026-02-27 2026-02-27T10:00:00+01:00',
      // Involved before the start: counts from the start.
      'consulent-betrokken[0] 2026-03-02 2026-03-02T00:00:00+01:00',
      'pva-besproken[0] 2026-04-07 2026-04-07T14:00:00+02:00',
      'pva-besproken[1] 2026-06-09 2026-06-09T14:00:00+02:00',
    ]);
  });

  it('dates the appointment on the start the ICO planned, and the consultation of the consulent on its day', () => {
    const events = obligationEvents(
      testFacts({ casusregiePlannedStartDate: '2026-03-02', consulentConsultedOn: '2026-08-25' }),
      'Europe/Brussels',
    );
    // Without the consent, casusregie has not started: no `casusregie-gestart`.
    expect(events.map((e) => `${e.key} ${e.date} ${iso(e.atMs)}`)).toEqual([
      'casusregisseur-aangesteld 2026-03-02 2026-03-02T00:00:00+01:00',
      'consulent-geconsulteerd 2026-08-25 2026-08-25T00:00:00+02:00',
    ]);
  });

  it('takes the local date of an instant in the region zone, not in UTC', () => {
    const [heard] = obligationEvents(
      testFacts({ childrenOver12HeardAtMs: zdt('2026-07-01 00:30') }),
      'Europe/Brussels',
    );
    expect(heard?.date).toBe('2026-07-01');
  });
});

describe('planning obligations', () => {
  it('computes session-relative and offset due dates', () => {
    expect(overview(planObligations(region, started))).toEqual({
      // Start + 4 weeks = Monday 30 March; next two-weekly Tuesday 7 April, deadline the Monday before.
      'plan#0': 'open 2026-03-30T12:00:00+02:00',
      // One calendar month after the start, 09:00 in summer time.
      'maandelijkse-check#0': 'open 2026-04-02T09:00:00+02:00',
    });
    const [plan] = planObligations(region, started);
    expect(plan).toMatchObject({
      ruleKey: 'plan',
      sequence: 0,
      trigger: { event: 'casusregie-gestart', index: 0, atMs: zdt('2026-03-02 00:00') },
      opensAtMs: zdt('2026-03-02 00:00'),
      owner: { role: 'casusregisseur' },
      optional: false,
      session: { tableKey: 'tweewekelijks', key: 'tweewekelijks:2026-04-07', date: '2026-04-07' },
      agendering: { table: 'tweewekelijks', itemType: 'plan', sessionKey: 'tweewekelijks:2026-04-07' },
      status: 'open',
    });
  });

  it('takes a session on the bound itself, and skips a holiday', () => {
    // Start + 4 weeks is Tuesday 7 April itself.
    expect(
      overview(planObligations(region, testFacts({ casusregieStartDate: '2026-03-10' })))['plan#0'],
    ).toBe('open 2026-03-30T12:00:00+02:00');
    const christmas = planObligations(
      region,
      testFacts({
        decisions: [
          {
            id: 'd1',
            kind: 'pva_besproken',
            decidedAtMs: zdt('2026-12-01 15:00'),
            terugkomdatum: '2026-12-23',
          },
        ],
      }),
    );
    // Fridays 25 December and 1 January are holidays: the session of 8 January.
    expect(overview(christmas)).toEqual({ 'opvolging#0': 'open 2027-01-08T09:30:00+01:00' });
  });

  it('repeats a month after each time it was done, and closes the chain with the open one', () => {
    const planned = planObligations(
      region,
      testFacts({
        casusregieStartDate: '2026-03-02',
        manualFulfilments: [
          { ruleKey: 'maandelijkse-check', sequence: 1, atMs: zdt('2026-05-20 16:00'), note: 'Gebeld' },
          { ruleKey: 'maandelijkse-check', sequence: 0, atMs: zdt('2026-04-10 15:00'), note: 'Gesprek' },
        ],
      }),
    ).filter((o) => o.ruleKey === 'maandelijkse-check');
    expect(planned.map((o) => `${o.key} ${o.status} ${iso(o.opensAtMs)} → ${iso(o.dueAtMs)}`)).toEqual([
      'maandelijkse-check#0 fulfilled 2026-03-02T00:00:00+01:00 → 2026-04-02T09:00:00+02:00',
      'maandelijkse-check#1 fulfilled 2026-04-10T15:00:00+02:00 → 2026-05-10T09:00:00+02:00',
      'maandelijkse-check#2 open 2026-05-20T16:00:00+02:00 → 2026-06-20T09:00:00+02:00',
    ]);
    expect(planned[1]?.fulfilment).toEqual({ kind: 'manual', atMs: zdt('2026-05-20 16:00'), note: 'Gebeld' });
  });

  it('clamps "one month after 31 January" to the end of February', () => {
    const [, check] = planObligations(region, testFacts({ casusregieStartDate: '2027-01-31' }));
    expect(iso(check?.dueAtMs as number)).toBe('2027-02-28T09:00:00+01:00');
  });

  it('drops open obligations once the end event happened, keeping the fulfilled ones', () => {
    const planned = planObligations(
      region,
      testFacts({
        casusregieStartDate: '2026-03-02',
        afrondingDate: '2026-06-30',
        manualFulfilments: [
          { ruleKey: 'maandelijkse-check', sequence: 0, atMs: zdt('2026-03-30 10:00'), note: 'ok' },
        ],
      }),
    );
    expect(planned.map((o) => `${o.key} ${o.status}`)).toEqual(['maandelijkse-check#0 fulfilled']);
  });

  it('opens one follow-up per review, from its terugkomdatum or else from the review date', () => {
    const facts: DossierFacts = testFacts({
      casusregieStartDate: '2026-03-02',
      decisions: [
        {
          id: 'd1',
          kind: 'pva_besproken',
          decidedAtMs: zdt('2026-04-07 15:00'),
          terugkomdatum: '2026-05-01',
        },
      ],
      agendaItems: [
        // Submitted before the review: it was not a follow-up of it.
        {
          id: 'i0',
          tableKey: 'vrijdagtafel',
          itemType: 'kort',
          submittedAtMs: zdt('2026-04-02 10:00'),
          sessionKey: 'vrijdagtafel:2026-04-10',
          withdrawn: false,
        },
      ],
    });
    expect(overview(planObligations(region, facts))['opvolging#0']).toBe('open 2026-05-01T09:30:00+02:00');
    const withoutDate = planObligations(region, {
      ...facts,
      decisions: [{ id: 'd1', kind: 'pva_besproken', decidedAtMs: zdt('2026-04-07 15:00') }],
    });
    // The first Friday on or after the review.
    expect(overview(withoutDate)['opvolging#0']).toBe('open 2026-04-10T09:30:00+02:00');
  });

  it('does not let one agenda item fulfil two occurrences of a rule', () => {
    const item = {
      id: 'i1',
      tableKey: 'vrijdagtafel',
      itemType: 'lang',
      submittedAtMs: zdt('2026-06-10 10:00'),
      sessionKey: 'vrijdagtafel:2026-06-19',
      withdrawn: false,
    };
    const planned = planObligations(
      region,
      testFacts({
        decisions: [
          {
            id: 'd1',
            kind: 'pva_besproken',
            decidedAtMs: zdt('2026-04-07 15:00'),
            terugkomdatum: '2026-06-19',
          },
          {
            id: 'd2',
            kind: 'pva_besproken',
            decidedAtMs: zdt('2026-05-05 15:00'),
            terugkomdatum: '2026-07-03',
          },
        ],
        agendaItems: [item],
      }),
    );
    expect(planned.map((o) => `${o.key} ${o.status} ${iso(o.dueAtMs)}`)).toEqual([
      'opvolging#0 fulfilled 2026-06-19T09:30:00+02:00',
      'opvolging#1 open 2026-07-03T09:30:00+02:00',
    ]);
  });

  it('falls back to the earliest allowed date when no session is left, and says so', () => {
    const ending = fridayTable({
      recurrence: { weekday: 'friday', everyWeeks: 1, seriesStart: '2026-01-02', seriesEnd: '2026-06-26' },
    });
    const planned = planObligations(
      { ...testRegion([FOLLOW_UP_RULE]), tables: [ending, biweeklyTable()] },
      testFacts({
        decisions: [
          {
            id: 'd1',
            kind: 'pva_besproken',
            decidedAtMs: zdt('2026-06-16 15:00'),
            terugkomdatum: '2026-07-03',
          },
        ],
      }),
    );
    expect(planned).toHaveLength(1);
    expect(iso(planned[0]?.dueAtMs as number)).toBe('2026-07-03T00:00:00+02:00');
    expect(planned[0]?.unresolved).toEqual({
      code: 'NO_SESSION_IN_RANGE',
      table: 'vrijdagtafel',
      searchedFromMs: zdt('2026-07-03 00:00'),
      searchedUntilMs: zdt('2026-07-03 00:00') + 366 * 86_400_000,
    });
    expect(planned[0]?.session).toBeUndefined();
  });

  it('plans a same-as rule with the session of the rule it follows', () => {
    const follower: ObligationRule = {
      ...CHECK_RULE,
      key: 'voor-het-plan',
      repeat: undefined,
      due: { kind: 'same-as', rule: 'plan' },
    };
    const rules = testRegion([follower, PLAN_RULE]);
    const [first] = planObligations(rules, started);
    expect(first?.key).toBe('voor-het-plan#0');
    expect(iso(first?.dueAtMs as number)).toBe('2026-03-30T12:00:00+02:00');
    expect(first?.session?.key).toBe('tweewekelijks:2026-04-07');
    // Agendered for a later session than planned: that session counts.
    const [late] = planObligations(rules, {
      ...started,
      agendaItems: [
        {
          id: 'p',
          tableKey: 'tweewekelijks',
          itemType: 'plan',
          submittedAtMs: zdt('2026-04-01 09:00'),
          sessionKey: 'tweewekelijks:2026-04-21',
          withdrawn: false,
        },
      ],
    });
    expect(iso(late?.dueAtMs as number)).toBe('2026-04-13T12:00:00+02:00');
    // A key that names no session of the series falls back to the plan.
    const [stale] = planObligations(rules, {
      ...started,
      agendaItems: [
        {
          id: 'p',
          tableKey: 'tweewekelijks',
          itemType: 'plan',
          submittedAtMs: zdt('2026-04-01 09:00'),
          sessionKey: 'tweewekelijks:2026-04-22',
          withdrawn: false,
        },
      ],
    });
    expect(iso(stale?.dueAtMs as number)).toBe('2026-03-30T12:00:00+02:00');
  });

  it('plans nothing for a region without rules', () => {
    expect(planObligations(testRegion([]), started)).toEqual([]);
  });

  it('refuses facts that cannot be right', () => {
    const refuse = (facts: DossierFacts) => () => planObligations(region, facts);
    expect(refuse({ ...started, casusregieStartDate: '2026-02-30' })).toThrow(InvalidObligationInputError);
    expect(refuse({ ...started, childrenOver12: -1 })).toThrow(/childrenOver12/);
    expect(refuse({ ...started, consentVerifiedAtMs: Number.NaN })).toThrow(/consentVerifiedAtMs/);
    expect(
      refuse({
        ...started,
        decisions: [
          { id: 'd', kind: 'pva_besproken', decidedAtMs: 0 },
          { id: 'd', kind: 'pva_besproken', decidedAtMs: 1 },
        ],
      }),
    ).toThrow(/decision "d" is listed twice/);
    expect(
      refuse({ ...started, decisions: [{ id: 'd', kind: 'pva-besproken' as never, decidedAtMs: 0 }] }),
    ).toThrow(/unknown kind/);
    expect(
      refuse({ ...started, manualFulfilments: [{ ruleKey: 'plan', sequence: 0, atMs: 0, note: ' ' }] }),
    ).toThrow(/needs a note/);
  });
});

describe('a due date at the session an agendapunt went to', () => {
  const BEFORE_AFRONDING: ObligationRule = {
    ...CHECK_RULE,
    key: 'voor-afronding',
    repeat: undefined,
    due: { kind: 'item-session', table: 'tweewekelijks', itemTypes: ['afronding'], dueAt: 'start' },
    fulfilledBy: [{ kind: 'event', event: 'consulent-geconsulteerd' }],
  };
  const item = (id: string, submitted: string, sessionKey: string, withdrawn = false) => ({
    id,
    tableKey: 'tweewekelijks',
    itemType: 'afronding',
    submittedAtMs: zdt(submitted),
    sessionKey,
    withdrawn,
  });
  const planned = (f: Parameters<typeof testFacts>[0]) =>
    planObligations(testRegion([BEFORE_AFRONDING]), testFacts({ casusregieStartDate: '2026-03-02', ...f }));

  it('waits for the agendapunt, then hangs on the session of the latest one', () => {
    expect(planned({})).toEqual([]);
    const [o] = planned({
      agendaItems: [
        item('a1', '2026-05-01 10:00', 'tweewekelijks:2026-05-19'),
        item('a2', '2026-06-01 10:00', 'tweewekelijks:2026-06-16'),
        // Withdrawn: no fact; on a date that is no session of the table: says nothing.
        item('a3', '2026-06-05 10:00', 'tweewekelijks:2026-06-30', true),
        { ...item('a4', '2026-05-02 10:00', 'tweewekelijks:2026-06-17'), itemType: 'plan' },
      ],
    });
    expect([o?.status, iso(o!.dueAtMs), o?.session?.key]).toEqual([
      'open',
      '2026-06-16T13:00:00+02:00',
      'tweewekelijks:2026-06-16',
    ]);
    expect(planned({ agendaItems: [item('a5', '2026-05-01 10:00', 'tweewekelijks:2026-06-17')] })).toEqual(
      [],
    );
  });
});

describe('a dossier reopened after new incidents: its second life', () => {
  /**
   * The first life: casusregie from Monday 2 March 2026, the plan agendered, the monthly check
   * done by hand, a review with a terugkomdatum, the afronding on 4 August. Reopened on Monday
   * 25 January 2027 at 10:00; the dossier's dates were reset then, and the second casusregie
   * starts on Monday 8 February 2027.
   */
  const firstLife = {
    decisions: [
      {
        id: 'review-1',
        kind: 'pva_besproken' as const,
        decidedAtMs: zdt('2026-04-07 14:00'),
        terugkomdatum: '2026-05-01',
      },
    ],
    agendaItems: [
      {
        id: 'plan-1',
        tableKey: 'tweewekelijks',
        itemType: 'plan',
        submittedAtMs: zdt('2026-03-20 10:00'),
        sessionKey: 'tweewekelijks:2026-04-07',
        withdrawn: false,
      },
    ],
    manualFulfilments: [
      { life: 1, ruleKey: 'maandelijkse-check', sequence: 0, atMs: zdt('2026-04-01 15:00'), note: 'Gesprek' },
    ],
    childrenOver12: 1,
    childrenOver12HeardAtMs: zdt('2026-03-10 11:00'),
  };
  const reopenedAtMs = zdt('2027-01-25 10:00');
  const secondLife = (more: Partial<DossierFacts> = {}) =>
    testFacts({
      ...firstLife,
      life: 2,
      lifeStartedAtMs: reopenedAtMs,
      casusregieStartDate: '2027-02-08',
      ...more,
    });

  it('plans the rules again from the second start, whatever the first life fulfilled', () => {
    const planned = planObligations(region, secondLife());
    expect(
      planned.map((o) => `${o.life} ${o.key} ${o.status} ${iso(o.opensAtMs)} → ${iso(o.dueAtMs)}`),
    ).toEqual([
      // Start + 4 weeks = Monday 8 March 2027; the two-weekly Tuesday 9 March, deadline Monday 1 March.
      '2 plan#0 open 2027-02-08T00:00:00+01:00 → 2027-03-01T12:00:00+01:00',
      // One calendar month after the second start; the first life's "done" counts for nothing here.
      '2 maandelijkse-check#0 open 2027-02-08T00:00:00+01:00 → 2027-03-08T09:00:00+01:00',
      // The first life's review plans no follow-up in the second.
    ]);
    expect(planned[0]?.session?.key).toBe('tweewekelijks:2027-03-09');
    // Only the second life's events: no review, no children heard (they are heard again).
    expect(obligationEvents(secondLife(), 'Europe/Brussels').map((e) => `${e.key} ${e.date}`)).toEqual([
      'casusregisseur-aangesteld 2027-02-08',
      'casusregie-gestart 2027-02-08',
    ]);
  });

  it('fulfils the second life from its own facts, and its own "done" only', () => {
    const planned = planObligations(
      region,
      secondLife({
        agendaItems: [
          ...firstLife.agendaItems,
          {
            id: 'plan-2',
            tableKey: 'tweewekelijks',
            itemType: 'plan',
            submittedAtMs: zdt('2027-02-22 09:00'),
            sessionKey: 'tweewekelijks:2027-03-09',
            withdrawn: false,
          },
        ],
        manualFulfilments: [
          ...firstLife.manualFulfilments,
          // The same rule and sequence, done again in the second life: no clash with the first.
          {
            life: 2,
            ruleKey: 'maandelijkse-check',
            sequence: 0,
            atMs: zdt('2027-03-05 16:00'),
            note: 'Bezoek',
          },
        ],
      }),
    );
    expect(planned.map((o) => `${o.life} ${o.key} ${o.status} → ${iso(o.dueAtMs)}`)).toEqual([
      '2 plan#0 fulfilled → 2027-03-01T12:00:00+01:00',
      '2 maandelijkse-check#0 fulfilled → 2027-03-08T09:00:00+01:00',
      // The next check counts from the second life's "done".
      '2 maandelijkse-check#1 open → 2027-04-05T09:00:00+02:00',
    ]);
    expect(planned[0]?.fulfilment).toMatchObject({ kind: 'agenda-item', agendaItemId: 'plan-2' });
  });

  it('plans nothing for the second life before its casusregie starts, and the first life as before', () => {
    expect(planObligations(region, secondLife({ casusregieStartDate: undefined }))).toEqual([]);
    const first = planObligations(region, testFacts({ ...firstLife, casusregieStartDate: '2026-03-02' }));
    expect(first.map((o) => `${o.life} ${o.key} ${o.status}`)).toEqual([
      '1 plan#0 fulfilled',
      '1 maandelijkse-check#0 fulfilled',
      '1 maandelijkse-check#1 open',
      '1 opvolging#0 open',
    ]);
  });

  it('refuses a life that is not a whole number from 1', () => {
    expect(() => planObligations(region, secondLife({ life: 0 }))).toThrow(InvalidObligationInputError);
    expect(() => planObligations(region, secondLife({ life: 1.5 }))).toThrow(/life must be a whole number/);
  });
});
