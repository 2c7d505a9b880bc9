import type { RiskFactorKind, RiskFactorMark, RiskInstrument } from '../risk/risk-instrument.model';
import type { RiskPictureEntry } from '../risk/risk-picture.model';

/** A factor a row of the plan may take over, with how the dossier's current risk picture marks it. */
export interface PlanFactorChoice {
  readonly key: string;
  readonly label: string;
  readonly kind: RiskFactorKind;
  /** Its mark in the current risk picture; null when the picture leaves it out (struck, or no picture yet). */
  readonly mark: RiskFactorMark | null;
}

export interface PlanFactorChoiceDomain {
  readonly key: string;
  readonly label: string;
  readonly factors: readonly PlanFactorChoice[];
}

const ORDER: Record<string, number> = { aanwezig: 0, 'niet-gekend': 1, none: 2 };

/**
 * The factors a row of the plan van aanpak chooses from, per domain of the instrument (annex E:
 * the plan takes over the risk and protective factors of the risicotaxatie): those the dossier's
 * current picture marks `aanwezig` first, then those it marks `niet gekend` (still to look into),
 * then the others of the domain; within each group the instrument's order, risk before protective.
 */
export function planFactorChoices(
  instrument: RiskInstrument,
  current: readonly RiskPictureEntry[] | undefined,
): PlanFactorChoiceDomain[] {
  const marks = new Map((current ?? []).map((e) => [e.factorKey, e.mark] as const));
  return instrument.domains.map((domain) => {
    const all: PlanFactorChoice[] = [
      ...domain.riskFactors.map((f) => ({ ...f, kind: 'risico' as const })),
      ...domain.protectiveFactors.map((f) => ({ ...f, kind: 'beschermend' as const })),
    ].map((f) => ({ key: f.key, label: f.label, kind: f.kind, mark: marks.get(f.key) ?? null }));
    const rank = (c: PlanFactorChoice) => ORDER[c.mark ?? 'none']!;
    // Array.prototype.sort is stable: the instrument's order stays within a group.
    return { key: domain.key, label: domain.label, factors: [...all].sort((a, b) => rank(a) - rank(b)) };
  });
}
