import { InputError, MoveItemSchema, parseInput } from '@overlegtafels/application';

/** The fields of the agenda's order form: a step (its buttons) or a position (its number). */
export const ORDER_FIELDS = ['reason', 'direction', 'position'] as const;

/**
 * The order form has one reason and two ways to say where: "Naar boven"/"Naar beneden" send a
 * direction, "Naar positie" (and the drag-and-drop script) the number. A step button wins over a
 * number that happened to be typed, as the button is what the person pressed.
 */
export function orderInput(values: Record<string, string>) {
  const direction = values.direction || undefined;
  if (!direction && !values.position?.trim()) {
    throw new InputError([
      {
        field: 'position',
        code: 'REQUIRED',
        message: 'Positie: geef een positie, of kies Naar boven of Naar beneden.',
      },
    ]);
  }
  return parseInput(MoveItemSchema, {
    reason: values.reason,
    ...(direction ? { direction } : { position: values.position }),
  });
}
