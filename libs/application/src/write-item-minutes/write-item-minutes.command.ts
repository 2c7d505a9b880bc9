import { z } from 'zod';
import { LONG } from '../input/input-fields';

/** The verslag of one agendapunt: what was said, as the verslaggever writes it (may be emptied). */
export const WriteItemMinutesSchema = z.object({
  text: z
    .string({ error: 'Verslag: geef tekst.' })
    .max(4 * LONG, { error: `Verslag mag hoogstens ${4 * LONG} tekens lang zijn.` })
    .transform((v) => v.replace(/\r\n/g, '\n').trim()),
});

export interface WriteItemMinutesCommand {
  readonly sessionId: string;
  readonly itemId: string;
  readonly text: string;
  readonly route: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat answers as the first. */
  readonly submissionKey?: string;
}
