import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { vtimezoneFor } from './vtimezone';

const ZONE = 'Europe/Brussels';

function lastSunday(year: number, month: number): number {
  const last = DateTime.utc(year, month, 1).endOf('month');
  return last.day - (last.weekday % 7);
}

/** The VTIMEZONE vtimezoneFor writes, read back by ical.js as a calendar client would. */
function parsedVtimezone(): ICAL.Component {
  const calendar = ICAL.parse(
    `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//NL\r\n${vtimezoneFor(ZONE)}\r\nEND:VCALENDAR\r\n`,
  );
  const vtimezone = new ICAL.Component(calendar).getFirstSubcomponent('vtimezone');
  if (!vtimezone) throw new Error('no VTIMEZONE in what vtimezoneFor wrote');
  return vtimezone;
}

function parsedZone(): ICAL.Timezone {
  return new ICAL.Timezone(parsedVtimezone());
}

interface Onset {
  /** The UTC instant of the change, from the rule's local onset and its TZOFFSETFROM. */
  instant: DateTime;
  fromMinutes: number;
  toMinutes: number;
  kind: 'standard' | 'daylight';
}

/** One STANDARD or DAYLIGHT rule of the block, as ical.js reads it. */
interface ObservanceRule {
  kind: 'standard' | 'daylight';
  dtstart: ICAL.Time;
  rrule: ICAL.Recur;
  fromMinutes: number;
  toMinutes: number;
}

function observances(vtimezone: ICAL.Component): ObservanceRule[] {
  return vtimezone.getAllSubcomponents().map((c) => {
    const offset = (name: string) => (c.getFirstPropertyValue(name) as ICAL.UtcOffset).toSeconds() / 60;
    return {
      kind: c.name as 'standard' | 'daylight',
      dtstart: c.getFirstPropertyValue('dtstart') as ICAL.Time,
      rrule: c.getFirstPropertyValue('rrule') as ICAL.Recur,
      fromMinutes: offset('tzoffsetfrom'),
      toMinutes: offset('tzoffsetto'),
    };
  });
}

/**
 * Every change the block describes up to the end of `lastYear`: each rule's RRULE expanded from
 * its DTSTART by ical.js. A local onset is in the offset before the change (TZOFFSETFROM).
 */
function onsets(lastYear: number): Onset[] {
  const out: Onset[] = [];
  for (const rule of observances(parsedVtimezone())) {
    const it = rule.rrule.iterator(rule.dtstart);
    for (let t = it.next(); t && t.year <= lastYear; t = it.next()) {
      const wall = DateTime.fromObject(
        { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second },
        { zone: 'utc' },
      );
      out.push({
        instant: wall.minus({ minutes: rule.fromMinutes }),
        fromMinutes: rule.fromMinutes,
        toMinutes: rule.toMinutes,
        kind: rule.kind,
      });
    }
  }
  return out.sort((a, b) => a.instant.toMillis() - b.instant.toMillis());
}

const offsetAt = (t: DateTime): number => t.setZone(ZONE).offset;

