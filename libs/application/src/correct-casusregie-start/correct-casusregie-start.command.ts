import { z } from 'zod';
import { text, localDate } from '../input/input-fields';
import type { LocalDateString } from '@overlegtafels/domain';
import type { Actor } from '../agenda/agenda-views';

/** For coordinators (the route says so); parsed at the edge with CasusregieStartSchema (below). */
export interface CorrectCasusregieStartCommand {
  readonly actor: Actor;
  /** From an audited read (need-to-know decided there). */
  readonly dossierId: string;
  readonly startDate: LocalDateString;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat answers as the first. */
  readonly submissionKey?: string;
}

/** A coordinator's correction of the start of casusregie, with the reason for the record. */
export const CasusregieStartSchema = z.object({
  startDate: localDate('Startdatum'),
  reason: text('Reden', 500),
});
