import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** A coordinator cancels a zitting; the reason goes to the audit log, the row and every notice. */
export interface CancelSessionCommand {
  readonly actor: CoordinatorActor;
  readonly sessionId: string;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat changes nothing more. */
  readonly submissionKey?: string;
}
