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
}
