import { InputError } from '@overlegtafels/application';

/**
 * The "shared" field of the share form and API: a JSON boolean, or a form's "true", "on" or
 * "false". Anything else (or nothing) is a 400 next to the field.
 */
export function sharedFlag(value: unknown): boolean {
  if (value === true || value === 'true' || value === 'on') return true;
  if (value === false || value === 'false') return false;
  throw new InputError([
    { field: 'shared', code: 'INVALID', message: 'Kies of het agendapunt gedeeld wordt (ja of nee).' },
  ]);
}
