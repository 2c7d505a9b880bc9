import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { vtimezoneFor } from './vtimezone';

const ZONE = 'Europe/Brussels';

function lastSunday(year: number, month: number): number {
  const last = DateTime.utc(year, month, 1).endOf('month');
  return last.day - (last.weekday % 7);
}

function parsedZone(): ICAL.Timezone {
  const calendar = ICAL.parse(
    `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//NL\r\n${vtimezoneFor(ZONE)}\r\nEND:VCALENDAR\r\n`,
  );
  return new ICAL.Timezone(new ICAL.Component(calendar).getFirstSubcomponent('vtimezone')!);
}

describe('Europe/Brussels VTIMEZONE', () => {
  it('starts each rule on a Sunday that is its first onset', () => {
    expect(DateTime.fromISO('1981-03-29', { zone: ZONE }).weekday).toBe(7);
    expect(lastSunday(1981, 3)).toBe(29);
    expect(DateTime.fromISO('1996-10-27', { zone: ZONE }).weekday).toBe(7);
    expect(lastSunday(1996, 10)).toBe(27);
  });

  it('matches the tz database for every year from 1997 to 2099', () => {
    for (let year = 1997; year <= 2099; year += 1) {
      // Both changes happen at 01:00 UTC on the last Sunday (02:00 CET, 03:00 CEST).
      const spring = DateTime.utc(year, 3, lastSunday(year, 3), 1);
      const autumn = DateTime.utc(year, 10, lastSunday(year, 10), 1);
      const offset = (t: DateTime) => t.setZone(ZONE).offset;
      expect([year, offset(spring.minus({ seconds: 1 })), offset(spring)]).toEqual([year, 60, 120]);
      expect([year, offset(autumn.minus({ seconds: 1 })), offset(autumn)]).toEqual([year, 120, 60]);
      // And no other change in between: one sample per week.
      for (let t = DateTime.utc(year, 1, 1); t.year === year; t = t.plus({ weeks: 1 })) {
        const summer = t >= spring && t < autumn;
        if (offset(t) !== (summer ? 120 : 60)) throw new Error(`offset differs at ${t.toISO()}`);
      }
    }
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
