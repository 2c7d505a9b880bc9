import { DateTime } from 'luxon';
import { MailValueError } from './mail-values';

/** Every time a mail or invitation shows is Brussels time, whatever zone the process runs in. */
export const BRUSSELS = 'Europe/Brussels';
const LOCALE = 'nl-BE';

/** The instant in Brussels time with Dutch names; refuses invalid DateTimes instead of printing "Invalid DateTime". */
export function inBrussels(value: DateTime, field = 'time'): DateTime {
  return checked(value, field).setZone(BRUSSELS).setLocale(LOCALE);
}

function checked(value: DateTime, field: string): DateTime {
  if (!DateTime.isDateTime(value) || !value.isValid) {
    throw new MailValueError('INVALID_DATE_TIME', `${field} is not a valid luxon DateTime`);
  }
  return value;
}

/**
 * A Brussels rendering of an instant, remembered per instant: the text depends on the moment
 * alone (the zone and the locale are fixed), and a page prints the same few dates hundreds of
 * times (a move form lists 26 weeks of sessions per item), each a luxon zone conversion and a
 * Dutch format (issue #18: a fifth of a page's CPU). Bounded: emptied once it holds 20,000.
 */
function remembered(format: (at: DateTime) => string): (value: DateTime) => string {
  const texts = new Map<number, string>();
  return (value) => {
    const ms = checked(value, 'time').toMillis();
    let text = texts.get(ms);
    if (text === undefined) {
      text = format(inBrussels(value));
      if (texts.size >= 20_000) texts.clear();
      texts.set(ms, text);
    }
    return text;
  };
}

/** "vrijdag 4 december 2026" */
export const dutchDate = remembered((at) => at.toFormat('cccc d LLLL yyyy'));

/** "4 december 2026" (subjects stay short: no weekday). */
export const dutchShortDate = remembered((at) => at.toFormat('d LLLL yyyy'));

/** "10:00" */
export const dutchTime = remembered((at) => at.toFormat('HH:mm'));

/** "10:00–10:30" (en dash, as Dutch typography wants for ranges). */
export function dutchTimeRange(start: DateTime, end: DateTime): string {
  return `${dutchTime(start)}–${dutchTime(end)}`;
}

/** "donderdag 13:00": a moment in the same week as the session it belongs to (the freeze). */
export const dutchWeekdayTime = remembered((at) => at.toFormat('cccc HH:mm'));

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
