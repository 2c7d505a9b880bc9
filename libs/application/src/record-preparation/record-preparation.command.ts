import { z } from 'zod';
import { PREPARATION_VISIBILITIES, type PreparationVisibility } from '@overlegtafels/domain';
import type { Viewer } from '../agenda/agenda-queries';
import { bool, optionalText } from '../input/input-fields';

export const PREPARATION_TEXT_MAX = 2_000;

/** What one partner found in its own systems about one item (guide II.C). */
export const PreparationSchema = z
  .object({
    known: bool('Gekend').optional().catch(undefined),
    summary: optionalText('Korte samenvatting', PREPARATION_TEXT_MAX),
    riskSignals: optionalText('Risicosignalen', PREPARATION_TEXT_MAX),
    // Checked below with the others, so a form shows every problem at once, in the page's order.
    visibility: z.string().optional().catch(undefined),
  })
  .superRefine((v, ctx) => {
    if (v.known === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['known'],
        message: 'Kies of het gezin gekend is bij uw organisatie.',
      });
    }
    if (v.known && !v.summary) {
      ctx.addIssue({
        code: 'custom',
        path: ['summary'],
        message: 'Vat kort samen wat uw organisatie over het gezin kent.',
      });
    }
    if (!PREPARATION_VISIBILITIES.includes(v.visibility as PreparationVisibility)) {
      ctx.addIssue({
        code: 'custom',
        path: ['visibility'],
        message: 'Kies wie dit mag zien: de tafel of enkel de coördinatoren.',
      });
    }
  })
  .transform((v) => ({ ...v, known: v.known!, visibility: v.visibility as PreparationVisibility }));
export interface PreparationInput {
  readonly known: boolean;
  readonly summary?: string;
  readonly riskSignals?: string;
  readonly visibility: PreparationVisibility;
}

/** Parsed at the edge with PreparationSchema; the organisation is the actor's own, at the table. */
export interface RecordPreparationCommand {
  readonly actor: Viewer;
  readonly itemId: string;
  readonly preparation: PreparationInput;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes nothing. */
  readonly submissionKey?: string;
}