describe('Europe/Brussels VTIMEZONE', () => {
  it('is one VTIMEZONE for the zone with a STANDARD and a DAYLIGHT rule, in CRLF lines of at most 75 octets', () => {
    const text = vtimezoneFor(ZONE);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VTIMEZONE');
    expect(lines[lines.length - 1]).toBe('END:VTIMEZONE');
    expect(lines.filter((l) => l.includes('\n') || l.includes('\r'))).toEqual([]);
    expect(lines.filter((l) => Buffer.byteLength(l) > 75)).toEqual([]);

    const vtimezone = parsedVtimezone();
    expect(vtimezone.getFirstPropertyValue('tzid')).toBe(ZONE);
    expect(
      observances(vtimezone).map((o) => [o.kind, o.fromMinutes, o.toMinutes, o.rrule.freq, o.rrule.interval]),
    ).toEqual([
      ['daylight', 60, 120, 'YEARLY', 1],
      ['standard', 120, 60, 'YEARLY', 1],
    ]);
  });

  it('starts each rule on its first onset (RFC 5545), a Sunday', () => {
    for (const rule of observances(parsedVtimezone())) {
      const first = rule.rrule.iterator(rule.dtstart).next();
      expect([rule.kind, first?.toString()]).toEqual([rule.kind, rule.dtstart.toString()]);
      // ical.js counts weekdays from Sunday = 1.
      expect([rule.kind, rule.dtstart.dayOfWeek()]).toEqual([rule.kind, ICAL.Time.SUNDAY]);
    }
  });

  it('changes at the instants and to the offsets of the tz database, every year from 1997 to 2099', () => {
    const changes = onsets(2099).filter((o) => o.instant.year >= 1997);
    // Exactly one change into and one out of summer time a year, alternating.
    expect(changes).toHaveLength(2 * (2099 - 1997 + 1));
    changes.forEach((o, i) => {
      expect(o.kind).toBe(i % 2 === 0 ? 'daylight' : 'standard');
      expect(o.fromMinutes).toBe(changes[i - 1]?.toMinutes ?? o.fromMinutes);
    });
    for (const o of changes) {
      // The tz database is in the old offset the second before and in the new one at the instant.
      expect([o.instant.toISO(), offsetAt(o.instant.minus({ seconds: 1 })), offsetAt(o.instant)]).toEqual([
        o.instant.toISO(),
        o.fromMinutes,
        o.toMinutes,
      ]);
    }
    // Both at 01:00 UTC on the last Sunday of March and of October (the EU rule), as a cross-check.
    expect(changes.find((o) => o.instant.year === 2026 && o.kind === 'daylight')?.instant.toISO()).toBe(
      `2026-03-${lastSunday(2026, 3)}T01:00:00.000Z`,
    );
    expect(changes.find((o) => o.instant.year === 2026 && o.kind === 'standard')?.instant.toISO()).toBe(
      `2026-10-${lastSunday(2026, 10)}T01:00:00.000Z`,
    );
  });

  it('has the offset of the tz database between its changes: one sample a week from 1997 to 2099', () => {
    const changes = onsets(2099);
    let current = changes.findIndex((o) => o.instant.year >= 1997) - 1;
    expect(current).toBeGreaterThanOrEqual(0);
    let sampled = 0;
    for (let t = DateTime.utc(1997, 1, 1, 12); t.year <= 2099; t = t.plus({ weeks: 1 })) {
      while (changes[current + 1] && changes[current + 1]!.instant <= t) current++;
      const said = changes[current]!.toMinutes;
      if (offsetAt(t) !== said)
        throw new Error(`${t.toISO()}: VTIMEZONE ${said}, tz database ${offsetAt(t)}`);
      sampled++;
    }
    expect(sampled).toBeGreaterThan(5_300);
  });

  it('makes ical.js turn Brussels wall times into the same instants as the tz database', () => {
    // Local → UTC is what a calendar client does with DTSTART;TZID=Europe/Brussels. (ical.js's
    // own UTC → local conversion is off by an hour inside the transition hour whatever the
    // VTIMEZONE, so that direction says nothing about ours.) Every third hour of 2026, and every quarter
    // hour of the transition weeks up to 2030. Skipped wall times do not exist (spring gap) or
    // exist twice (autumn overlap): no session starts at 02:30 at night.
    const zone = parsedZone();
    const check = (wall: DateTime): number => {
      const transitionNight =
        wall.hour === 2 &&
        (wall.month === 3 || wall.month === 10) &&
        wall.day === lastSunday(wall.year, wall.month);
      if (transitionNight) return 0;
      const time = ICAL.Time.fromData(
        {
          year: wall.year,
          month: wall.month,
          day: wall.day,
          hour: wall.hour,
          minute: wall.minute,
          second: 0,
        },
        zone,
      );
      const got = time.toJSDate().toISOString();
      const want = wall.toUTC().toISO();
      if (got !== want) throw new Error(`${wall.toISO()}: ical.js ${got}, tz database ${want}`);
      return 1;
    };
    let checked = 0;
    for (
      let t = DateTime.fromISO('2026-01-01T00:30', { zone: ZONE });
      t.year < 2027;
      t = t.plus({ hours: 3 })
    ) {
      checked += check(t);
    }
    for (let year = 2026; year <= 2030; year += 1) {
      for (const month of [3, 10]) {
        const sunday = DateTime.fromObject({ year, month, day: lastSunday(year, month) }, { zone: ZONE });
        for (let t = sunday.minus({ days: 3 }); t < sunday.plus({ days: 3 }); t = t.plus({ minutes: 15 })) {
          checked += check(t);
        }
      }
    }
    expect(checked).toBeGreaterThan(8_000);
  });

  it('refuses other zones rather than sending an entry without its definition', () => {
    expect(() => vtimezoneFor('Europe/Amsterdam')).toThrow(/no VTIMEZONE/);
    expect(() => vtimezoneFor('UTC')).toThrow(/no VTIMEZONE/);
  });
});
