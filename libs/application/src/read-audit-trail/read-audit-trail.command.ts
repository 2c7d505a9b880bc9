import { z } from 'zod';
import { blankToUndefined, localDate } from '../input/input-fields';

/** Rows per page of the audit page; the CSV export takes every matching row. */
export const AUDIT_PAGE_SIZE = 100;
/** Totals are counted up to here ("meer dan 10 000"). */
export const AUDIT_COUNT_CAP = 10_000;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * The audit page's filter as its search form and the CSV link send it: ids, codes, keys and
 * dates only. Every error names its field, in Dutch.
 */
export const AuditTrailSchema = z
  .object({
    code: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{1,10}-\d{4}-\d{4}$/, {
          error: 'Dossier: geef een volledige dossiercode, bv. CO3-2026-0012.',
        })
        .transform((v) => v.toUpperCase()),
    ),
    person: optional(z.string().uuid({ error: 'Persoon: kies iemand uit de lijst.' })),
    action: optional(
      z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9.-]{0,79}$/, {
          error: 'Handeling: alleen kleine letters, cijfers, punten en streepjes.',
        }),
    ),
    outcome: optional(z.enum(['allowed', 'denied'], { error: 'Uitkomst: kies toegestaan of geweigerd.' })),
    from: optional(localDate('Vanaf')),
    to: optional(localDate('Tot en met')),
    after: optional(
      z.string().regex(/^\d{1,19}$/, { error: 'Volgende pagina: deze verwijzing is ongeldig.' }),
    ),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'Tot en met: deze datum ligt vóór de datum vanaf.',
    path: ['to'],
  });

export type ReadAuditTrailCommand = z.input<typeof AuditTrailSchema>;
export type AuditTrailQuery = z.output<typeof AuditTrailSchema>;
