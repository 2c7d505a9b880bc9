import { z } from 'zod';
import { AanmeldingQuestion, regionAnswersOf } from '@overlegtafels/domain';
import { SHORT, text, optionalText, email, bool, checkbox, uuid } from '../input/input-fields';
import type { Actor } from '../agenda/agenda-views';

/** The aanmelding form or JSON body, parsed at the edge with AanmeldingSchema (below). */
export interface SubmitAanmeldingCommand {
  readonly actor: Actor;
  readonly aanmelding: AanmeldingInput;
  /** The form's one-time key or the API's Idempotency-Key: the same again is the same aanmelding. */
  readonly submissionKey?: string;
}

export { SubmissionKeySchema, submissionKeyOf } from '../submissions/submitted-once';

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

/**
 * The answers to the region's own questions: a text or a list of option keys per question key,
 * checked against the questions (every problem named `regionAnswers.<key>`, with the others).
 */
function regionAnswersField(questions: readonly AanmeldingQuestion[]) {
  const shape = z.record(
    z.string().max(60),
    z.union([z.string().max(10_000), z.array(z.string().max(200)).max(30)]),
    { error: 'Vragen van de regio: geef per vraag een tekst of een lijst van keuzes.' },
  );
  return shape
    .default({})
    .superRefine((answers, ctx) => {
      for (const p of regionAnswersOf(questions, answers).problems) {
        ctx.addIssue({ code: 'custom', path: [p.field.slice('regionAnswers.'.length)], message: p.message });
      }
    })
    .transform((answers) => regionAnswersOf(questions, answers).answers)
    .meta({ description: "The answers to the region's own questions, by question key" });
}

/** The aanmelding form or body of a region with these questions of its own (none: CO3's form). */
export function aanmeldingSchemaFor(questions: readonly AanmeldingQuestion[]) {
  return (
    z
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
        regionAnswers: regionAnswersField(questions),
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
      })
  );
}

/** The form of a region without questions of its own, and the API's description of the body. */
export const AanmeldingSchema = aanmeldingSchemaFor([]);
export type AanmeldingInput = z.output<typeof AanmeldingSchema>;
