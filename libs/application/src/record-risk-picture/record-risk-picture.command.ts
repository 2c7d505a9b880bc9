import { z } from 'zod';
import { NOTE, optionalText, uuid } from '../input/input-fields';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** One factor kept in the picture; a factor left out is struck (annex E). */
export const RiskPictureFactorSchema = z.object({
  factorKey: z
    .string({ error: 'Factor is verplicht.' })
    .trim()
    .min(1, { error: 'Factor is verplicht.' })
    .max(100, { error: 'Factor is ongeldig.' }),
  mark: z.enum(['aanwezig', 'niet-gekend'], { error: 'Kies aanwezig of niet gekend.' }),
  motivation: optionalText('Motivering', NOTE),
  /** Ids of the dossier's clients (its aanmeldingen's family members). */
  clientIds: z.array(uuid('Gezinslid')).max(50).optional().default([]),
});

/** The picture itself, as the ICO decision and the casusregisseur's update carry it. */
export const RiskPictureSchema = z.object({
  factors: z.array(RiskPictureFactorSchema).max(200, { error: 'Te veel factoren.' }),
});
export type RiskPictureInput = z.output<typeof RiskPictureSchema>;

/** What the casusregisseur records after the ICO; the ICO's own picture goes with its decision. */
export const RiskPictureUpdateSchema = RiskPictureSchema.extend({
  occasion: z
    .enum(['update', 'tussentijdse-evaluatie', 'afronding'], { error: 'Kies een aanleiding.' })
    .optional()
    .default('update'),
});
export type RiskPictureUpdateInput = z.output<typeof RiskPictureUpdateSchema>;

/** Parsed at the edge with RiskPictureUpdateSchema; `dossierId` comes from an audited read. */
export interface RecordRiskPictureCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierId: string;
  readonly picture: RiskPictureUpdateInput;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes no second version. */
  readonly submissionKey?: string;
}
