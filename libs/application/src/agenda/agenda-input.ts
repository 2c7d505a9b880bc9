import { z } from 'zod';
import type { RefusalKind } from '../errors/refusal-kind';

/**
 * The fields of the forms and of the API, validated once for both. Every message is Dutch and is
 * shown next to its field; the API answers 400 with the same field names. Sizes are bounded so a
 * form cannot be used to store a novel.
 */

export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export class InputError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

/**
 * A refusal by the rules (not a typo), with a stable code and the kind of refusal; the edge maps
 * the kind to an HTTP status in one place (apps/api/src/web/error-status.ts), a page shows the
 * message.
 */
export class AgendaRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly kind: RefusalKind = 'unprocessable',
  ) {
    super(message);
  }
}

import { bool, checkbox, email, localDate, optionalText, SHORT, text, uuid } from './input-fields';

export const CLIENT_ROLES = ['pleger', 'slachtoffer', 'kind', 'andere'] as const;
export const CLIENT_ROLE_LABELS: Record<(typeof CLIENT_ROLES)[number], string> = {
  pleger: 'pleger',
  slachtoffer: 'slachtoffer',
  kind: 'kind',
  andere: 'andere',
};

export const MAX_CLIENTS = 12;

const client = z
  .object({
    label: text('Naam of omschrijving', SHORT),
    role: z.enum(CLIENT_ROLES, { error: 'Kies de rol van deze persoon.' }),
    age: z.preprocess(
      (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
      z
        .number({ error: 'Leeftijd: geef een getal.' })
        .int({ error: 'Leeftijd: geef een heel getal.' })
        .min(0, { error: 'Leeftijd kan niet negatief zijn.' })
        .max(120, { error: 'Leeftijd: hoogstens 120.' })
        .optional(),
    ),
    over12: checkbox.optional(),
    relation: optionalText('Relatie', SHORT),
    wishesAndNeeds: optionalText('Wensen en noden'),
  })
  .transform((c) => ({
    ...c,
    // A child's age decides; without an age the aanmelder's tick does.
    over12: c.role === 'kind' ? (c.age !== undefined ? c.age > 12 : c.over12 === true) : false,
  }));

export const AanmeldingSchema = z
  .object({
    organisationId: uuid('Organisatie'),
    contactEmail: email('E-mailadres'),
    contactPhone: optionalText('Telefoon', 40),
    whyNow: text('Waarom nu'),
    violenceDescription: text('Welk geweld'),
    situationAtStart: text('Situatie bij het begin'),
    situationNow: text('Situatie nu'),
    mainRisks: text('Belangrijkste risico’s'),
    clients: z
      .array(client, { error: 'Vermeld minstens één cliënt.' })
      .min(1, { error: 'Vermeld minstens één cliënt.' })
      .max(MAX_CLIENTS, { error: `Hoogstens ${MAX_CLIENTS} cliënten.` }),
    clientRelations: text('Hoe de cliënten zich tot elkaar verhouden'),
    servicesInvolved: text('Betrokken diensten'),
    safetyPlanExists: bool('Veiligheidsplan'),
    safetyPlanDescription: optionalText('Veiligheidsplan'),
    questionsAndExpectations: text('Vragen en verwachtingen'),
    confidentialityConfirmed: checkbox.refine((v) => v, {
      error: 'Bevestig de gedeelde beroepsgeheimplicht (art. 458ter Sw.) om aan te melden.',
    }),
    familyInformed: bool('Gezin geïnformeerd'),
    familyNotInformedReason: optionalText('Waarom het gezin niet geïnformeerd is'),
  })
  // These run even when other fields are wrong, so every error shows at once.
  .refine((v) => v.familyInformed !== false || !!v.familyNotInformedReason, {
    path: ['familyNotInformedReason'],
    error: 'Zeg waarom het gezin niet geïnformeerd is.',
    when: () => true,
  })
  .refine((v) => v.safetyPlanExists !== true || !!v.safetyPlanDescription, {
    path: ['safetyPlanDescription'],
    error: 'Beschrijf kort het veiligheidsplan.',
    when: () => true,
  });
export type AanmeldingInput = z.output<typeof AanmeldingSchema>;

export const GUEST_KINDS = ['aanmelder', 'consulent', 'expert'] as const;

const guest = z.object({
  kind: z.enum(GUEST_KINDS, { error: 'Kies wie de gast is.' }),
  email: email('E-mailadres van de gast'),
  name: optionalText('Naam van de gast', SHORT),
});

export const AgenderingSchema = z.object({
  dossierCode: z
    .string({ error: 'Dossier is verplicht.' })
    .trim()
    .regex(/^[A-Z][A-Z0-9]{0,9}-\d{4}-\d{4,}$/, {
      error: 'Dossier: geef een dossiercode zoals CO3-2026-0042.',
    }),
  tableKey: z
    .string({ error: 'Kies een overlegtafel.' })
    .trim()
    .min(1, { error: 'Kies een overlegtafel.' })
    .max(40),
  itemType: z
    .string({ error: 'Kies het soort agendapunt.' })
    .trim()
    .min(1, { error: 'Kies het soort agendapunt.' })
    .max(60),
  questions: text('Vragen aan de tafel'),
  guests: z.array(guest).max(5, { error: 'Hoogstens 5 gasten per agendapunt.' }).default([]),
});
export type AgenderingInput = z.output<typeof AgenderingSchema>;

const reason = text('Reden', 500);

export const DecisionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('geen_ketenaanpak'),
      adviceText: text('Advies'),
      safetyPlanAdvice: text('Advies over een veiligheidsplan'),
      parketmeldingAdvies: checkbox.optional().default(false),
    }),
    z.object({ kind: z.literal('zonder_casusregisseur') }),
    z.object({
      kind: z.literal('met_casusregie'),
      casusregisseurId: uuid('Casusregisseur'),
      startDate: localDate('Startdatum'),
      consentVerified: checkbox.optional().default(false),
      consentVerifiedOn: localDate('Datum van de instemming')
        .optional()
        .or(z.literal('').transform(() => undefined)),
      /** Which family member consented (a role, e.g. "moeder"); with consentVerified only. */
      consentGivenBy: optionalText('Wie de instemming gaf', SHORT).optional(),
      // Unset: the first Weegploeg is the first vervolgoverleg.
      vervolgoverlegDate: localDate('Datum van het eerste vervolgoverleg')
        .optional()
        .or(z.literal('').transform(() => undefined)),
      casusregisseurAbsent: checkbox.optional().default(false),
      bijkomendCasusoverlegDate: localDate('Datum van het bijkomend casusoverleg')
        .optional()
        .or(z.literal('').transform(() => undefined)),
    }),
    z.object({ kind: z.literal('herbespreking'), missingInformation: text('Wat ontbreekt') }),
    z.object({ kind: z.literal('geen_instemming'), adviceText: optionalText('Advies') }),
    z.object({ kind: z.literal('pva_besproken'), terugkomdatum: localDate('Terugkomdatum') }),
    z.object({ kind: z.literal('afronding_goedgekeurd') }),
    z.object({ kind: z.literal('afronding_niet_goedgekeurd') }),
    z.object({ kind: z.literal('opvolging_genoteerd') }),
    z.object({ kind: z.literal('afsluiting_bevestigd') }),
    z.object({ kind: z.literal('afsluiting_niet_bevestigd') }),
  ],
  { error: 'Kies een beslissing.' },
);
export type DecisionFormInput = z.output<typeof DecisionSchema>;

