import { InvalidInstantError } from '../errors/domain.error';
import { Instant } from '../sessions/session.model';
import { LocalDateString, MS_PER_DAY } from '../time/local-date.util';
import { ZoneOffsets } from '../time/zone-offsets.util';
import { InvalidObligationInputError } from './obligation.error';
import { ObligationParty, ObligationRule } from './obligation-rule.model';
import { addDays, localDateOf, wallClock, weekdayOf } from './obligation-time.util';

/** Escalations are listed this far past the due date unless the rule bounds them itself. */
export const DEFAULT_ESCALATION_HORIZON_DAYS = 365;

/** What reminderSteps needs of an obligation: a planned one or a stored row both fit. */
export interface ObligationForReminders {
  /** The obligation's id (database) or key (plan); steps carry it. */
  readonly key: string;
  readonly dueAtMs: Instant;
  readonly status: 'open' | 'fulfilled' | 'cancelled';
}

export interface ReminderStep {
  readonly obligationKey: string;
  /**
   * Stable and unique within the obligation: `reminder-14d-due-2026-04-13`,
   * `escalation-2-due-2026-04-13`. Lower-case letters, digits and hyphens only, so
   * `<obligation-id>|<stepKey>` is a safe job id. The due date is part of it: when the due date
   * moves, the steps are new ones and the owner is reminded of the new date, while a step sent
   * for the old date stays sent.
   */
  readonly stepKey: string;
  readonly kind: 'reminder' | 'escalation';
  readonly sendAtMs: Instant;
  /** Reminders go to the owner, escalations to the escalation's recipient. */
  readonly to: ObligationParty;
  /** Reminders: whole days before the due date (before any weekend shift). */
  readonly daysBeforeDue?: number;
  /** Escalations: 1 for the first, 2 for the next, … */
  readonly repeat?: number;
}

export interface ReminderStepOptions {
  /** Escalations sent at or before this instant are listed; default: a year after the due date. */
  readonly untilMs?: Instant;
}

/** Saturday → Friday, Sunday → Friday. */
function earlierWorkday(date: LocalDateString): LocalDateString {
  const weekday = weekdayOf(date);
  return weekday === 6 ? addDays(date, -1) : weekday === 7 ? addDays(date, -2) : date;
}

/** Saturday → Monday, Sunday → Monday. */
function laterWorkday(date: LocalDateString): LocalDateString {
  const weekday = weekdayOf(date);
  return weekday === 6 ? addDays(date, 2) : weekday === 7 ? addDays(date, 1) : date;
}

/**
 * The mails an open obligation sends, sorted by moment: reminders to the owner before the due
 * date, then escalations while it stays open. A fulfilled or cancelled obligation sends nothing
 * more, so it has no steps. Days are counted on the calendar of `zone` (the region's), and every
 * step is a wall-clock time there, so a reminder is at 08:00 on both sides of a DST change.
 */
export function reminderSteps(
  obligation: ObligationForReminders,
  rule: ObligationRule,
  zone: string,
  options: ReminderStepOptions = {},
): ReminderStep[] {
  if (typeof obligation.dueAtMs !== 'number' || !Number.isFinite(obligation.dueAtMs)) {
    throw new InvalidInstantError('obligation.dueAtMs', obligation.dueAtMs);
  }
  if (!ZoneOffsets.isValidZone(zone)) throw new InvalidObligationInputError(`unknown time zone "${zone}"`);
  if (obligation.status !== 'open') return [];
  const due = obligation.dueAtMs;
  const dueDate = localDateOf(due, zone);
  const steps: ReminderStep[] = [];

  const { reminders, escalation } = rule;
  for (const days of reminders.daysBeforeDue) {
    let date = addDays(dueDate, -days);
    if (reminders.avoidWeekends) date = earlierWorkday(date);
    steps.push({
      obligationKey: obligation.key,
      stepKey: `reminder-${days}d-due-${dueDate}`,
      kind: 'reminder',
      // Never after the due moment: a due date at 00:00 gets its day-0 reminder at 00:00.
      sendAtMs: Math.min(wallClock(date, reminders.time, zone), due),
      to: rule.owner,
      daysBeforeDue: days,
    });
  }

  if (escalation) {
    const untilMs = options.untilMs ?? due + DEFAULT_ESCALATION_HORIZON_DAYS * MS_PER_DAY;
    if (typeof untilMs !== 'number' || Number.isNaN(untilMs))
      throw new InvalidInstantError('options.untilMs', untilMs);
    const max = escalation.maxRepeats ?? Number.POSITIVE_INFINITY;
    for (let repeat = 1; repeat <= max; repeat++) {
      let date = addDays(dueDate, escalation.firstAfterDays + (repeat - 1) * escalation.repeatEveryDays);
      if (escalation.avoidWeekends) date = laterWorkday(date);
      const sendAtMs = wallClock(date, escalation.time, zone);
      if (sendAtMs > untilMs) break;
      steps.push({
        obligationKey: obligation.key,
        stepKey: `escalation-${repeat}-due-${dueDate}`,
        kind: 'escalation',
        sendAtMs,
        to: escalation.to,
        repeat,
      });
    }
  }
  return steps.sort(compareSteps);
}

export function compareSteps(a: ReminderStep, b: ReminderStep): number {
  return a.sendAtMs - b.sendAtMs || (a.stepKey < b.stepKey ? -1 : a.stepKey > b.stepKey ? 1 : 0);
}

/**
 * The steps of one obligation to send now, given those already sent: per kind (reminders,
 * escalations) at most the latest step whose moment has come, if it was not sent yet. An earlier
 * unsent step is superseded by a later one that is also due, so after a worker outage each kind
 * catches up with one mail (the most recent, the one that says what is true now), never one per
 * missed day, and a second worker or a restart that calls this again finds it sent. The mails
 * must therefore state the due date as a date, not as "in two days": a caught-up reminder may be
 * late.
 *
 * Pass the steps of an open obligation (reminderSteps gives none for a fulfilled one): a step of
 * a fulfilled obligation is never due.
 */
export function dueSteps(
  steps: readonly ReminderStep[],
  sentStepKeys: Iterable<string>,
  nowMs: Instant,
): ReminderStep[] {
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs)) throw new InvalidInstantError('nowMs', nowMs);
  const owner = steps[0]?.obligationKey;
  if (steps.some((s) => s.obligationKey !== owner)) {
    throw new InvalidObligationInputError('dueSteps takes the steps of one obligation at a time');
  }
  const sent = sentStepKeys instanceof Set ? (sentStepKeys as ReadonlySet<string>) : new Set(sentStepKeys);
  const latest = new Map<ReminderStep['kind'], ReminderStep>();
  for (const step of steps) {
    if (step.sendAtMs > nowMs) continue;
    const current = latest.get(step.kind);
    if (!current || compareSteps(step, current) > 0) latest.set(step.kind, step);
  }
  return [...latest.values()].filter((step) => !sent.has(step.stepKey)).sort(compareSteps);
}

/** The deterministic id of the mail job of one step: the same step is one job, however often queued. */
export function reminderJobId(obligationId: string, stepKey: string): string {
  return `${obligationId}|${stepKey}`;
}
