import { DateTime } from 'luxon';

export type InstantParseResult =
  | { readonly ok: true; readonly instant: number }
  | { readonly ok: false; readonly code: 'INVALID_INSTANT' | 'MISSING_OFFSET'; readonly message: string };

/** An offset at the very end of the time part: Z, ±hh, ±hhmm or ±hh:mm. */
const OFFSET_AT_END = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Parses an ISO-8601 instant that carries its own UTC offset (`Z`, `+00:00`, `+01:00`, …).
 * A local time without offset is refused: on a DST night it names two instants, and guessing a
 * zone is how a referral ends up an hour late. The offset only fixes the instant; results are
 * always shown again in the table's zone.
 */
export function parseIsoInstant(text: string): InstantParseResult {
  const parsed = DateTime.fromISO(text, { setZone: true, zone: 'UTC' });
  if (!parsed.isValid) {
    return {
      ok: false,
      code: 'INVALID_INSTANT',
      message: `"${text}" is not an ISO-8601 instant (expected e.g. 2026-11-20T10:00:00+01:00)`,
    };
  }
  const timeStart = text.indexOf('T');
  if (timeStart < 0 || !OFFSET_AT_END.test(text.slice(timeStart + 1))) {
    return {
      ok: false,
      code: 'MISSING_OFFSET',
      message: `"${text}" has no UTC offset (add Z or an offset such as +01:00)`,
    };
  }
  return { ok: true, instant: parsed.toMillis() };
}
