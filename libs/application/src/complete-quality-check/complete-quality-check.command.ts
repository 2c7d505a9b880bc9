import { z } from 'zod';
import { QUALITY_CHECK_ITEMS, QualityCheck, QualityCheckItem } from '@overlegtafels/domain';

const ticked = (v: unknown) => v === true || v === 'on' || v === 'true' || v === 'ja' || v === '1';

/**
 * The checklist as JSON (`checks: { instemming: true, … }`) or as the form sends it (a checkbox
 * `check-<point>` per point, absent when not ticked). An unticked point is "not in order".
 */
export const QualityCheckSchema = z.preprocess(
  (body) => {
    if (!body || typeof body !== 'object') return body;
    const b = body as Record<string, unknown>;
    if (b.checks !== undefined) return b;
    return {
      ...b,
      checks: Object.fromEntries(QUALITY_CHECK_ITEMS.map((item) => [item, ticked(b[`check-${item}`])])),
    };
  },
  z.object({
    checks: z
      .record(z.string(), z.unknown(), { error: 'Geef per punt aan of het in orde is.' })
      .transform(
        (c) =>
          Object.fromEntries(QUALITY_CHECK_ITEMS.map((item) => [item, ticked(c[item])])) as Record<
            QualityCheckItem,
            boolean
          >,
      ),
    remarks: z
      .string({ error: 'Opmerkingen: geef tekst.' })
      .trim()
      .max(2000, { error: 'Opmerkingen mogen hoogstens 2000 tekens lang zijn.' })
      .optional()
      .transform((v) => (v === undefined || v === '' ? undefined : v)),
  }),
);

/** For the region's strategic coordinators. */
export interface CompleteQualityCheckCommand {
  readonly obligationId: string;
  readonly check: QualityCheck;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes nothing. */
  readonly submissionKey?: string;
  /** The route for the audit log. */
  readonly route: string;
}
