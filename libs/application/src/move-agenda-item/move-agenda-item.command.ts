import type { CoordinatorActor } from '../coordinator/coordinator-change';

/** Up or down on its own agenda, or to another session of the same table (by id). */
export interface MoveAgendaItemCommand {
  readonly actor: CoordinatorActor;
  readonly itemId: string;
  readonly reason: string;
  readonly direction?: 'up' | 'down';
  readonly sessionId?: string;
}
