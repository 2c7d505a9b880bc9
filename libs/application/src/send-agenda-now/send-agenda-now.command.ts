import { z } from 'zod';
import type { CoordinatorActor } from '../coordinator/coordinator-change';
import { checkbox } from '../input/input-fields';

/** The form's or the API's body: only the confirmation that an empty session is kept. */
export const SendAgendaNowSchema = z.object({
  keepEmpty: checkbox.optional().transform((v) => v === true),
});

/** A coordinator sends a session's agenda now instead of at its send moment. */
export interface SendAgendaNowCommand {
  readonly actor: CoordinatorActor;
  readonly sessionId: string;
  /** For an agenda without items: the coordinator confirms the session is kept (sent as a meeting). */
  readonly keepEmpty: boolean;
  /** The form's one-time key or the API's Idempotency-Key: a second press sends nothing. */
  readonly submissionKey?: string;
}
