import { z } from 'zod';
import { checkbox, localDate, SHORT, text } from '../input/input-fields';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** Parsed at the edge with ConsentSchema (below); `dossierId` comes from an audited read. */
export interface RecordConsentCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierId: string;
  readonly consent: ConsentFormInput;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes nothing. */
  readonly submissionKey?: string;
}

/** The consent of an adult family member, verified by the casusregisseur. */
export const ConsentSchema = z.object({
  givenBy: text('Wie de instemming gaf', SHORT),
  verifiedOn: localDate('Datum van de instemming'),
  adultFamilyMember: checkbox.refine((v) => v, {
    error: 'Bevestig dat een volwassen gezinslid instemde; de instemming van enkel kinderen volstaat niet.',
  }),
});
export type ConsentFormInput = z.output<typeof ConsentSchema>;
