import fc from 'fast-check';
import { DateTime } from 'luxon';
import { epochDay } from './local-date.util';
import { ZoneOffsets } from './zone-offsets.util';
import { iso, zdt } from '../testing/zdt.test-util';

const brussels = ZoneOffsets.of('Europe/Brussels');
const from1990 = Date.UTC(1990, 0, 1);
const to2100 = Date.UTC(2100, 0, 1);

describe('zone offsets from a transition table', () => {
  it('formats instants exactly as luxon does, in Brussels and in zones with other rules', () => {
    for (const zoneName of ['Europe/Brussels', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const zone = ZoneOffsets.of(zoneName);
      fc.assert(
        fc.property(fc.integer({ min: from1990, max: to2100 }), (instant) => {
          expect(zone.formatIso(instant)).toBe(iso(instant, zoneName));
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('formats the instants around the spring change', () => {
    expect(brussels.formatIso(Date.parse('2026-03-29T00:59:59.999Z'))).toBe('2026-03-29T01:59:59.999+01:00');
    expect(brussels.formatIso(Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
  });

  it('formats the instants around the autumn change', () => {
    expect(brussels.formatIso(Date.parse('2026-10-25T00:59:59.999Z'))).toBe('2026-10-25T02:59:59.999+02:00');
    expect(brussels.formatIso(Date.parse('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
  });

  it('finds the instant of a wall-clock time that exists once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: epochDay(1995, 1, 1), max: epochDay(2090, 12, 31) }),
        fc.integer({ min: 0, max: 1439 }),
        (day, minute) => {
          const instant = brussels.instantOf(day, minute);
          const local = DateTime.fromMillis(instant, { zone: 'Europe/Brussels' });
          const wanted = DateTime.fromMillis(day * 86_400_000 + minute * 60_000, { zone: 'UTC' });
          const existsOnce = local.hour === wanted.hour && local.minute === wanted.minute;
          // Only the hour skipped in spring may come out shifted, and then by exactly that hour.
          if (!existsOnce) expect(instant).toBe(day * 86_400_000 + minute * 60_000 - 3_600_000);
          if (existsOnce) expect(local.toISODate()).toBe(wanted.toISODate());
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('moves a time in the skipped hour forward, as luxon does', () => {
    expect(brussels.formatIso(brussels.instantOf(epochDay(2026, 3, 29), 150))).toBe(
      '2026-03-29T03:30:00+02:00',
    );
  });

  it('reads a time in the repeated hour as its first occurrence', () => {
    expect(brussels.formatIso(brussels.instantOf(epochDay(2026, 10, 25), 150))).toBe(
      '2026-10-25T02:30:00+02:00',
    );
  });

  it('gives the local date of an instant near midnight', () => {
    expect(brussels.localDayOf(zdt('2026-12-31 23:59:59.999'))).toBe(epochDay(2026, 12, 31));
    expect(brussels.localDayOf(zdt('2027-01-01 00:00'))).toBe(epochDay(2027, 1, 1));
  });

  it('tells a known zone from an unknown one, every time it is asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(ZoneOffsets.isValidZone('Europe/Brussels')).toBe(true);
      expect(ZoneOffsets.isValidZone('Europe/Brusels')).toBe(false);
      expect(ZoneOffsets.isValidZone('')).toBe(false);
    }
  });
});
