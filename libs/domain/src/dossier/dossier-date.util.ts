import type { Instant } from '../sessions/session.model';
import {
  civilDate,
  epochDay,
  formatLocalDate,
  LocalDateString,
  MS_PER_DAY,
  MS_PER_MINUTE,
  pad2,
  parseLocalDate,
} from '../time/local-date.util';
import { ZoneOffsets } from '../time/zone-offsets.util';

/** The afsluiting comes at the earliest this many months after the afronding (guide III.E). */
export const AFSLUITING_WAIT_MONTHS = 6;

const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/**
 * Calendar months, clamped to the end of a shorter month: six months after 31 August is
 * 28 February, not 3 March, because "zes maanden na afronding" means the same day of the month
 * and the last day is the nearest a short month has.
 */
export function addMonths(date: LocalDateString, months: number): LocalDateString {
  const day = parseLocalDate(date);
  if (day === undefined) throw new RangeError(`not a yyyy-mm-dd date: ${date}`);
  const from = civilDate(day);
  const monthIndex = from.year * 12 + (from.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const daysInMonth = epochDay(year, month + 1, 1) - epochDay(year, month, 1);
  return formatLocalDate(epochDay(year, month, Math.min(from.day, daysInMonth)));
}

/**
 * The first day a dossier afgerond on `afrondingDate` may be afgesloten: `months` after it (the
 * region's DossierLife.afsluitingWaitMonths; CO3's guide: six).
 */
export function earliestAfsluitingDate(
  afrondingDate: LocalDateString,
  months: number = AFSLUITING_WAIT_MONTHS,
): LocalDateString {
  return addMonths(afrondingDate, months);
}

/** `2026-09-15` → `15 september 2026`: how a coordinator reads a date in a message. */
export function formatDutchDate(date: LocalDateString): string {
  const day = parseLocalDate(date);
  if (day === undefined) return date;
  const { year, month, day: dayOfMonth } = civilDate(day);
  return `${dayOfMonth} ${DUTCH_MONTHS[month - 1]} ${year}`;
}

/** An instant as a coordinator reads it in a message, in the zone: `26 februari 2027 om 12:00`. */
export function formatDutchDateTime(instant: Instant, zone: string): string {
  const localMs = instant + ZoneOffsets.of(zone).offsetMinutesAt(instant) * MS_PER_MINUTE;
  const day = Math.floor(localMs / MS_PER_DAY);
  const minute = Math.floor((localMs - day * MS_PER_DAY) / MS_PER_MINUTE);
  return `${formatDutchDate(formatLocalDate(day))} om ${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}
