/**
 * A region's risk-assessment instrument: the domains of its kijkschema, each with the risk factors
 * and the protective factors the partners look for. The CO3 guide (annex E, "kijkschema risico- en
 * beschermende factoren IFG") has six domains; another region brings its own instrument by
 * configuration. Keys are stable identifiers stored with every recorded picture; labels are the
 * Dutch text shown to users and may be reworded without touching recorded data.
 */
export interface RiskFactorDefinition {
  readonly key: string;
  readonly label: string;
}

export interface RiskDomainDefinition {
  readonly key: string;
  /** Dutch name of the domain (`Geweld`, `Kind` …). */
  readonly label: string;
  readonly riskFactors: readonly RiskFactorDefinition[];
  readonly protectiveFactors: readonly RiskFactorDefinition[];
}

/** A profile of family violence the plan van aanpak can name; several may apply at once. */
export interface ViolenceProfileDefinition {
  readonly key: string;
  readonly label: string;
}

export interface RiskInstrument {
  readonly key: string;
  /** Dutch name of the instrument, shown above the picture. */
  readonly name: string;
  readonly domains: readonly RiskDomainDefinition[];
  /** The IFG profiles of the plan van aanpak ("sluiten elkaar niet uit"). */
  readonly profiles: readonly ViolenceProfileDefinition[];
}

/** How a factor is marked in a picture (annex E: keep what applies or is not known, strike the rest). */
export type RiskFactorMark = 'aanwezig' | 'niet-gekend';

export type RiskFactorKind = 'risico' | 'beschermend';

/** Finds a factor of the instrument by key, with its domain and kind; undefined if unknown. */
export function findRiskFactor(
  instrument: RiskInstrument,
  factorKey: string,
): { domain: RiskDomainDefinition; factor: RiskFactorDefinition; kind: RiskFactorKind } | undefined {
  for (const domain of instrument.domains) {
    const risk = domain.riskFactors.find((f) => f.key === factorKey);
    if (risk) return { domain, factor: risk, kind: 'risico' };
    const protective = domain.protectiveFactors.find((f) => f.key === factorKey);
    if (protective) return { domain, factor: protective, kind: 'beschermend' };
  }
  return undefined;
}

/** Problems of an instrument's configuration (duplicate keys, empty domains); empty when sound. */
export function riskInstrumentProblems(instrument: RiskInstrument): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const domainKeys = new Set<string>();
  for (const domain of instrument.domains) {
    if (domainKeys.has(domain.key)) problems.push(`domain ${domain.key} appears twice`);
    domainKeys.add(domain.key);
    if (domain.riskFactors.length + domain.protectiveFactors.length === 0) {
      problems.push(`domain ${domain.key} has no factors`);
    }
    for (const factor of [...domain.riskFactors, ...domain.protectiveFactors]) {
      if (seen.has(factor.key)) problems.push(`factor ${factor.key} appears twice`);
      seen.add(factor.key);
    }
  }
  const profileKeys = new Set<string>();
  for (const profile of instrument.profiles) {
    if (profileKeys.has(profile.key)) problems.push(`profile ${profile.key} appears twice`);
    profileKeys.add(profile.key);
  }
  return problems;
}
