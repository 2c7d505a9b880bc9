import { z } from 'zod';
import { ORGANISATION_KIND_KEY, VERVOLGHULP_STARTED, type VervolghulpReport } from '@overlegtafels/domain';

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}: geef tekst.` })
    .trim()
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v));

/**
 * The six-month report as the form (checkboxes `helpKinds`, one value or several) or JSON sends it.
 * Which help is needed with which answer is the domain's rule (checkVervolghulpReport).
 */
export const FollowUpReportSchema = z.object({
  started: z.enum(VERVOLGHULP_STARTED, {
    error: 'Kies of de vervolghulp gestart is: ja, gedeeltelijk of nee.',
  }),
  helpKinds: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(
        z
          .string({ error: 'Kies de vervolghulp uit de lijst.' })
          .max(60, { error: 'Kies de vervolghulp uit de lijst.' })
          .regex(ORGANISATION_KIND_KEY, { error: 'Kies de vervolghulp uit de lijst.' }),
        { error: 'Kies de vervolghulp uit de lijst.' },
      )
      .max(60, { error: 'Kies de vervolghulp uit de lijst.' })
      .transform((kinds) => [...new Set(kinds)]),
  ),
  otherHelp: optionalText('Andere hulp', 300),
  remarks: optionalText('Opmerkingen', 2000),
});

/** For the casusregisseur of the dossier (or a coordinator of the obligation's tables). */
export interface SubmitFollowUpReportCommand {
  readonly obligationId: string;
  readonly report: VervolghulpReport;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes nothing. */
  readonly submissionKey?: string;
  /** The route for the audit log. */
  readonly route: string;
}
