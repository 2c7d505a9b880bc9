import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** A coordinator opens a frozen (not yet sent) agenda again, with the reason for the audit log. */
export interface UnfreezeAgendaCommand {
  readonly actor: CoordinatorActor;
  readonly sessionId: string;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat changes nothing more. */
  readonly submissionKey?: string;
}
