import { holidayOn } from '../calendar/holiday-calendar.policy';
import { InvalidTableDefinitionError } from '../errors/domain.error';
import { ORGANISATION_KIND_KEY, ROLES } from '../organisation/organisation-kind';
import { Instant, Session } from '../sessions/session.model';
import {
  civilDate,
  epochDay,
  formatLocalDate,
  isoWeekday,
  parseLocalDate,
  parseLocalTime,
  WEEKDAYS,
  weekdayNumber,
} from '../time/local-date.util';
import { ZoneOffsets } from '../time/zone-offsets.util';
import { ItemTypeDefinition, RelativeMoment, TableDefinition } from './table-definition.model';

/** A relative moment reduced to arithmetic: so many days before the session date, at a wall time. */
export interface ResolvedMoment {
  readonly daysBefore: number;
  readonly minuteOfDay: number;
}

/** What the calendar state says about one series slot; the schedule turns it into a Session. */
export interface SlotDecision {
  readonly cancellationReason?: string;
  readonly move?: {
    readonly day: number;
    readonly startMinute: number;
    readonly endMinute: number;
    readonly reason: string;
  };
  readonly closedReason?: string;
  readonly capacity?: { readonly capacityMinutes: number; readonly reason: string };
}

interface OpenBlock {
  readonly sessions: readonly Session[];
  readonly deadlines: readonly number[];
}

const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Instants the engine reasons about: enough for any real agenda, safe for Date arithmetic. */
const FIRST_SUPPORTED_DAY = epochDay(1000, 1, 1);
const LAST_SUPPORTED_DAY = epochDay(9999, 12, 31);

/**
 * A table definition checked once and compiled into integers: series anchor as an epoch day,
 * deadlines as day offsets. Holds a per-year cache of the sessions an empty calendar yields, so
 * that placing a submission is a binary search over precomputed instants.
 */
export class TableSchedule {
  private static readonly compiled = new WeakMap<TableDefinition, TableSchedule>();

  readonly key: string;
  readonly zone: ZoneOffsets;
  readonly anchorDay: number;
  readonly lastDay: number;
  readonly periodDays: number;
  readonly startMinute: number;
  readonly endMinute: number;
  readonly deadline: ResolvedMoment;
  readonly preparation: ResolvedMoment;
  readonly freeze: ResolvedMoment;
  readonly agendaSend: ResolvedMoment;
  private readonly itemTypesByKey: ReadonlyMap<string, ItemTypeDefinition>;
  private readonly openBlocks = new Map<number, OpenBlock>();

