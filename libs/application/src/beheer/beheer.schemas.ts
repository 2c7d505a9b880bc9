import { z } from 'zod';
import { ROLES, TABLE_FUNCTIONS } from '@overlegtafels/domain';
import { blankToUndefined, checkbox, email, SHORT, text } from '../input/input-fields';

/**
 * The beheerder's forms and API bodies. Every change carries the reason it is made: it goes in the
 * audit log with the change (no names or other personal data in it, the form says so).
 */
export const beheerReason = text('Reden', 500);

/**
 * The roles a beheerder gives directly. `member` is not among them: it comes with a seat at a
 * table (a membership), and goes with it. `coordinator` here is the coordinator of every table of
 * the region; per table it is chosen in `coordinatorTables`.
 */
export const ASSIGNABLE_ROLES = ROLES.filter((r) => r !== 'member');
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** A form sends one value as a string and several as an array; JSON an array; none: nothing. */
const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const ROLE_CHOICE = `Rollen: kies rollen uit de lijst (${ASSIGNABLE_ROLES.join(', ')}).`;

/** Checked as a whole, so a wrong value is an error on `roles`, next to the checkboxes. */
const roles = z.preprocess(
  list,
  z
    .array(z.string({ error: ROLE_CHOICE }), { error: ROLE_CHOICE })
    .refine((v) => v.every((r) => (ASSIGNABLE_ROLES as readonly string[]).includes(r)), {
      error: ROLE_CHOICE,
    })
    .transform((v) => v as AssignableRole[])
    .meta({
      description: 'The roles held directly (`member` comes with a table seat)',
      items: { type: 'string', enum: [...ASSIGNABLE_ROLES] },
    }),
);

const TABLE_CHOICE = 'Coördinator van: kies tafels uit de lijst.';
const coordinatorTables = z.preprocess(
  list,
  z
    .array(z.string({ error: TABLE_CHOICE }), { error: TABLE_CHOICE })
    .refine((v) => v.every((t) => t.length <= 40), { error: TABLE_CHOICE }),
);

const organisationId = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'Organisatie: kies een organisatie uit de lijst.' })
    .uuid({ error: 'Organisatie: kies een organisatie uit de lijst.' })
    .optional(),
);

export const RolesSchema = z.object({ roles, coordinatorTables, reason: beheerReason });

const personFields = {
  displayName: text('Naam', SHORT),
  email: email('E-mailadres'),
  organisationId,
  reason: beheerReason,
};

export const PersonDetailsSchema = z.object(personFields);

export const AddPersonSchema = z.object({ ...personFields, roles, coordinatorTables });

export const MembershipSchema = z.object({
  tableKey: z
    .string({ error: 'Tafel: kies een tafel uit de lijst.' })
    .trim()
    .min(1, { error: 'Tafel: kies een tafel uit de lijst.' })
    .max(40, { error: 'Tafel: kies een tafel uit de lijst.' }),
  function: z.enum(TABLE_FUNCTIONS, { error: 'Functie: kies een functie uit de lijst.' }),
  standing: checkbox,
  reason: beheerReason,
});

const kindChoice = 'Soort: kies een soort organisatie uit de lijst.';

export const OrganisationSchema = z.object({
  name: text('Naam', SHORT),
  // Whether the region lists it is the use case's check (RegionConfig.organisationKinds), after
  // the region fence: another region's organisation is "not found" whatever the body says.
  kind: z.string({ error: kindChoice }).trim().min(1, { error: kindChoice }).max(60, { error: kindChoice }),
  contactEmail: z.preprocess(blankToUndefined, email('Contactadres').optional()),
  reason: beheerReason,
});

export const BeheerReasonSchema = z.object({ reason: beheerReason });

export type RolesInput = z.output<typeof RolesSchema>;
export type PersonDetailsInput = z.output<typeof PersonDetailsSchema>;
export type AddPersonInput = z.output<typeof AddPersonSchema>;
export type MembershipInput = z.output<typeof MembershipSchema>;
export type OrganisationInput = z.output<typeof OrganisationSchema>;
