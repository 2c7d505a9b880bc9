import { z } from 'zod';
import { blankToUndefined, localDate, text, uuid } from '../input/input-fields';

/**
 * An action point as the form or JSON sends it: what, by when, and who — a person, or an
 * organisation (then its contact at the table: the person given, or else the first of its people
 * at the table by name).
 */
export const AddActionPointSchema = z
  .object({
    what: text('Wat', 1_000),
    dueDate: localDate('Tegen wanneer'),
    ownerPersonId: z.preprocess(blankToUndefined, uuid('Wie').optional()),
    ownerOrganisationId: z.preprocess(blankToUndefined, uuid('Organisatie').optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.ownerPersonId && !v.ownerOrganisationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['ownerPersonId'],
        message: 'Kies wie het actiepunt opneemt: een persoon of een organisatie.',
      });
    }
  });
export type AddActionPointInput = z.output<typeof AddActionPointSchema>;

export interface AddActionPointCommand extends AddActionPointInput {
  readonly sessionId: string;
  readonly itemId: string;
  readonly route: string;
  /** The form's one-time key or the API's Idempotency-Key: the same again is the same action point. */
  readonly submissionKey?: string;
}