  private constructor(readonly definition: TableDefinition) {
    const def = definition;
    const fail = (problem: string): never => {
      throw new InvalidTableDefinitionError(def.key, problem);
    };
    if (!KEY_PATTERN.test(def.key)) fail('key must be lower-case words joined by hyphens');
    if (!ZoneOffsets.isValidZone(def.timeZone)) fail(`unknown time zone "${def.timeZone}"`);
    this.key = def.key;
    this.zone = ZoneOffsets.of(def.timeZone);

    const { recurrence } = def;
    if (!WEEKDAYS.includes(recurrence.weekday)) fail(`unknown weekday "${recurrence.weekday}"`);
    if (!Number.isInteger(recurrence.everyWeeks) || recurrence.everyWeeks < 1 || recurrence.everyWeeks > 52) {
      fail('recurrence.everyWeeks must be a whole number from 1 to 52');
    }
    const anchor =
      parseLocalDate(recurrence.seriesStart) ?? fail('recurrence.seriesStart is not a yyyy-mm-dd date');
    const sessionWeekday = weekdayNumber(recurrence.weekday);
    if (isoWeekday(anchor) !== sessionWeekday) {
      fail(`recurrence.seriesStart ${recurrence.seriesStart} is not a ${recurrence.weekday}`);
    }
    this.anchorDay = anchor;
    this.periodDays = recurrence.everyWeeks * 7;
    if (recurrence.seriesEnd === undefined) {
      this.lastDay = LAST_SUPPORTED_DAY;
    } else {
      const end =
        parseLocalDate(recurrence.seriesEnd) ?? fail('recurrence.seriesEnd is not a yyyy-mm-dd date');
      if (end < anchor) fail('recurrence.seriesEnd is before seriesStart');
      this.lastDay = Math.min(end, LAST_SUPPORTED_DAY);
    }

    this.startMinute = parseLocalTime(def.hours.start) ?? fail('hours.start is not HH:mm');
    this.endMinute = parseLocalTime(def.hours.end) ?? fail('hours.end is not HH:mm');
    if (this.endMinute <= this.startMinute) fail('hours.end must be after hours.start on the same day');

    const resolve = (name: string, moment: RelativeMoment): ResolvedMoment => {
      if (!Number.isInteger(moment.weeksBefore) || moment.weeksBefore < 0 || moment.weeksBefore > 52) {
        fail(`${name}.weeksBefore must be a whole number from 0 to 52`);
      }
      if (!WEEKDAYS.includes(moment.weekday)) fail(`${name}: unknown weekday "${moment.weekday}"`);
      const minuteOfDay = parseLocalTime(moment.time) ?? fail(`${name}.time is not HH:mm`);
      const daysBefore = moment.weeksBefore * 7 + sessionWeekday - weekdayNumber(moment.weekday);
      if (daysBefore < 0 || (daysBefore === 0 && minuteOfDay > this.startMinute)) {
        fail(`${name} falls after the start of the session`);
      }
      return { daysBefore, minuteOfDay };
    };
    this.deadline = resolve('submissionDeadline', def.submissionDeadline);
    this.preparation = resolve('preparationStart', def.preparationStart);
    const freezeRef = 'sameAs' in def.freeze;
    const sendRef = 'sameAs' in def.agendaSend;
    if (freezeRef && sendRef) fail('freeze and agendaSend cannot both refer to each other');
    if (freezeRef) {
      this.agendaSend = resolve('agendaSend', def.agendaSend as RelativeMoment);
      this.freeze = this.agendaSend;
    } else {
      this.freeze = resolve('freeze', def.freeze as RelativeMoment);
      this.agendaSend = sendRef ? this.freeze : resolve('agendaSend', def.agendaSend as RelativeMoment);
    }
    if (!notAfter(this.deadline, this.freeze))
      fail('the agenda cannot freeze before the submission deadline');
    if (!notAfter(this.deadline, this.agendaSend))
      fail('the agenda cannot be sent before the submission deadline');

    const length = this.endMinute - this.startMinute;
    if (!Number.isInteger(def.capacityMinutes) || def.capacityMinutes <= 0 || def.capacityMinutes > length) {
      fail(`capacityMinutes must be a whole number from 1 to the session length (${length})`);
    }
    if (def.itemTypes.length === 0) fail('at least one item type is needed');
    const types = new Map<string, ItemTypeDefinition>();
    for (const type of def.itemTypes) {
      if (!KEY_PATTERN.test(type.key))
        fail(`item type key "${type.key}" must be lower-case words joined by hyphens`);
      if (types.has(type.key)) fail(`item type "${type.key}" is listed twice`);
      if (!Number.isInteger(type.durationMinutes) || type.durationMinutes <= 0) {
        fail(`item type "${type.key}" needs a positive whole number of minutes`);
      }
      if (type.durationMinutes > def.capacityMinutes)
        fail(`item type "${type.key}" is longer than a session`);
      types.set(type.key, type);
    }
    this.itemTypesByKey = types;
    for (const participant of def.participants) {
      if (
        'organisation' in participant
          ? !ORGANISATION_KIND_KEY.test(participant.organisation)
          : !ROLES.includes(participant.role)
      ) {
        fail(`unknown participant ${JSON.stringify(participant)}`);
      }
    }
    if (!Array.isArray(def.holidays?.rules)) fail('a holiday calendar is needed (it may have no rules)');
  }

  /** The compiled schedule of a definition; validates it the first time (throws on a bad one). */
  static of(definition: TableDefinition): TableSchedule {
    let schedule = TableSchedule.compiled.get(definition);
    if (!schedule) {
      schedule = new TableSchedule(definition);
      TableSchedule.compiled.set(definition, schedule);
    }
    return schedule;
  }

  itemType(key: string): ItemTypeDefinition | undefined {
    return this.itemTypesByKey.get(key);
  }

  get itemTypeKeys(): readonly string[] {
    return [...this.itemTypesByKey.keys()];
  }

  isSeriesDay(day: number): boolean {
    return day >= this.anchorDay && day <= this.lastDay && (day - this.anchorDay) % this.periodDays === 0;
  }

  /** Series dates from `fromDay` to `toDay`, both inclusive. */
  seriesDaysBetween(fromDay: number, toDay: number): number[] {
    const first = Math.max(fromDay, this.anchorDay, FIRST_SUPPORTED_DAY);
    const last = Math.min(toDay, this.lastDay);
    const days: number[] = [];
    if (first > last) return days;
    const skip = Math.ceil((first - this.anchorDay) / this.periodDays);
    for (let day = this.anchorDay + skip * this.periodDays; day <= last; day += this.periodDays)
      days.push(day);
    return days;
  }

