import { z } from 'zod';
import { blankToUndefined } from '../input/input-fields';

/** Fifty entries a page, as the dossier list. */
export const TO_DO_PAGE_SIZE = 50;
/** Obligations due within this many days are listed with the overdue ones. */
export const TO_DO_DUE_DAYS = 14;
/** Closed verslagen of sessions held within this many days. */
export const TO_DO_MINUTES_DAYS = 30;

/** `?pagina=` of the page (and the API's query), from 1. */
export const ToDoQuerySchema = z.object({
  pagina: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'Pagina: geef een getal.' })
      .int({ error: 'Pagina: geef een geheel getal.' })
      .min(1, { error: 'Pagina: geef een getal vanaf 1.' })
      .max(10_000, { error: 'Pagina: hoogstens 10000.' })
      .optional(),
  ),
});

export interface ListMyToDoCommand {
  /** The route for the audit log. */
  readonly route: string;
  /** From 1; a page past the end is empty. */
  readonly page?: number;
}
