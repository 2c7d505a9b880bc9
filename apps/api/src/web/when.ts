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

function toDateTime(value: string | Date): DateTime {
  // A calendar date ("2026-12-04") is a Brussels day; a time with an offset keeps its instant.
  return typeof value === 'string'
    ? DateTime.fromISO(value, { zone: 'Europe/Brussels' })
    : DateTime.fromJSDate(value);
}
