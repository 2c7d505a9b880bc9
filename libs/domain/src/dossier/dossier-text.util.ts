import { DECISION_KIND_LABELS, DecisionKind, type PhaseBook, regionPhaseLabel } from './dossier.model';

/** `["a", "b", "c"]` → `"a", "b" of "c"`: alternatives the way a Dutch sentence lists them. */
export function quotedAlternatives(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} of ${quoted[quoted.length - 1]}`;
}

/** The label of one of the region's phases, as a message names it. */
export function phaseLabel(book: PhaseBook, phase: string): string {
  return regionPhaseLabel(book, phase);
}

export function phaseList(book: PhaseBook, phases: readonly string[]): string {
  return quotedAlternatives(phases.map((p) => phaseLabel(book, p)));
}

export function decisionLabel(kind: DecisionKind): string {
  return DECISION_KIND_LABELS[kind];
}

export function decisionList(kinds: readonly DecisionKind[]): string {
  return quotedAlternatives(kinds.map(decisionLabel));
}
