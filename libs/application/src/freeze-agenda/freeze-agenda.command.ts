import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** A coordinator makes a session's agenda definitive now instead of at its freeze moment. */
export interface FreezeAgendaCommand {
  readonly actor: CoordinatorActor;
  readonly sessionId: string;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat changes nothing more. */
  readonly submissionKey?: string;
}
