import { z } from 'zod';
import { localDate, NOTE, text } from '../input/input-fields';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** Parsed at the edge with NoConsentSchema (below); `dossierId` comes from an audited read. */
export interface RecordNoConsentCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierId: string;
  readonly noConsent: NoConsentFormInput;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes nothing. */
  readonly submissionKey?: string;
}

/** No adult family member consents: since when, and what was tried. */
export const NoConsentSchema = z.object({
  establishedOn: localDate('Datum'),
  note: text('Wat er geprobeerd werd', NOTE),
});
export type NoConsentFormInput = z.output<typeof NoConsentSchema>;
