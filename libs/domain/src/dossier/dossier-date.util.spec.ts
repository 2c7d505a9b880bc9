import fc from 'fast-check';
import { formatLocalDate, parseLocalDate } from '../time/local-date.util';
import { addMonths, earliestAfsluitingDate, formatDutchDate } from './dossier-date.util';

describe('six months after the afronding', () => {
  it.each([
    ['2026-06-16', '2026-12-16'],
    ['2026-09-15', '2027-03-15'],
    ['2026-08-31', '2027-02-28'],
    ['2027-08-29', '2028-02-29'],
    ['2027-08-31', '2028-02-29'],
    ['2026-12-31', '2027-06-30'],
    ['2027-02-28', '2027-08-28'],
  ])('afgerond on %s: afsluiting from %s', (afronding, earliest) => {
    expect(earliestAfsluitingDate(afronding)).toBe(earliest);
  });

  it('adds and subtracts calendar months across years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-05-04', 0)).toBe('2026-05-04');
    expect(() => addMonths('16-06-2026', 6)).toThrow(RangeError);
  });

  it('is always between 181 and 184 days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseLocalDate('2000-01-01')!, max: parseLocalDate('2099-12-31')! }),
        (day) => {
          const from = formatLocalDate(day);
          const gap = parseLocalDate(earliestAfsluitingDate(from))! - day;
          expect(gap).toBeGreaterThanOrEqual(181);
          expect(gap).toBeLessThanOrEqual(184);
        },
      ),
    );
  });
});

describe('dates in Dutch messages', () => {
  it('reads as a coordinator writes them', () => {
    expect(formatDutchDate('2026-12-16')).toBe('16 december 2026');
    expect(formatDutchDate('2027-03-01')).toBe('1 maart 2027');
    expect(formatDutchDate('niet-een-datum')).toBe('niet-een-datum');
  });
});
