import { z } from 'zod';
import { checkbox, localDate, optionalText, SHORT, text, uuid } from '../input/input-fields';
import type { Actor } from '../agenda/agenda-views';
import { RiskPictureSchema } from '../record-risk-picture/record-risk-picture.command';

export interface DecisionActor extends Actor {
  /** The tables the actor coordinates. */
  readonly coordinatorTables: readonly string[] | 'all';
}

/** What the table decided about one agendapunt; parsed at the edge with DecisionSchema (below). */
export interface RecordDecisionCommand {
  readonly actor: DecisionActor;
  readonly itemId: string;
  readonly decision: DecisionFormInput;
  /** The form's one-time key or the API's Idempotency-Key: the same again is the same decision. */
  readonly submissionKey?: string;
}

const DecisionKindSchema = z.discriminatedUnion(
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
      /** The risk picture at instroom (annex E), recorded with the decision. */
      riskPicture: RiskPictureSchema.optional(),
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

/**
 * Any decision may carry the traject the table chose; whether this one must, and which values the
 * region allows, is the region's dossier life (DossierLife.traject), checked by the domain.
 */
export const DecisionSchema = DecisionKindSchema.and(
  z.object({ traject: optionalText('Traject', SHORT).optional() }),
);
export type DecisionFormInput = z.output<typeof DecisionSchema>;
