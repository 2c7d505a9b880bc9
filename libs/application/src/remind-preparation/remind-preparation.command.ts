import { z } from 'zod';
import type { Viewer } from '../agenda/agenda-queries';

/** Which partners to remind: the given organisations, or every partner that has not prepared. */
export const RemindPreparationSchema = z.object({
  organisationIds: z
    .array(z.string().uuid({ error: 'Organisatie is ongeldig.' }), { error: 'Kies de organisaties.' })
    .max(50)
    .optional(),
});

export interface RemindPreparationCommand {
  readonly actor: Viewer;
  readonly itemId: string;
  readonly organisationIds?: readonly string[];
  /** The form's one-time key or the API's Idempotency-Key: a repeat reminds and audits nothing more. */
  readonly submissionKey?: string;
}
