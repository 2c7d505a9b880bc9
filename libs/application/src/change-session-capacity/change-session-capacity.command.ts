import { z } from 'zod';
import { reason } from '../input/input-fields';
import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** Fewer (or again more) minutes for a session's agenda, with the reason for the audit log. */
export interface ChangeSessionCapacityCommand {
  readonly actor: CoordinatorActor;
  readonly sessionId: string;
  readonly capacityMinutes: number;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat changes nothing more. */
  readonly submissionKey?: string;
}

export const CapacitySchema = z.object({
  reason,
  capacityMinutes: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ error: 'Capaciteit: geef een aantal minuten.' })
      .int({ error: 'Capaciteit: een heel aantal minuten.' })
      .min(0, { error: 'Capaciteit kan niet negatief zijn.' })
      .max(600, { error: 'Capaciteit: hoogstens 600 minuten.' }),
  ),
});
