import { BRUSSELS } from './brussels-time';

/**
 * The VTIMEZONE block for Europe/Brussels, written out by hand from the EU summer-time rules
 * (Directive 2000/84/EC, the same rule since 1996): summer time from the last Sunday of March
 * 02:00 (+01:00 → +02:00) to the last Sunday of October 03:00 local (+02:00 → +01:00).
 *
 * Why static: ical-generator only emits a VTIMEZONE through a generator callback, and the usual
 * generator packages would be a new dependency. Invitations only ever carry sessions from now on,
 * and the rule has been stable since 1996, so two RRULEs describe every instant we send.
 * The DTSTARTs are the first transitions under each rule (29 March 1981, 27 October 1996), both
 * Sundays, as RFC 5545 requires DTSTART to be the first onset. The spec tests compare these
 * rules with the tz database (via luxon) for every year we can plausibly schedule.
 */
const BRUSSELS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${BRUSSELS}`,
  `X-LIC-LOCATION:${BRUSSELS}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * Generator callback for ical-generator's calendar `timezone({ name: null, generator })`. It knows
 * one zone on purpose: an invitation in any other zone is a bug upstream, and failing loudly beats
 * sending a calendar entry without its zone definition.
 */
export function vtimezoneFor(tzid: string): string {
  if (tzid !== BRUSSELS) throw new Error(`no VTIMEZONE for ${tzid}: invitations are in ${BRUSSELS}`);
  return BRUSSELS_VTIMEZONE;
}
