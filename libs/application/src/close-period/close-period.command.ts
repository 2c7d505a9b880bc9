import { z } from 'zod';
import { localDate, reason } from '../input/input-fields';
import type { LocalDateString } from '@overlegtafels/domain';
import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** A period without sessions (both ends inclusive), for one table or, without tableKey, all. */
export interface ClosePeriodCommand {
  readonly actor: CoordinatorActor;
  readonly from: LocalDateString;
  readonly to: LocalDateString;
  readonly tableKey?: string;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: the same again closes nothing more. */
  readonly submissionKey?: string;
}

export const ClosePeriodSchema = z
  .object({
    reason,
    from: localDate('Van'),
    to: localDate('Tot en met'),
    tableKey: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], error: 'Tot en met moet na Van liggen.' });
