import { z } from 'zod';
import { blankToUndefined, localDate } from '../input/input-fields';
import { PageFieldsSchema } from '../paging/keyset-paging';

/** The archive's search: a date range (Brussels dates, both inclusive), a dossier code and the page. */
export const MinutesArchiveSearchSchema = PageFieldsSchema.extend({
  van: z.preprocess(blankToUndefined, localDate('Van').optional()),
  tot: z.preprocess(blankToUndefined, localDate('Tot').optional()),
  dossier: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(40, { error: 'Dossiercode is te lang.' })
      .regex(/^[A-Za-z0-9-]+$/, { error: 'Dossiercode: letters, cijfers en streepjes.' })
      .transform((v) => v.toUpperCase())
      .optional(),
  ),
});

export interface ListMinutesArchiveCommand {
  readonly tableKey: string;
  readonly from?: string;
  readonly to?: string;
  readonly dossierCode?: string;
  /** The page: after this token (the next), or before it (the previous); the first without. */
  readonly after?: string;
  readonly before?: string;
  /** Rows a page (fifty unless asked). */
  readonly limit?: number;
  readonly route: string;
}
