import { z } from 'zod';
import {
  CASUSREGISSEUR_CHANGE_REASONS,
  type CasusregisseurChangeReason,
  type LocalDateString,
} from '@overlegtafels/domain';
import type { Actor } from '../agenda/agenda-views';

/** The form or JSON body of a change of casusregisseur; the rules between fields are the domain's. */
export const CasusregisseurChangeSchema = z.object({
  casusregisseurId: z
    .string({ error: 'Kies de nieuwe casusregisseur.' })
    .uuid({ error: 'Kies de nieuwe casusregisseur uit de lijst.' }),
  effectiveDate: z
    .string({ error: 'Datum van de overdracht is verplicht.' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Datum van de overdracht: geef een datum (jjjj-mm-dd).' })
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        error: 'Datum van de overdracht: deze datum bestaat niet.',
      },
    ),
  reason: z.enum(CASUSREGISSEUR_CHANGE_REASONS, { error: 'Kies de reden van de overdracht.' }),
  note: z
    .string({ error: 'Toelichting: geef tekst.' })
    .trim()
    .max(500, { error: 'Toelichting mag hoogstens 500 tekens lang zijn.' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v)),
});

/** For coordinators (the route says so); the dossier from an audited open. */
export interface ReassignCasusregisseurCommand {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly casusregisseurId: string;
  readonly effectiveDate: LocalDateString;
  readonly reason: CasusregisseurChangeReason;
  readonly note?: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes nothing. */
  readonly submissionKey?: string;
}
