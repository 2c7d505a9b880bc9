import { DomainError } from '../errors/domain.error';
import { InvalidObligationRuleError } from './obligation.error';
import { CHECK_RULE, FOLLOW_UP_RULE, PLAN_RULE, testRegion } from './obligation-fixtures.test-util';
import { ObligationRule } from './obligation-rule.model';
import { validateObligationRules } from './obligation-rules.policy';

function problemWith(...rules: ObligationRule[]): string {
  try {
    validateObligationRules(testRegion(rules));
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidObligationRuleError);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as InvalidObligationRuleError).code).toBe('INVALID_OBLIGATION_RULE');
    return (error as Error).message;
  }
  throw new Error('expected the rules to be refused');
}

describe('validating a region’s obligation rules', () => {
  it('accepts consistent rules and returns them by key', () => {
    const rules = validateObligationRules(testRegion());
    expect([...rules.keys()]).toEqual(['plan', 'maandelijkse-check', 'opvolging']);
  });

  it('accepts a region without rules', () => {
    expect(validateObligationRules(testRegion([])).size).toBe(0);
  });

  it('names the first problem', () => {
    expect(problemWith(PLAN_RULE, { ...CHECK_RULE, key: 'plan' })).toBe(
      'obligation rule "plan": is listed twice',
    );
    expect(problemWith({ ...PLAN_RULE, key: 'Plan Eén' })).toMatch(/lower-case words/);
    expect(problemWith({ ...PLAN_RULE, label: ' ' })).toMatch(/Dutch label/);
    expect(problemWith({ ...PLAN_RULE, trigger: 'ontslag' as never })).toMatch(/unknown event "ontslag"/);
    expect(problemWith({ ...PLAN_RULE, due: { ...PLAN_RULE.due, table: 'ico' } as never })).toBe(
      'obligation rule "plan": due.table: the region has no table "ico"',
    );
    expect(problemWith({ ...PLAN_RULE, agendering: { table: 'tweewekelijks', itemType: 'vraag' } })).toBe(
      'obligation rule "plan": agendering: table "tweewekelijks" has no item type "vraag"',
    );
    expect(
      problemWith({
        ...PLAN_RULE,
        fulfilledBy: [{ kind: 'agenda-item', table: 'vrijdagtafel', itemTypes: ['plan'] }],
      }),
    ).toMatch(/table "vrijdagtafel" has no item type "plan"/);
    expect(problemWith({ ...PLAN_RULE, fulfilledBy: [] })).toMatch(/fulfilledBy/);
    expect(
      problemWith({
        ...PLAN_RULE,
        fulfilledBy: [{ kind: 'decision', decisionKinds: ['pva-besproken' as never] }],
      }),
    ).toMatch(/unknown kind "pva-besproken"/);
  });

  it('accepts the strategic coordinators as owner and escalation, and forms that name who is told', () => {
    const strategic: ObligationRule = {
      ...CHECK_RULE,
      owner: { role: 'strategisch-coordinator' },
      escalation: {
        to: { role: 'strategisch-coordinator' },
        firstAfterDays: 1,
        repeatEveryDays: 7,
        time: '08:00',
        avoidWeekends: true,
      },
      fulfilledBy: [
        { kind: 'form', form: 'kwaliteitscontrole', reportTo: { role: 'strategisch-coordinator' } },
      ],
    };
    expect([...validateObligationRules(testRegion([PLAN_RULE, strategic])).keys()]).toEqual([
      'plan',
      'maandelijkse-check',
    ]);
    expect(problemWith({ ...CHECK_RULE, fulfilledBy: [{ kind: 'form', form: 'enquête' as never }] })).toBe(
      'obligation rule "maandelijkse-check": fulfilledBy form: unknown form "enquête"',
    );
    expect(
      problemWith({
        ...CHECK_RULE,
        fulfilledBy: [{ kind: 'form', form: 'vervolghulp', reportTo: { role: 'coordinator', table: 'ico' } }],
      }),
    ).toBe('obligation rule "maandelijkse-check": fulfilledBy form reportTo: the region has no table "ico"');
    expect(problemWith({ ...CHECK_RULE, owner: { role: 'directeur' } as never })).toMatch(
      /owner: unknown role "directeur"/,
    );
  });

  it('checks a due date at the session of an agendapunt against the table and its item types', () => {
    const onItem: ObligationRule = {
      ...CHECK_RULE,
      repeat: undefined,
      due: { kind: 'item-session', table: 'tweewekelijks', itemTypes: ['plan'], dueAt: 'deadline' },
    };
    expect(validateObligationRules(testRegion([onItem])).has('maandelijkse-check')).toBe(true);
    expect(problemWith({ ...onItem, due: { ...onItem.due, itemTypes: ['vraag'] } as never })).toBe(
      'obligation rule "maandelijkse-check": due.item-session: table "tweewekelijks" has no item type "vraag"',
    );
    expect(problemWith({ ...onItem, due: { ...onItem.due, itemTypes: [] } as never })).toMatch(
      /list at least one item type/,
    );
    expect(problemWith({ ...onItem, due: { ...onItem.due, dueAt: 'eind' } as never })).toMatch(/due.dueAt/);
    expect(problemWith({ ...onItem, repeat: 'after-fulfilment' })).toMatch(/needs its own due date/);
  });

  it('checks times, durations, reminder days and escalation steps', () => {
    expect(problemWith({ ...CHECK_RULE, due: { ...CHECK_RULE.due, time: '9:00' } as never })).toMatch(
      /due.time is not HH:mm/,
    );
    expect(
      problemWith({
        ...CHECK_RULE,
        due: { ...CHECK_RULE.due, offset: { amount: 1.5, unit: 'months' } } as never,
      }),
    ).toMatch(/whole number/);
    expect(
      problemWith({
        ...CHECK_RULE,
        due: { ...CHECK_RULE.due, offset: { amount: 1, unit: 'years' } } as never,
      }),
    ).toMatch(/unknown unit "years"/);
    expect(
      problemWith({ ...PLAN_RULE, reminders: { ...PLAN_RULE.reminders, daysBeforeDue: [7, 7] } }),
    ).toMatch(/lists 7 twice/);
    expect(problemWith({ ...PLAN_RULE, reminders: { ...PLAN_RULE.reminders, daysBeforeDue: [-1] } })).toMatch(
      /daysBeforeDue must be a whole number from 0/,
    );
    const escalation = PLAN_RULE.escalation as NonNullable<ObligationRule['escalation']>;
    expect(problemWith({ ...PLAN_RULE, escalation: { ...escalation, firstAfterDays: 0 } })).toMatch(
      /firstAfterDays must be a whole number from 1/,
    );
    expect(
      problemWith({ ...PLAN_RULE, escalation: { ...escalation, to: { role: 'coordinator', table: 'ico' } } }),
    ).toMatch(/escalation.to: the region has no table "ico"/);
  });

  it('never escalates an optional obligation', () => {
    expect(problemWith({ ...PLAN_RULE, optional: true })).toMatch(/optional obligation is never escalated/);
  });

  it('repeats only rules with a trigger that happens once and a due date of their own', () => {
    expect(problemWith({ ...FOLLOW_UP_RULE, repeat: 'after-fulfilment' })).toMatch(/repeating event/);
    expect(problemWith(PLAN_RULE, { ...CHECK_RULE, due: { kind: 'same-as', rule: 'plan' } })).toMatch(
      /repeating rule needs its own due date/,
    );
  });

  it('lets same-as name an existing rule, without a circle', () => {
    const a: ObligationRule = {
      ...CHECK_RULE,
      key: 'a',
      repeat: undefined,
      due: { kind: 'same-as', rule: 'b' },
    };
    const b: ObligationRule = {
      ...CHECK_RULE,
      key: 'b',
      repeat: undefined,
      due: { kind: 'same-as', rule: 'a' },
    };
    expect(problemWith(a, b)).toMatch(/goes round in a circle/);
    expect(problemWith(a)).toBe('obligation rule "a": due.same-as: no rule "b"');
    expect(problemWith({ ...a, due: { kind: 'same-as', rule: 'a' } })).toMatch(/the rule itself/);
    expect(() =>
      validateObligationRules(testRegion([PLAN_RULE, { ...a, due: { kind: 'same-as', rule: 'plan' } }])),
    ).not.toThrow();
  });
});
