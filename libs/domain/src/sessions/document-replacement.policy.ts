/**
 * Who may put a new version of an agendapunt's document, and whether the table hears of it
 * (issue #15, item 8). Until the agenda is fixed (frozen, sent or started) the one who brought
 * the item — its submitter or the dossier's casusregisseur — and the table's coordinators may;
 * after that only a coordinator, and then the people who have the agenda are told that a new
 * version is there, since they prepare from what was sent. An item discussed or withdrawn keeps
 * the document it was discussed with.
 */
export interface DocumentReplacementFacts {
  /** A coordinator of the item's table. */
  readonly coordinator: boolean;
  /** The item's submitter or the dossier's casusregisseur, with need-to-know of the dossier. */
  readonly bringsTheItem: boolean;
  /** Placed or rolled over: still to be held. */
  readonly toBeHeld: boolean;
  /** The agenda is frozen, sent or the session started. */
  readonly agendaFixed: boolean;
  /** The session's end has passed. */
  readonly sessionOver: boolean;
}

export type DocumentReplacementCheck =
  | { readonly ok: true; readonly tellTable: boolean }
  | {
      readonly ok: false;
      readonly code: 'NOT_ALLOWED' | 'ITEM_CLOSED' | 'AGENDA_FIXED';
      readonly message: string;
    };

export function checkDocumentReplacement(facts: DocumentReplacementFacts): DocumentReplacementCheck {
  if (!facts.coordinator && !facts.bringsTheItem) {
    return {
      ok: false,
      code: 'NOT_ALLOWED',
      message:
        'Enkel wie het agendapunt indiende, de casusregisseur van het dossier en de coördinatoren van de tafel vervangen de bijlage.',
    };
  }
  if (!facts.toBeHeld || facts.sessionOver) {
    return {
      ok: false,
      code: 'ITEM_CLOSED',
      message:
        'Dit agendapunt is al besproken, ingetrokken of de zitting is voorbij: de bijlage blijft zoals ze besproken werd.',
    };
  }
  if (facts.agendaFixed && !facts.coordinator) {
    return {
      ok: false,
      code: 'AGENDA_FIXED',
      message:
        'De agenda is definitief: enkel een coördinator van de tafel kan de bijlage nog vervangen. Bezorg hen de nieuwe versie.',
    };
  }
  return { ok: true, tellTable: facts.agendaFixed };
}
