import { DateTime } from 'luxon';
import { dutchDate, dutchDateTime, dutchDeadline, dutchTime, dutchTimeRange } from '@overlegtafels/mail';

/** Brussels times as the pages print them, whatever zone the process runs in. */
export const when = {
  /** "vrijdag 4 december 2026" */
  date: (iso: string | Date) => dutchDate(toDateTime(iso)),
  /** "vrijdag 4 december 2026 om 10:00" */
  dateTime: (iso: string | Date) => dutchDateTime(toDateTime(iso)),
  /** A deadline at midnight reads as the end of the day before: "donderdag 19 november 2026 om 24:00". */
  deadline: (iso: string | Date) => dutchDeadline(toDateTime(iso)),
  /** "10:00" */
  time: (iso: string | Date) => dutchTime(toDateTime(iso)),
  /** "10:00–10:30" */
  range: (start: string | Date, end: string | Date) => dutchTimeRange(toDateTime(start), toDateTime(end)),
  /** "2026-12-04" (Brussels calendar date) */
  ymd: (iso: string | Date) => toDateTime(iso).setZone('Europe/Brussels').toISODate()!,
};

// A calendar date ("2026-12-04") is a Brussels day; a time with an offset keeps its instant.
/**
 * The instant of a value as the pages pass it, remembered per text: a page parses the same ISO
 * strings many times over (issue #18). Bounded: emptied once it holds 20,000.
 */
const parsed = new Map<string, DateTime>();

function toDateTime(value: string | Date): DateTime {
  if (typeof value !== 'string') return DateTime.fromJSDate(value);
  let at = parsed.get(value);
  if (at === undefined) {
    at = parse(value);
    if (parsed.size >= 20_000) parsed.clear();
    parsed.set(value, at);
  }
  return at;
}

function parse(value: string): DateTime {
  return DateTime.fromISO(value, { zone: 'Europe/Brussels' });
}