  momentMs(sessionDay: number, moment: ResolvedMoment): Instant {
    return this.zone.instantOf(sessionDay - moment.daysBefore, moment.minuteOfDay);
  }

  holidayName(day: number): string | undefined {
    return holidayOn(this.definition.holidays, day);
  }

  /** The session of one series slot, given what the calendar state decided about it. */
  session(scheduledDay: number, decision: SlotDecision = {}): Session {
    const { move } = decision;
    const day = move ? move.day : scheduledDay;
    const startMinute = move ? move.startMinute : this.startMinute;
    const endMinute = move ? move.endMinute : this.endMinute;
    const scheduledDate = formatLocalDate(scheduledDay);
    const startMs = this.zone.instantOf(day, startMinute);
    const freezeAtMs = this.momentMs(day, this.freeze);
    let cancellation: Session['cancellation'];
    if (decision.cancellationReason !== undefined) {
      cancellation = { source: 'coordinator', reason: decision.cancellationReason };
    } else if (!move && decision.closedReason !== undefined) {
      cancellation = { source: 'closed-period', reason: decision.closedReason };
    } else if (!move) {
      const holiday = this.holidayName(day);
      if (holiday !== undefined) cancellation = { source: 'holiday', reason: `Feestdag: ${holiday}` };
    }
    const session: Session = {
      key: `${this.key}:${scheduledDate}`,
      tableKey: this.key,
      scheduledDate,
      date: move ? formatLocalDate(day) : scheduledDate,
      startMs,
      endMs: this.zone.instantOf(day, endMinute),
      deadlineMs: this.momentMs(day, this.deadline),
      preparationStartMs: this.momentMs(day, this.preparation),
      freezeAtMs,
      agendaSendAtMs: this.agendaSend === this.freeze ? freezeAtMs : this.momentMs(day, this.agendaSend),
      capacityMinutes: decision.capacity
        ? decision.capacity.capacityMinutes
        : Math.min(this.definition.capacityMinutes, endMinute - startMinute),
      status: cancellation ? 'cancelled' : 'open',
    };
    return {
      ...session,
      ...(cancellation && { cancellation }),
      ...(move && {
        move: {
          fromStartMs: this.zone.instantOf(scheduledDay, this.startMinute),
          fromEndMs: this.zone.instantOf(scheduledDay, this.endMinute),
          reason: move.reason,
        },
      }),
      ...(decision.capacity && { capacityOverride: decision.capacity }),
    };
  }

  /**
   * The hot path of placement with an empty calendar: the first open session whose deadline lies
   * strictly after `submittedAtMs`, if it starts by `horizonEndMs`.
   */
  firstOpenRegularSession(submittedAtMs: Instant, horizonEndMs: Instant): Session | undefined {
    const lastDay = Math.min(this.lastDay, Math.floor(horizonEndMs / 86_400_000) + 1);
    if (!(lastDay >= FIRST_SUPPORTED_DAY) || submittedAtMs > horizonEndMs) return undefined;
    const lastYear = civilDate(lastDay).year;
    // A session's local year is at least the UTC year of any earlier instant, minus one.
    const firstYear = Math.max(new Date(Math.max(submittedAtMs, -30e12)).getUTCFullYear() - 1, 999);
    for (let year = firstYear; year <= lastYear; year++) {
      const { sessions, deadlines } = this.openBlock(year);
      let lo = 0;
      let hi = deadlines.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((deadlines[mid] as number) > submittedAtMs) hi = mid;
        else lo = mid + 1;
      }
      if (lo < sessions.length) {
        const found = sessions[lo] as Session;
        return found.startMs <= horizonEndMs ? found : undefined;
      }
    }
    return undefined;
  }

  private openBlock(year: number): OpenBlock {
    let block = this.openBlocks.get(year);
    if (!block) {
      const sessions = this.seriesDaysBetween(epochDay(year, 1, 1), epochDay(year + 1, 1, 1) - 1)
        .map((day) => this.session(day))
        .filter((s) => s.status === 'open')
        .map((s) => Object.freeze(s));
      block = { sessions, deadlines: sessions.map((s) => s.deadlineMs) };
      this.openBlocks.set(year, block);
    }
    return block;
  }
}

/** a is at or before b, for any session date. */
function notAfter(a: ResolvedMoment, b: ResolvedMoment): boolean {
  return a.daysBefore > b.daysBefore || (a.daysBefore === b.daysBefore && a.minuteOfDay <= b.minuteOfDay);
}
