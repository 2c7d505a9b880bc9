/**
 * Stable codes of expected rule outcomes. They are returned, never thrown, and the API and CLI
 * pass them on unchanged, so they are part of the contract: add codes, never rename one.
 */
export const OUTCOME_CODES = [
  'CUTOFF_PASSED',
  'SESSION_FULL',
  'SESSION_CANCELLED',
  'NO_SESSION_IN_RANGE',
  'UNKNOWN_ITEM_TYPE',
  'UNKNOWN_TABLE',
  'INVALID_INSTANT',
  'MISSING_OFFSET',
] as const;

export type OutcomeCode = (typeof OUTCOME_CODES)[number];
