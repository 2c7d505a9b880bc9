import { z } from 'zod';
import { blankToUndefined, localDate } from '../input/input-fields';

/** The archive's search: a date range (Brussels dates, both inclusive) and a dossier code. */
export const MinutesArchiveSearchSchema = z.object({
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
  readonly route: string;
}
