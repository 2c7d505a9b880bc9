import { z } from 'zod';
import { blankToUndefined, localDate } from '../input/input-fields';

/** How many dossiers one page of the list shows unless asked otherwise, and at most. */
export const DOSSIER_PAGE_SIZE = 50;
export const DOSSIER_PAGE_MAX = 200;

const CODE = /^[A-Za-z0-9-]{1,40}$/;
const KEY = /^[a-z0-9-]{1,60}$/;
/** A phase key of the region (checked against its phases by the use case). */
const PHASE_KEY = /^[a-z0-9_-]{1,60}$/;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * The dossier list's query, as the page's search form and `GET /api/dossiers` send it: each field
 * optional, every error in Dutch naming its field. Only codes, keys, ids and dates: a list's URL
 * carries no name (a casusregisseur is chosen by id).
 */
export const ListDossiersSchema = z
  .object({
    code: optional(
      z
        .string()
        .trim()
        .regex(CODE, { error: 'Dossiercode: alleen letters, cijfers en streepjes, hoogstens 40.' }),
    ),
    phase: optional(z.string().regex(PHASE_KEY, { error: 'Fase: kies een van de fasen uit de lijst.' })),
    casusregisseur: optional(z.string().uuid({ error: 'Casusregisseur: kies iemand uit de lijst.' })),
    table: optional(z.string().regex(KEY, { error: 'Tafel: kies een tafel uit de lijst.' })),
    from: optional(localDate('Aangemeld vanaf')),
    to: optional(localDate('Aangemeld tot en met')),
    after: optional(
      z
        .string()
        .regex(/^[re]\.[A-Za-z0-9-]{1,40}$/, { error: 'Volgende pagina: deze verwijzing is ongeldig.' }),
    ),
    limit: optional(
      z.coerce
        .number({ error: 'Aantal: geef een getal.' })
        .int({ error: 'Aantal: geef een geheel getal.' })
        .min(1, { error: 'Aantal: minstens 1.' })
        .max(DOSSIER_PAGE_MAX, { error: `Aantal: hoogstens ${DOSSIER_PAGE_MAX}.` }),
    ),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'Aangemeld tot en met: deze datum ligt vóór de datum vanaf.',
    path: ['to'],
  });

/** List the dossiers the reader has need-to-know of, narrowed and a page at a time. */
export type ListDossiersCommand = z.input<typeof ListDossiersSchema>;
export type ListDossiersQuery = z.output<typeof ListDossiersSchema>;
