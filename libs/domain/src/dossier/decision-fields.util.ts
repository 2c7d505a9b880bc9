import { parseLocalDate } from '../time/local-date.util';
import { DossierRefusal, refuse } from './dossier-outcome.model';

// The field checks the decisions share: each answers undefined (or the parsed value) when the
// field is right, and a refusal naming the field when it is not.

/** Undefined when the text is there; a refusal naming the field when it is missing or not text. */
export function requiredText(
  value: unknown,
  field: string,
  what: string,
  why?: string,
): DossierRefusal | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return refuse('FIELD_REQUIRED', why ? `${what} is verplicht. ${why}` : `${what} is verplicht.`, field);
  }
  if (typeof value !== 'string') return refuse('FIELD_INVALID', `${what} moet tekst zijn.`, field);
  return undefined;
}

export function optionalBoolean(value: unknown, field: string, what: string): DossierRefusal | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  return refuse('FIELD_INVALID', `${what} is ja of nee.`, field);
}

export function requiredDate(
  value: unknown,
  field: string,
  what: string,
): { readonly ok: true; readonly day: number } | DossierRefusal {
  const missing = requiredText(value, field, what);
  if (missing) return missing;
  const day = parseLocalDate(value as string);
  if (day === undefined) {
    return refuse('FIELD_INVALID', `${what} is geen geldige datum (jjjj-mm-dd): "${String(value)}".`, field);
  }
  return { ok: true, day };
}
