import fc from 'fast-check';
import { isDossierCode, nextDossierCode, parseDossierCode } from './dossier-code.util';
import { InvalidDossierCodeInputError } from './dossier.error';

describe('dossier codes', () => {
  it('hands out the number after the last one, padded to four digits', () => {
    expect(nextDossierCode('CO3', 2026, 42)).toBe('CO3-2026-0043');
    expect(nextDossierCode('CO3', 2027, 0)).toBe('CO3-2027-0001');
  });

  it('keeps counting past 9999 instead of wrapping', () => {
    expect(nextDossierCode('CO3', 2026, 9999)).toBe('CO3-2026-10000');
    expect(isDossierCode('CO3-2026-10000')).toBe(true);
  });

  it.each([
    ['a lower-case prefix', 'co3', 2026, 1],
    ['an empty prefix', '', 2026, 1],
    ['a prefix with a hyphen', 'VH-VB', 2026, 1],
    ['a two-digit year', 'CO3', 26, 1],
    ['a negative last number', 'CO3', 2026, -1],
    ['a fractional last number', 'CO3', 2026, 1.5],
  ] as const)('refuses to build a code from %s', (_case, prefix, year, last) => {
    expect(() => nextDossierCode(prefix, year, last)).toThrow(InvalidDossierCodeInputError);
  });

  it.each([
    ['CO3-2026-0042', true],
    ['VH-2026-0001', true],
    ['CO3-2026-12345', true],
    ['CO3-2026-0000', false],
    ['CO3-2026-042', false],
    ['CO3-2026-00042', false],
    ['co3-2026-0042', false],
    ['CO3-26-0042', false],
    ['CO3-0999-0042', false],
    [' CO3-2026-0042', false],
    ['CO3-2026-0042\n', false],
    ['CO3 2026 0042', false],
  ] as const)('%s is a dossier code: %s', (code, expected) => {
    expect(isDossierCode(code)).toBe(expected);
  });

  it('checks the region when asked', () => {
    expect(isDossierCode('CO3-2026-0042', 'CO3')).toBe(true);
    expect(isDossierCode('CO3-2026-0042', 'VH')).toBe(false);
    expect(parseDossierCode('CO3-2026-0042')).toEqual({ prefix: 'CO3', year: 2026, number: 42 });
    expect(parseDossierCode('geen code')).toBeUndefined();
  });

  it('every code it hands out parses back to its parts', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][A-Z0-9]{0,9}$/),
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (prefix, year, last) => {
          const code = nextDossierCode(prefix, year, last);
          expect(parseDossierCode(code)).toEqual({ prefix, year, number: last + 1 });
          expect(isDossierCode(code, prefix)).toBe(true);
        },
      ),
    );
  });
});
