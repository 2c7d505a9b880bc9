import { formatLocalDate } from '../time/local-date.util';
import { easterSunday } from './easter.util';
import { holidaysInYear } from './holiday-calendar.policy';
import { TEST_HOLIDAYS } from '../testing/table-fixtures.test-util';

describe('Easter and the holidays hanging off it', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i falls on %s', (year, date) => {
    expect(formatLocalDate(easterSunday(year))).toBe(date);
  });

  it('puts Ascension Day 39 days after Easter', () => {
    const days = [...holidaysInYear(TEST_HOLIDAYS, 2026)].map(([day, name]) => [formatLocalDate(day), name]);
    expect(days).toEqual([
      ['2026-01-01', 'Nieuwjaar'],
      ['2026-05-14', 'Hemelvaart'],
      ['2026-12-25', 'Kerstmis'],
    ]);
  });

  it('keeps an Easter-based day that crosses into another year in that year', () => {
    const calendar = {
      key: 'x',
      name: 'x',
      rules: [{ kind: 'easter', offsetDays: 280, name: 'Laat' } as const],
    };
    // Easter 2026 + 280 days = 2027-01-10.
    expect([...holidaysInYear(calendar, 2027).keys()].map(formatLocalDate)).toContain('2027-01-10');
    expect([...holidaysInYear(calendar, 2026).keys()].map(formatLocalDate)).not.toContain('2027-01-10');
  });
});
