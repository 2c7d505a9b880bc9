import { DateTime } from 'luxon';
import {
  assertInterval,
  dutchDate,
  dutchDateTime,
  dutchDeadline,
  dutchShortDate,
  dutchTime,
  dutchTimeRange,
  dutchWeekdayTime,
  inBrussels,
} from './brussels-time';
import { MailValueError } from './mail-values';
import { zdt } from './testing/mail-fixtures.test-util';

describe('Dutch dates in Brussels time', () => {
  it('writes dates the Flemish way', () => {
    expect(dutchDate(zdt('2026-12-04T10:00'))).toBe('vrijdag 4 december 2026');
    expect(dutchShortDate(zdt('2026-12-01T13:00'))).toBe('1 december 2026');
    expect(dutchTimeRange(zdt('2026-12-04T10:00'), zdt('2026-12-04T10:30'))).toBe('10:00–10:30');
    expect(dutchWeekdayTime(zdt('2026-12-03T13:00'))).toBe('donderdag 13:00');
    expect(dutchDateTime(zdt('2026-12-03T13:00'))).toBe('donderdag 3 december 2026 om 13:00');
    expect(dutchDeadline(zdt('2026-11-27T00:00'))).toBe('donderdag 26 november 2026 om 24:00');
    expect(dutchDeadline(zdt('2026-11-26T17:00'))).toBe('donderdag 26 november 2026 om 17:00');
  });

  it('shows the Brussels wall time whatever zone the value (or the process) is in', () => {
    // 09:00 UTC is 10:00 in winter and 11:00 in summer in Brussels.
    const winter = DateTime.fromISO('2026-12-04T09:00:00Z', { zone: 'utc' });
    const summer = DateTime.fromISO('2026-07-03T09:00:00', { zone: 'America/New_York' });
    expect(dutchTime(winter)).toBe('10:00');
    expect(dutchDate(summer)).toBe('vrijdag 3 juli 2026');
    expect(dutchTime(summer)).toBe('15:00');
    expect(dutchTime(DateTime.fromJSDate(new Date(Date.UTC(2026, 11, 4, 9))))).toBe('10:00');
  });

  it('handles the DST weeks', () => {
    // Summer time starts Sunday 29 March 2026 and ends Sunday 25 October 2026.
    expect(inBrussels(zdt('2026-03-31T13:00')).toUTC().toISO()).toBe('2026-03-31T11:00:00.000Z');
    expect(inBrussels(zdt('2026-10-27T13:00')).toUTC().toISO()).toBe('2026-10-27T12:00:00.000Z');
    expect(dutchDate(zdt('2026-03-31T13:00'))).toBe('dinsdag 31 maart 2026');
  });

  it('refuses invalid values instead of printing "Invalid DateTime"', () => {
    expect(() => dutchDate(DateTime.invalid('test'))).toThrow(MailValueError);
    expect(() => dutchDate('2026-12-04' as unknown as DateTime)).toThrow(MailValueError);
    expect(() => assertInterval(zdt('2026-12-04T10:30'), zdt('2026-12-04T10:00'), 'slot')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE_TIME' }),
    );
  });
});
