import { addMonths } from '../dossier/dossier-date.util';
import { Instant } from '../sessions/session.model';
import {
  formatLocalDate,
  isoWeekday,
  LocalDateString,
  LocalTimeString,
  parseLocalDate,
  parseLocalTime,
} from '../time/local-date.util';
import { ZoneOffsets } from '../time/zone-offsets.util';
import { ObligationDuration } from './obligation-rule.model';

/**
 * Local-date arithmetic for obligations, always with an explicit zone. Dates are added as
 * calendar dates (epoch days, and calendar months as the dossier lifecycle counts them) and only
 * then given a wall-clock time in the region's zone, so "six months after 8 September at 09:00"
 * is 09:00 on 8 March whatever the DST state of either date. Instants and wall-clock times are
 * converted with the session engine's cached zone offsets (luxon's zone data underneath): the
 * same DST rule as the sessions, at a fraction of the cost, which counts when every dossier is
 * re-planned on every change.
 */

export function isLocalDate(text: unknown): text is LocalDateString {
  return typeof text === 'string' && parseLocalDate(text) !== undefined;
}

export function isLocalTime(text: unknown): text is LocalTimeString {
  return typeof text === 'string' && parseLocalTime(text) !== undefined;
}

function day(date: LocalDateString): number {
  const parsed = parseLocalDate(date);
  if (parsed === undefined) throw new RangeError(`not a yyyy-mm-dd date: ${date}`);
  return parsed;
}

/** Months clamp to the end of a shorter month: 31 August + 6 months = 28 (29) February. */
export function addDuration(date: LocalDateString, duration: ObligationDuration): LocalDateString {
  switch (duration.unit) {
    case 'days':
      return addDays(date, duration.amount);
    case 'weeks':
      return addDays(date, duration.amount * 7);
    case 'months':
      return addMonths(date, duration.amount);
  }
}

export function addDays(date: LocalDateString, days: number): LocalDateString {
  return formatLocalDate(day(date) + days);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDateString): number {
  return isoWeekday(day(date));
}

/**
 * The instant of a wall-clock time on a local date in a zone. A time in the spring-forward gap
 * moves forward by the gap, as for sessions.
 */
export function wallClock(date: LocalDateString, time: LocalTimeString, zone: string): Instant {
  const minute = parseLocalTime(time);
  if (minute === undefined) throw new RangeError(`not an HH:mm time: ${time}`);
  return ZoneOffsets.of(zone).instantOf(day(date), minute);
}

export function startOfLocalDay(date: LocalDateString, zone: string): Instant {
  return ZoneOffsets.of(zone).instantOf(day(date), 0);
}

export function localDateOf(instant: Instant, zone: string): LocalDateString {
  return formatLocalDate(ZoneOffsets.of(zone).localDayOf(instant));
}

export function maxDate(a: LocalDateString, b: LocalDateString): LocalDateString {
  return a >= b ? a : b;
}
