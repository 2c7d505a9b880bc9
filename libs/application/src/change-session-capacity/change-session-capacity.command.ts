import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** Fewer (or again more) minutes for a session's agenda, with the reason for the audit log. */
export interface ChangeSessionCapacityCommand {
  readonly actor: CoordinatorActor;
  readonly sessionId: string;
  readonly capacityMinutes: number;
  readonly reason: string;
}
