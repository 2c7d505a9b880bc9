import { z } from 'zod';
import { CHILDREN_HEARD_ANSWERS } from '@overlegtafels/domain';
import { SHORT, LONG, text, optionalText, email } from '../input/input-fields';
import type { Actor } from '../agenda/agenda-views';

export interface AgenderingActor extends Actor {
  readonly isCoordinator: boolean;
}

export interface UploadedFile {
  readonly originalName: string;
  readonly bytes: Buffer;
}

/** The agendering form or JSON body, parsed at the edge with AgenderingSchema (below), with its upload. */
export interface SubmitAgenderingCommand {
  readonly actor: AgenderingActor;
  readonly agendering: AgenderingInput;
  readonly document?: UploadedFile;
  /** The form's one-time key or the API's Idempotency-Key: the same again is the same agendering. */
  readonly submissionKey?: string;
}

export const GUEST_KINDS = ['aanmelder', 'consulent', 'expert'] as const;

const guest = z.object({
  kind: z.enum(GUEST_KINDS, { error: 'Kies wie de gast is.' }),
  email: email('E-mailadres van de gast'),
  name: optionalText('Naam van de gast', SHORT),
});

/** Form fields that come once (a string) or repeated (an array); JSON sends arrays. */
const toArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const domains = z.preprocess(
  toArray,
  z.array(z.string().trim().max(60), { error: 'Kies domeinen uit de lijst.' }).max(10),
);
const childrenHeard = z.enum(CHILDREN_HEARD_ANSWERS, {
  error: 'Zeg of alle kinderen ouder dan 12 jaar gehoord werden.',
});

/**
 * The answers to the leidraad bij agendering (annexes F and G) as typed: every field optional
 * here; which must be answered depends on the item type (BRIEF_SCHEMAS, checked by the use case).
 */
const BriefFieldsSchema = z.object({
  whyNow: optionalText('Waarom nu'),
  domains: domains.optional(),
  safetyAgreements: optionalText('Veiligheidsafspraken'),
  childrenOver12Heard: z.preprocess((v) => (v === '' ? undefined : v), childrenHeard.optional()),
  childrenNotHeardPlan: optionalText('Hoe de kinderen alsnog gehoord worden'),
  methodOrExpertise: optionalText('Methodiek of expertise', SHORT),
  goalsReached: optionalText('Bereikte doelstellingen'),
  violenceStopped: optionalText('Het geweld is gestopt'),
  recurrencePrevented: optionalText('Herhaling voorkomen'),
  riskFactorsReduced: optionalText('Risicofactoren verminderd'),
});

const notHeardPlan = (
  v: { childrenOver12Heard?: string; childrenNotHeardPlan?: string },
  ctx: z.RefinementCtx,
) => {
  if (v.childrenOver12Heard === 'nee' && !v.childrenNotHeardPlan) {
    ctx.addIssue({
      code: 'custom',
      path: ['childrenNotHeardPlan'],
      message: 'Zeg hoe de kinderen ouder dan 12 jaar alsnog gehoord worden.',
    });
  }
};

const bespreking = z.object({
  whyNow: text('Waarom nu', LONG),
  domains: domains.default([]),
  safetyAgreements: text('Veiligheidsplan en veiligheidsafspraken', LONG),
  childrenOver12Heard: childrenHeard,
  childrenNotHeardPlan: optionalText('Hoe de kinderen alsnog gehoord worden'),
  methodOrExpertise: optionalText('Methodiek of expertise', SHORT),
});

/**
 * Per kind of brief, what must be answered: a plan at the Weegploeg (annex G, step 1), an
 * afronding (annex G, part 3: the goals of the plan and the three goals of CO3), a Ronde Tafel
 * item (annex F: the same questions, answered as far as they apply).
 */
export const BRIEF_SCHEMAS = {
  bespreking: bespreking.superRefine(notHeardPlan),
  afronding: bespreking
    .extend({
      goalsReached: text('Bereikte doelstellingen van het plan van aanpak', LONG),
      violenceStopped: text('Het geweld is gestopt', LONG),
      recurrencePrevented: text('Herhaling wordt voorkomen', LONG),
      riskFactorsReduced: text('Risicofactoren verminderd of beschermende factoren vergroot', LONG),
    })
    .superRefine(notHeardPlan),
  toelichting: BriefFieldsSchema.extend({ domains: domains.default([]) }).superRefine(notHeardPlan),
} as const;

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
  brief: BriefFieldsSchema.optional(),
});
export type AgenderingInput = z.output<typeof AgenderingSchema>;
