import { z } from 'zod';
import { PREPARATION_VISIBILITIES } from '@overlegtafels/domain';
import type { Viewer } from '../agenda/agenda-queries';
import { bool, optionalText } from '../input/input-fields';

export const PREPARATION_TEXT_MAX = 2_000;

/** What one partner found in its own systems about one item (guide II.C). */
export const PreparationSchema = z
  .object({
    known: bool('Gekend'),
    summary: optionalText('Korte samenvatting', PREPARATION_TEXT_MAX),
    riskSignals: optionalText('Risicosignalen', PREPARATION_TEXT_MAX),
    visibility: z.enum(PREPARATION_VISIBILITIES, {
      error: 'Kies wie dit mag zien: de tafel of enkel de coördinatoren.',
    }),
  })
  .superRefine((v, ctx) => {
    if (v.known && !v.summary) {
      ctx.addIssue({
        code: 'custom',
        path: ['summary'],
        message: 'Vat kort samen wat uw organisatie over het gezin kent.',
      });
    }
  });
export type PreparationInput = z.output<typeof PreparationSchema>;

/** Parsed at the edge with PreparationSchema; the organisation is the actor's own, at the table. */
export interface RecordPreparationCommand {
  readonly actor: Viewer;
  readonly itemId: string;
  readonly preparation: PreparationInput;
}
