import { InvalidDossierCodeInputError } from './dossier.error';

/**
 * A dossier is named by its code (`CO3-2026-0042`) everywhere outside the access-controlled views,
 * never by the family's name. The number restarts every year and is at least four digits; a
 * five-digit number is written as it is, so codes stay unique after a busy year.
 */
const PREFIX_PATTERN = /^[A-Z][A-Z0-9]{0,9}$/;
const CODE_PATTERN = /^([A-Z][A-Z0-9]{0,9})-([1-9]\d{3})-(\d{4}|[1-9]\d{4,})$/;

export interface DossierCodeParts {
  readonly prefix: string;
  readonly year: number;
  readonly number: number;
}

/** The code after `lastNumber`, the highest number handed out for this prefix and year (0: none yet). */
export function nextDossierCode(regionPrefix: string, year: number, lastNumber: number): string {
  if (!PREFIX_PATTERN.test(regionPrefix)) {
    throw new InvalidDossierCodeInputError(
      `dossier code prefix must be 1-10 capitals or digits starting with a capital, got "${regionPrefix}"`,
    );
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidDossierCodeInputError(
      `dossier code year must be a four-digit year, got ${String(year)}`,
    );
  }
  if (!Number.isSafeInteger(lastNumber) || lastNumber < 0) {
    throw new InvalidDossierCodeInputError(
      `last dossier number must be a non-negative integer, got ${String(lastNumber)}`,
    );
  }
  return `${regionPrefix}-${year}-${String(lastNumber + 1).padStart(4, '0')}`;
}

/** The parts of a well-formed code; undefined for anything else, including number 0000. */
export function parseDossierCode(code: string): DossierCodeParts | undefined {
  const m = typeof code === 'string' ? CODE_PATTERN.exec(code) : null;
  if (!m) return undefined;
  const number = Number(m[3]);
  if (number === 0 || !Number.isSafeInteger(number)) return undefined;
  return { prefix: m[1]!, year: Number(m[2]), number };
}

/** Whether `code` is a dossier code, and when `regionPrefix` is given, one of that region. */
export function isDossierCode(code: string, regionPrefix?: string): boolean {
  const parts = parseDossierCode(code);
  return parts !== undefined && (regionPrefix === undefined || parts.prefix === regionPrefix);
}
