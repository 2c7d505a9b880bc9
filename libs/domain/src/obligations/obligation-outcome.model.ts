/**
 * Stable codes of expected outcomes around follow-up obligations, returned and never thrown, in
 * the style of OUTCOME_CODES (outcome.model.ts) and meant to join it: add codes, never rename one.
 * NO_SESSION_IN_RANGE is shared with placement and keeps its meaning.
 */
export const OBLIGATION_OUTCOME_CODES = [
  'NO_SESSION_IN_RANGE',
  'OBLIGATION_NOT_OPEN',
  'FULFILMENT_NOTE_REQUIRED',
  'MANUAL_FULFILMENT_NOT_ALLOWED',
] as const;

export type ObligationOutcomeCode = (typeof OBLIGATION_OUTCOME_CODES)[number];
