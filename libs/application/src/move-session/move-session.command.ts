import { z } from 'zod';
import { localDate, reason } from '../input/input-fields';
import type { LocalDateString, LocalTimeString } from '@overlegtafels/domain';
import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** A session to another day and hours (local to the table's zone), with the reason for everyone. */
export interface MoveSessionCommand {
  readonly actor: CoordinatorActor;
  readonly sessionId: string;
  readonly date: LocalDateString;
  readonly start: LocalTimeString;
  readonly end: LocalTimeString;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat changes nothing more. */
  readonly submissionKey?: string;
}

export const MoveSessionSchema = z.object({
  reason,
  date: localDate('Nieuwe datum'),
  start: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Beginuur: uu:mm.' }),
  end: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Einduur: uu:mm.' }),
});
