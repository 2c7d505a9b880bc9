import { DateTime } from 'luxon';
import { MailValueError } from './mail-values';

/** Every time a mail or invitation shows is Brussels time, whatever zone the process runs in. */
export const BRUSSELS = 'Europe/Brussels';
const LOCALE = 'nl-BE';

/** The instant in Brussels time with Dutch names; refuses invalid DateTimes instead of printing "Invalid DateTime". */
export function inBrussels(value: DateTime, field = 'time'): DateTime {
  if (!DateTime.isDateTime(value) || !value.isValid) {
    throw new MailValueError('INVALID_DATE_TIME', `${field} is not a valid luxon DateTime`);
  }
  return value.setZone(BRUSSELS).setLocale(LOCALE);
}

/** "vrijdag 4 december 2026" */
export function dutchDate(value: DateTime): string {
  return inBrussels(value).toFormat('cccc d LLLL yyyy');
}

/** "4 december 2026" (subjects stay short: no weekday). */
export function dutchShortDate(value: DateTime): string {
  return inBrussels(value).toFormat('d LLLL yyyy');
}

/** "10:00" */
export function dutchTime(value: DateTime): string {
  return inBrussels(value).toFormat('HH:mm');
}

/** "10:00–10:30" (en dash, as Dutch typography wants for ranges). */
export function dutchTimeRange(start: DateTime, end: DateTime): string {
  return `${dutchTime(start)}–${dutchTime(end)}`;
}

/** "donderdag 13:00": a moment in the same week as the session it belongs to (the freeze). */
export function dutchWeekdayTime(value: DateTime): string {
  return inBrussels(value).toFormat('cccc HH:mm');
}

/** "donderdag 3 december 2026 om 13:00" */
export function dutchDateTime(value: DateTime): string {
  return `${dutchDate(value)} om ${dutchTime(value)}`;
}

/**
 * A deadline, the one way every page and mail writes it: one at midnight is the end of the day
 * before ("donderdag 26 november 2026 om 24:00", not "vrijdag 27 november om 00:00"), as people
 * read "tot en met donderdag"; any other time as dutchDateTime.
 */
export function dutchDeadline(value: DateTime): string {
  const at = inBrussels(value);
  return at.hour === 0 && at.minute === 0
    ? `${dutchDate(at.minus({ days: 1 }))} om 24:00`
    : dutchDateTime(at);
}

/** Checks that an interval is well-formed; both ends must be valid and the end after the start. */
export function assertInterval(start: DateTime, end: DateTime, field: string): void {
  inBrussels(start, `${field}.start`);
  inBrussels(end, `${field}.end`);
  if (end.toMillis() <= start.toMillis()) {
    throw new MailValueError('INVALID_DATE_TIME', `${field} ends before it starts`);
  }
}
