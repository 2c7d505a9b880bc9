import { z } from 'zod';
import { isEmailAddress } from '@overlegtafels/mail';
import { controlCharacterMessage, hasControlCharacter } from './control-characters';

/**
 * The fields of the forms and of the API, for the commands' input schemas: every message is Dutch
 * and is shown next to its field; the API answers 400 with the same field names. Sizes are
 * bounded so a form cannot be used to store a novel.
 */

export const SHORT = 200;
export const LONG = 5_000;

/** Typed text carries no control characters (issue #17: a NUL byte was a 500). */
const typed = (v: string) => !hasControlCharacter(v);

export const text = (label: string, max = LONG) =>
  z
    .string({ error: `${label} is verplicht.` })
    .trim()
    .min(1, { error: `${label} is verplicht.` })
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` })
    .refine(typed, { error: controlCharacterMessage(label) });

export const optionalText = (label: string, max = LONG) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` })
    .refine(typed, { error: controlCharacterMessage(label) })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v));

export const email = (label: string) =>
  z
    .string({ error: `${label} is verplicht.` })
    .trim()
    .min(1, { error: `${label} is verplicht.` })
    .max(254, { error: `${label} is te lang.` })
    .refine(typed, { error: controlCharacterMessage(label) })
    .refine((v) => isEmailAddress(v), { error: `${label} is geen geldig e-mailadres.` });

/** Form checkboxes arrive as "on"/"true"/"ja"; JSON as booleans. */
export const bool = (label: string) =>
  z.preprocess(
    (v) =>
      v === 'on' || v === 'true' || v === 'ja' || v === '1'
        ? true
        : v === 'false' || v === 'nee' || v === '0'
          ? false
          : v,
    z.boolean({ error: `${label}: kies ja of nee.` }),
  );

export const checkbox = z.preprocess(
  (v) => v === true || v === 'on' || v === 'true' || v === '1',
  z.boolean(),
);

export const uuid = (label: string) =>
  z.string({ error: `${label} is verplicht.` }).uuid({ error: `${label} is ongeldig.` });

export const localDate = (label: string) =>
  z
    .string({ error: `${label} is verplicht.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}: geef een datum (jjjj-mm-dd).` })
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        error: `${label}: deze datum bestaat niet.`,
      },
    );

/** A note's length: what was agreed, or why a child was not heard. */
export const NOTE = 2_000;

/** Empty form fields are fields not filled in. */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A coordinator's reason, for the audit log and whoever hears about the change. */
export const reason = text('Reden', 500);

/** A command whose only input is the coordinator's reason (cancel, freeze, unfreeze). */
export const ReasonSchema = z.object({ reason });
