import { z } from 'zod';
import { localDate, NOTE, text } from '../input/input-fields';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** Parsed at the edge with ConsulentConsultationSchema (below); `dossierId` comes from an audited read. */
export interface RecordConsulentConsultationCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierId: string;
  readonly consultation: ConsulentConsultationFormInput;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes nothing. */
  readonly submissionKey?: string;
}

/** The consulent consulted about the afronding: when, and a short note of what was agreed. */
export const ConsulentConsultationSchema = z.object({
  consultedOn: localDate('Datum van het overleg'),
  note: text('Notitie', NOTE),
});
export type ConsulentConsultationFormInput = z.output<typeof ConsulentConsultationSchema>;
