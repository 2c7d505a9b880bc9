/**
 * Calendar arithmetic on local dates as epoch-day numbers (days since 1970-01-01). Plain integers
 * keep session generation cheap: ten years of sessions for three tables must cost milliseconds,
 * and a luxon DateTime per date would not.
 */

/** A calendar date as written in configuration and calendar state: `yyyy-mm-dd`. */
export type LocalDateString = string;
/** A wall-clock time as written in configuration: `HH:mm`, 00:00–23:59. */
export type LocalTimeString = string;

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

export function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Parses `yyyy-mm-dd`; undefined when malformed or not a real date (2026-02-30). */
export function parseLocalDate(text: string): number | undefined {
  const m = DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const result = epochDay(year, month, day);
  const back = civilDate(result);
  return back.year === year && back.month === month && back.day === day ? result : undefined;
}

/** Parses `HH:mm` into minutes after midnight; undefined when malformed. */
export function parseLocalTime(text: string): number | undefined {
  const m = TIME_PATTERN.exec(text);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilDate(epochDayNumber: number): CivilDate {
  const d = new Date(epochDayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatLocalDate(epochDayNumber: number): LocalDateString {
  const { year, month, day } = civilDate(epochDayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(epochDayNumber: number): number {
  return ((((epochDayNumber + 3) % 7) + 7) % 7) + 1;
}

export function weekdayNumber(weekday: Weekday): number {
  return WEEKDAYS.indexOf(weekday) + 1;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pad4(n: number): string {
  if (n >= 1000) return String(n);
  if (n >= 0) return String(n).padStart(4, '0');
  return `-${String(-n).padStart(4, '0')}`;
}
