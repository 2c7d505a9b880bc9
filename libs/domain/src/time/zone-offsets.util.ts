import { IANAZone } from 'luxon';
import { MS_PER_DAY, MS_PER_MINUTE, pad2, pad4 } from './local-date.util';

interface YearOffsets {
  /** UTC instants where the offset changes within the year, ascending. */
  readonly changes: number[];
  /** offsets[0] holds from the start of the year, offsets[i + 1] from changes[i] on. */
  readonly offsets: number[];
}

/**
 * Offsets of one IANA zone, with the transitions of each year found once and kept. Asking luxon
 * (Intl underneath) for an offset costs microseconds per call; the engine converts tens of
 * thousands of wall-clock times per run and formats every instant it prints, so it looks the
 * offset up in a table instead. Assumes at most one transition per calendar month, which holds
 * for every zone the service is configured with (Europe/Brussels changes twice a year).
 */
export class ZoneOffsets {
  private static readonly byZone = new Map<string, ZoneOffsets>();
  private readonly zone: IANAZone;
  private readonly years = new Map<number, YearOffsets>();

  private constructor(readonly zoneName: string) {
    this.zone = IANAZone.create(zoneName);
  }

  /** Validated zone names: Intl's check costs tens of microseconds, and reminders ask per step. */
  private static readonly validZones = new Set<string>();

  static isValidZone(zoneName: string): boolean {
    if (ZoneOffsets.validZones.has(zoneName)) return true;
    const valid = IANAZone.isValidZone(zoneName);
    if (valid) ZoneOffsets.validZones.add(zoneName);
    return valid;
  }

  static of(zoneName: string): ZoneOffsets {
    let zone = ZoneOffsets.byZone.get(zoneName);
    if (!zone) {
      zone = new ZoneOffsets(zoneName);
      ZoneOffsets.byZone.set(zoneName, zone);
    }
    return zone;
  }

  /** UTC offset in minutes at the instant. */
  offsetMinutesAt(instant: number): number {
    const year = new Date(instant).getUTCFullYear();
    let table = this.years.get(year);
    if (!table) {
      table = this.scanYear(year);
      this.years.set(year, table);
    }
    const { changes, offsets } = table;
    let i = 0;
    while (i < changes.length && instant >= (changes[i] as number)) i++;
    return offsets[i] as number;
  }

  /**
   * The instant of a wall-clock time on a local date. A time that does not exist (spring-forward
   * gap) moves forward by the gap, as luxon does; a time that exists twice (autumn) means its first
   * occurrence, which is what a person reading the agenda expects.
   */
  instantOf(localEpochDay: number, minuteOfDay: number): number {
    const wall = localEpochDay * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
    const earlyOffset = this.offsetMinutesAt(wall - MS_PER_DAY);
    const lateOffset = this.offsetMinutesAt(wall + MS_PER_DAY);
    const early = wall - earlyOffset * MS_PER_MINUTE;
    if (earlyOffset === lateOffset) return early;
    const late = wall - lateOffset * MS_PER_MINUTE;
    const earlyFits = this.offsetMinutesAt(early) === earlyOffset;
    const lateFits = this.offsetMinutesAt(late) === lateOffset;
    if (earlyFits && lateFits) return Math.min(early, late);
    if (lateFits) return late;
    return early;
  }

  /** The local date (epoch day) and minute of day of an instant. */
  localDayOf(instant: number): number {
    return Math.floor((instant + this.offsetMinutesAt(instant) * MS_PER_MINUTE) / MS_PER_DAY);
  }

  /**
   * ISO-8601 with the zone's offset, e.g. `2026-12-01T13:00:00+01:00`; milliseconds only when
   * there are any. Matches luxon's `toISO({ suppressMilliseconds: true })` for this zone.
   */
  formatIso(instant: number): string {
    const offset = this.offsetMinutesAt(instant);
    const local = new Date(instant + offset * MS_PER_MINUTE);
    const ms = local.getUTCMilliseconds();
    const abs = Math.abs(offset);
    return (
      `${pad4(local.getUTCFullYear())}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
      `T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
      (ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`) +
      `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
    );
  }

  private scanYear(year: number): YearOffsets {
    const changes: number[] = [];
    const offsets: number[] = [this.zone.offset(Date.UTC(year, 0, 1))];
    let previous = Date.UTC(year, 0, 1);
    for (let month = 1; month <= 12; month++) {
      const next = Date.UTC(year, month, 1);
      const before = offsets[offsets.length - 1] as number;
      const after = this.zone.offset(next);
      if (after !== before) {
        changes.push(this.findChange(previous, next, before));
        offsets.push(after);
      }
      previous = next;
    }
    return { changes, offsets };
  }

  /** First whole minute in (from, to] whose offset differs from `before`; bisection. */
  private findChange(from: number, to: number, before: number): number {
    let lo = Math.floor(from / MS_PER_MINUTE);
    let hi = Math.floor(to / MS_PER_MINUTE);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.zone.offset(mid * MS_PER_MINUTE) === before) lo = mid;
      else hi = mid;
    }
    return hi * MS_PER_MINUTE;
  }
}
