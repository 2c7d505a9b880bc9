import { z } from 'zod';
import { isEmailAddress } from '@overlegtafels/mail';

/**
 * The field kinds the forms and the API share (agenda-input.ts, casusregie-input.ts). Every
 * message is Dutch and names the field; sizes are bounded so a form cannot store a novel.
 */
export const SHORT = 200;
export const LONG = 5_000;

export const text = (label: string, max = LONG) =>
  z
    .string({ error: `${label} is verplicht.` })
    .trim()
    .min(1, { error: `${label} is verplicht.` })
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` });

export const optionalText = (label: string, max = LONG) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v));

export const email = (label: string) =>
  z
    .string({ error: `${label} is verplicht.` })
    .trim()
    .min(1, { error: `${label} is verplicht.` })
    .max(254, { error: `${label} is te lang.` })
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
