import { DateTime } from 'luxon';

export const BRUSSELS = 'Europe/Brussels';

/**
 * Test helper: a wall-clock time in a zone (Brussels unless said) as epoch milliseconds.
 * `zdt('2026-11-23 12:00')`, `zdt('2026-11-23 11:59:59.999')`. Uses luxon, independently of the
 * engine's own zone arithmetic, so the tests check the engine rather than repeat it.
 */
export function zdt(local: string, zone: string = BRUSSELS): number {
  const parsed = DateTime.fromFormat(
    local,
    local.includes('.')
      ? 'yyyy-MM-dd HH:mm:ss.SSS'
      : local.length > 16
        ? 'yyyy-MM-dd HH:mm:ss'
        : 'yyyy-MM-dd HH:mm',
    { zone },
  );
  if (!parsed.isValid) throw new Error(`zdt: cannot read "${local}": ${parsed.invalidExplanation ?? ''}`);
  return parsed.toMillis();
}

/** Test helper: an instant as ISO-8601 at the zone's offset, formatted by luxon. */
export function iso(instant: number, zone: string = BRUSSELS): string {
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true }) as string;
}