export const ReasonSchema = z.object({ reason });

export const MoveItemSchema = z.object({
  reason,
  /** `up`/`down` on its own session, or another session (by id). */
  direction: z.enum(['up', 'down']).optional(),
  sessionId: uuid('Zitting').optional(),
});

export const MoveSessionSchema = z.object({
  reason,
  date: localDate('Nieuwe datum'),
  start: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Beginuur: uu:mm.' }),
  end: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Einduur: uu:mm.' }),
});

export const CapacitySchema = z.object({
  reason,
  capacityMinutes: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ error: 'Capaciteit: geef een aantal minuten.' })
      .int({ error: 'Capaciteit: een heel aantal minuten.' })
      .min(0, { error: 'Capaciteit kan niet negatief zijn.' })
      .max(600, { error: 'Capaciteit: hoogstens 600 minuten.' }),
  ),
});

export const ClosePeriodSchema = z
  .object({
    reason,
    from: localDate('Van'),
    to: localDate('Tot en met'),
    tableKey: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], error: 'Tot en met moet na Van liggen.' });

/** A coordinator's correction of the start of casusregie, with the reason for the record. */
export const CasusregieStartSchema = z.object({
  startDate: localDate('Startdatum'),
  reason: text('Reden', 500),
});

/**
 * Whether an OCJ/SDJ consulent is involved in a dossier, and since when. The address is optional
 * (the consulent may not use the service); both are required only while one is involved.
 */
export const ConsulentSchema = z
  .object({
    involved: bool('Consulent betrokken'),
    since: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(localDate('Betrokken sinds').optional()),
    email: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(email('E-mailadres van de consulent').optional()),
  })
  .superRefine((v, ctx) => {
    if (v.involved && !v.since) {
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'Betrokken sinds is verplicht.' });
    }
  });
export type ConsulentInput = z.output<typeof ConsulentSchema>;

/** Parses or throws an InputError with every field's first problem, named by its path. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'body';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({
      field,
      code: issue.code === 'custom' ? 'INVALID' : issue.code.toUpperCase(),
      message: issue.message,
    });
  }
  throw new InputError(errors);
}
