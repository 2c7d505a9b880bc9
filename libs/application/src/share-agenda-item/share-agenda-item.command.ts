import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** Share an item's contents (question, document) with its session's members, or stop sharing. */
export interface ShareAgendaItemCommand {
  readonly actor: CoordinatorActor;
  readonly itemId: string;
  readonly shared: boolean;
  /** The form's one-time key or the API's Idempotency-Key: the same again changes nothing more. */
  readonly submissionKey?: string;
}
