import { z } from 'zod';
import type { CoordinatorActor } from '../coordinator/coordinator-change';
import { InputError } from '../errors';
import { reason, uuid } from '../input/input-fields';

/** Up or down on its own agenda, or to another session of the same table (by id). */
export interface MoveAgendaItemCommand {
  readonly actor: CoordinatorActor;
  readonly itemId: string;
  readonly reason: string;
  readonly direction?: 'up' | 'down';
  readonly sessionId?: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat moves nothing more. */
  readonly submissionKey?: string;
}

/**
 * A move names where the item goes: another session, or a step on its own agenda. One with
 * neither is refused on the session field (the form's and the API's alike).
 */
export function checkMoveTarget(command: Pick<MoveAgendaItemCommand, 'direction' | 'sessionId'>): void {
  if (!command.direction && !command.sessionId) {
    throw new InputError([
      { field: 'sessionId', code: 'REQUIRED', message: 'Kies een zitting of een richting.' },
    ]);
  }
}

/** The form's or the API's fields of a move (the item is in the path). */
export const MoveItemSchema = z.object({
  reason,
  /** `up`/`down` on its own session, or another session (by id). */
  direction: z.enum(['up', 'down']).optional(),
  sessionId: uuid('Zitting').optional(),
});
