import { DECISION_KIND_LABELS, DecisionKind, DOSSIER_PHASE_LABELS, DossierPhase } from './dossier.model';

/** `["a", "b", "c"]` → `"a", "b" of "c"`: alternatives the way a Dutch sentence lists them. */
export function quotedAlternatives(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} of ${quoted[quoted.length - 1]}`;
}

export function phaseLabel(phase: DossierPhase): string {
  return DOSSIER_PHASE_LABELS[phase];
}

export function phaseList(phases: readonly DossierPhase[]): string {
  return quotedAlternatives(phases.map(phaseLabel));
}

export function decisionLabel(kind: DecisionKind): string {
  return DECISION_KIND_LABELS[kind];
}

export function decisionList(kinds: readonly DecisionKind[]): string {
  return quotedAlternatives(kinds.map(decisionLabel));
}
