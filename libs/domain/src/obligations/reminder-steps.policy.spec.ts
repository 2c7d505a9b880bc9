import fc from 'fast-check';
import { InvalidInstantError } from '../errors/domain.error';
import { iso, zdt } from '../testing/zdt.test-util';
import { InvalidObligationInputError } from './obligation.error';
import { CHECK_RULE, PLAN_RULE } from './obligation-fixtures.test-util';
import { ObligationRule } from './obligation-rule.model';
import {
  dueSteps,
  ObligationForReminders,
  reminderJobId,
  ReminderStep,
  reminderSteps,
} from './reminder-steps.policy';

const ZONE = 'Europe/Brussels';

function open(due: string, key = 'o1'): ObligationForReminders {
  return { key, dueAtMs: zdt(due), status: 'open' };
}

function lines(steps: readonly ReminderStep[]): string[] {
  return steps.map((s) => `${s.stepKey} ${iso(s.sendAtMs)}`);
}

describe('the reminder steps of an obligation', () => {
  it('reminds on calendar days at 08:00, also on the night the clocks go forward', () => {
    const steps = reminderSteps(open('2026-03-30 12:00'), PLAN_RULE, ZONE, {
      untilMs: zdt('2026-04-08 00:00'),
    });
    expect(lines(steps)).toEqual([
      'reminder-7d-due-2026-03-30 2026-03-23T08:00:00+01:00',
      // Sunday 29 March, the day of the change: 08:00 summer time.
      'reminder-1d-due-2026-03-30 2026-03-29T08:00:00+02:00',
      'reminder-0d-due-2026-03-30 2026-03-30T08:00:00+02:00',
      'escalation-1-due-2026-03-30 2026-03-31T08:00:00+02:00',
      'escalation-2-due-2026-03-30 2026-04-07T08:00:00+02:00',
    ]);
    expect(steps[0]).toEqual({
      obligationKey: 'o1',
      stepKey: 'reminder-7d-due-2026-03-30',
      kind: 'reminder',
      sendAtMs: zdt('2026-03-23 08:00'),
      to: { role: 'casusregisseur' },
      daysBeforeDue: 7,
    });
    expect(steps[3]).toMatchObject({
      kind: 'escalation',
      repeat: 1,
      to: { role: 'coordinator', table: 'tweewekelijks' },
    });
  });

  it('keeps the wall-clock time when the clocks go back', () => {
    const steps = reminderSteps(open('2026-10-26 12:00'), PLAN_RULE, ZONE, {
      untilMs: zdt('2026-10-28 00:00'),
    });
    expect(lines(steps)).toEqual([
      'reminder-7d-due-2026-10-26 2026-10-19T08:00:00+02:00',
      // Sunday 25 October, the day of the change.
      'reminder-1d-due-2026-10-26 2026-10-25T08:00:00+01:00',
      'reminder-0d-due-2026-10-26 2026-10-26T08:00:00+01:00',
      'escalation-1-due-2026-10-26 2026-10-27T08:00:00+01:00',
    ]);
  });

  it('moves weekend reminders to the Friday before and weekend escalations to the Monday after', () => {
    const rule: ObligationRule = {
      ...PLAN_RULE,
      reminders: { daysBeforeDue: [2, 1], time: '08:00', avoidWeekends: true },
      escalation: {
        ...(PLAN_RULE.escalation as NonNullable<ObligationRule['escalation']>),
        avoidWeekends: true,
      },
    };
    // Due Monday 16 November: two days before is Saturday, one day before Sunday.
    expect(
      lines(reminderSteps(open('2026-11-16 12:00'), rule, ZONE, { untilMs: zdt('2026-11-18 00:00') })),
    ).toEqual([
      'reminder-1d-due-2026-11-16 2026-11-13T08:00:00+01:00',
      'reminder-2d-due-2026-11-16 2026-11-13T08:00:00+01:00',
      'escalation-1-due-2026-11-16 2026-11-17T08:00:00+01:00',
    ]);
    // Due Friday 20 November: the day after is Saturday.
    expect(
      lines(reminderSteps(open('2026-11-20 12:00'), rule, ZONE, { untilMs: zdt('2026-12-01 00:00') })).filter(
        (l) => l.startsWith('escalation'),
      ),
    ).toEqual([
      'escalation-1-due-2026-11-20 2026-11-23T08:00:00+01:00',
      'escalation-2-due-2026-11-20 2026-11-30T08:00:00+01:00',
    ]);
  });

  it('never reminds after the due moment', () => {
    // Due at 00:00: the day-0 reminder goes out at the due moment instead of 08:00.
    expect(
      lines(reminderSteps(open('2026-11-20 00:00'), PLAN_RULE, ZONE, { untilMs: zdt('2026-11-20 00:00') })),
    ).toEqual([
      'reminder-7d-due-2026-11-20 2026-11-13T08:00:00+01:00',
      'reminder-1d-due-2026-11-20 2026-11-19T08:00:00+01:00',
      'reminder-0d-due-2026-11-20 2026-11-20T00:00:00+01:00',
    ]);
  });

  it('escalates up to the horizon, a year by default, or as often as the rule says', () => {
    const steps = reminderSteps(open('2026-03-30 12:00'), PLAN_RULE, ZONE);
    const escalations = steps.filter((s) => s.kind === 'escalation');
    // Weekly from Tuesday 31 March 2026 up to Tuesday 30 March 2027, 365 days after the due moment.
    expect(escalations).toHaveLength(53);
    expect(iso(escalations.at(-1)?.sendAtMs as number)).toBe('2027-03-30T08:00:00+02:00');
    const bounded: ObligationRule = {
      ...PLAN_RULE,
      escalation: { ...(PLAN_RULE.escalation as NonNullable<ObligationRule['escalation']>), maxRepeats: 2 },
    };
    expect(
      reminderSteps(open('2026-03-30 12:00'), bounded, ZONE).filter((s) => s.kind === 'escalation'),
    ).toHaveLength(2);
    expect(reminderSteps(open('2026-03-30 12:00'), CHECK_RULE, ZONE).map((s) => s.kind)).toEqual([
      'reminder',
    ]);
  });

  it('has no steps once fulfilled or cancelled', () => {
    expect(
      reminderSteps({ key: 'o', dueAtMs: zdt('2026-03-30 12:00'), status: 'fulfilled' }, PLAN_RULE, ZONE),
    ).toEqual([]);
    expect(
      reminderSteps({ key: 'o', dueAtMs: zdt('2026-03-30 12:00'), status: 'cancelled' }, PLAN_RULE, ZONE),
    ).toEqual([]);
  });

  it('refuses an unusable due date or zone', () => {
    expect(() => reminderSteps({ key: 'o', dueAtMs: Number.NaN, status: 'open' }, PLAN_RULE, ZONE)).toThrow(
      InvalidInstantError,
    );
    expect(() => reminderSteps(open('2026-03-30 12:00'), PLAN_RULE, 'Europe/Antwerpen')).toThrow(
      InvalidObligationInputError,
    );
  });

  it('gives each step a job id that is safe for a queue', () => {
    const [step] = reminderSteps(
      open('2026-03-30 12:00', '6f1c1d2e-0000-4000-8000-000000000001'),
      PLAN_RULE,
      ZONE,
    );
    expect(reminderJobId(step?.obligationKey as string, step?.stepKey as string)).toBe(
      '6f1c1d2e-0000-4000-8000-000000000001|reminder-7d-due-2026-03-30',
    );
    expect(step?.stepKey).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('the steps to send now', () => {
  const steps = reminderSteps(open('2026-03-30 12:00'), PLAN_RULE, ZONE, {
    untilMs: zdt('2026-04-30 00:00'),
  });

  it('sends a step once its moment has come, and not again', () => {
    expect(dueSteps(steps, [], zdt('2026-03-23 07:59:59.999'))).toEqual([]);
    expect(lines(dueSteps(steps, [], zdt('2026-03-23 08:00')))).toEqual([
      'reminder-7d-due-2026-03-30 2026-03-23T08:00:00+01:00',
    ]);
    expect(dueSteps(steps, ['reminder-7d-due-2026-03-30'], zdt('2026-03-25 08:00'))).toEqual([]);
  });

  it('catches up with the latest reminder and the latest escalation only', () => {
    expect(lines(dueSteps(steps, ['reminder-7d-due-2026-03-30'], zdt('2026-04-10 12:00')))).toEqual([
      'reminder-0d-due-2026-03-30 2026-03-30T08:00:00+02:00',
      'escalation-2-due-2026-03-30 2026-04-07T08:00:00+02:00',
    ]);
    // Once those are sent, the superseded ones stay unsent.
    expect(
      dueSteps(steps, ['reminder-0d-due-2026-03-30', 'escalation-2-due-2026-03-30'], zdt('2026-04-13 12:00')),
    ).toEqual([]);
  });

  it('accepts the sent keys as a set', () => {
    const sent = new Set(['reminder-7d-due-2026-03-30']);
    expect(dueSteps(steps, sent, zdt('2026-03-29 08:00')).map((s) => s.stepKey)).toEqual([
      'reminder-1d-due-2026-03-30',
    ]);
  });

  it('takes one obligation at a time and a real instant', () => {
    const other = reminderSteps(open('2026-03-30 12:00', 'o2'), PLAN_RULE, ZONE);
    expect(() => dueSteps([...steps, ...other], [], zdt('2026-04-01 00:00'))).toThrow(
      InvalidObligationInputError,
    );
    expect(() => dueSteps(steps, [], Number.POSITIVE_INFINITY)).toThrow(InvalidInstantError);
    expect(dueSteps([], [], zdt('2026-04-01 00:00'))).toEqual([]);
  });
});

describe('properties of reminder steps', () => {
  const dueAt = fc.integer({ min: zdt('2026-01-01 00:00'), max: zdt('2031-01-01 00:00') });
  const rule = fc
    .record({
      days: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }),
      reminderHour: fc.integer({ min: 0, max: 23 }),
      avoidWeekends: fc.boolean(),
      firstAfterDays: fc.integer({ min: 1, max: 10 }),
      repeatEveryDays: fc.integer({ min: 1, max: 14 }),
      escalationHour: fc.integer({ min: 0, max: 23 }),
      escalate: fc.boolean(),
    })
    .map((r): ObligationRule => ({
      ...PLAN_RULE,
      reminders: {
        daysBeforeDue: r.days,
        time: `${String(r.reminderHour).padStart(2, '0')}:00`,
        avoidWeekends: r.avoidWeekends,
      },
      ...(r.escalate
        ? {
            escalation: {
              to: { role: 'coordinator', table: 'tweewekelijks' },
              firstAfterDays: r.firstAfterDays,
              repeatEveryDays: r.repeatEveryDays,
              time: `${String(r.escalationHour).padStart(2, '0')}:30`,
              avoidWeekends: r.avoidWeekends,
            },
          }
        : { escalation: undefined }),
    }));

  it('are sorted, uniquely keyed, reminders not after the due moment, escalations after it', () => {
    fc.assert(
      fc.property(dueAt, rule, (due, r) => {
        const steps = reminderSteps({ key: 'o', dueAtMs: due, status: 'open' }, r, ZONE, {
          untilMs: due + 60 * 86_400_000,
        });
        for (let i = 1; i < steps.length; i++) {
          expect((steps[i] as ReminderStep).sendAtMs).toBeGreaterThanOrEqual(
            (steps[i - 1] as ReminderStep).sendAtMs,
          );
        }
        expect(new Set(steps.map((s) => s.stepKey)).size).toBe(steps.length);
        for (const s of steps) {
          if (s.kind === 'reminder') expect(s.sendAtMs).toBeLessThanOrEqual(due);
          else expect(s.sendAtMs).toBeGreaterThan(due);
          expect(s.stepKey).toMatch(/^[a-z0-9-]+$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never send a step twice, at most one per kind at a time, and nothing once fulfilled', () => {
    const run = fc.record({
      due: dueAt,
      rule,
      // Minutes between cron runs, with outages of up to two weeks.
      gaps: fc.array(fc.integer({ min: 1, max: 20_160 }), { minLength: 1, maxLength: 60 }),
      fulfilledAfterMinutes: fc.option(fc.integer({ min: 0, max: 90 * 1440 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(run, ({ due, rule: r, gaps, fulfilledAfterMinutes }) => {
        const start = due - 35 * 86_400_000;
        const fulfilledAt =
          fulfilledAfterMinutes === undefined
            ? Number.POSITIVE_INFINITY
            : start + fulfilledAfterMinutes * 60_000;
        const sent = new Set<string>();
        let now = start;
        for (const gap of gaps) {
          now += gap * 60_000;
          const status = now >= fulfilledAt ? 'fulfilled' : 'open';
          const steps = reminderSteps({ key: 'o', dueAtMs: due, status }, r, ZONE, {
            untilMs: due + 120 * 86_400_000,
          });
          const toSend = dueSteps(steps, sent, now);
          expect(new Set(toSend.map((s) => s.kind)).size).toBe(toSend.length);
          for (const step of toSend) {
            expect(sent.has(step.stepKey)).toBe(false);
            expect(step.sendAtMs).toBeLessThanOrEqual(now);
            expect(now).toBeLessThan(fulfilledAt);
            sent.add(step.stepKey);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
