import { z } from 'zod';
import type { CoordinatorActor } from '../coordinator/coordinator-change';
import { InputError } from '../errors';
import { blankToUndefined, reason, uuid } from '../input/input-fields';

/** Up or down on its own agenda, to a position on it, or to another session of the same table (by id). */
export interface MoveAgendaItemCommand {
  readonly actor: CoordinatorActor;
  readonly itemId: string;
  readonly reason: string;
  readonly direction?: 'up' | 'down';
  /** 1-based, among the items still to be held on its own agenda. */
  readonly position?: number;
  readonly sessionId?: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat moves nothing more. */
  readonly submissionKey?: string;
}

/**
 * A move names where the item goes: another session, a step, or a position on its own agenda.
 * One with none is refused on the session field (the form's and the API's alike).
 */
export function checkMoveTarget(
  command: Pick<MoveAgendaItemCommand, 'direction' | 'sessionId' | 'position'>,
): void {
  if (!command.direction && !command.sessionId && command.position === undefined) {
    throw new InputError([
      { field: 'sessionId', code: 'REQUIRED', message: 'Kies een zitting of een richting.' },
    ]);
  }
}

/**
 * A position with a step or another session at once is refused on the position field; asked
 * once the item is found, so another region's item answers as one that does not exist.
 */
export function checkSingleTarget(
  command: Pick<MoveAgendaItemCommand, 'direction' | 'sessionId' | 'position'>,
): void {
  if (command.position !== undefined && (command.direction || command.sessionId)) {
    throw new InputError([
      {
        field: 'position',
        code: 'AMBIGUOUS',
        message: 'Positie: geef een positie of een richting of een andere zitting, niet beide.',
      },
    ]);
  }
}

/** Where the item lands when it goes to `position`: the others keep their order around it. */
export function reorderedTo<T>(ordered: readonly T[], index: number, position: number): T[] {
  const rest = ordered.filter((_, i) => i !== index);
  rest.splice(position - 1, 0, ordered[index] as T);
  return rest;
}

export const positionMessage = (count: number) =>
  count === 1
    ? 'Positie: dit is het enige agendapunt van de zitting; kies 1.'
    : `Positie: kies een positie van 1 tot en met ${count}.`;

/** The form's or the API's fields of a move (the item is in the path). */
export const MoveItemSchema = z.object({
  reason,
  /** `up`/`down` on its own session, or another session (by id). */
  direction: z.enum(['up', 'down']).optional(),
  /** Its place on its own agenda, counted from 1 among the items still to be held. */
  position: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'Positie: geef een getal.' })
      .int({ error: 'Positie: geef een geheel getal.' })
      .min(1, { error: 'Positie: geef een getal vanaf 1.' })
      .max(1000, { error: 'Positie: geef een getal tot en met 1000.' })
      .optional(),
  ),
  sessionId: uuid('Zitting').optional(),
});
