import { parseLocalDate, type LocalDateString } from '../time/local-date.util';
import {
  findRiskFactor,
  type RiskFactorKind,
  type RiskFactorMark,
  type RiskInstrument,
} from './risk-instrument.model';

/**
 * A dossier's risk picture (risicotaxatie): per factor of the region's instrument whether it is
 * present or not known, why, and for whom. Annex E: "schrap wat niet van toepassing is, laat staan
 * wat wel van toepassing is of wat niet geweten is" — a factor the picture does not hold is struck.
 * Every recording is a new version; none is changed afterwards.
 */
export const RISK_PICTURE_OCCASIONS = ['ico', 'update', 'tussentijdse-evaluatie', 'afronding'] as const;
export type RiskPictureOccasion = (typeof RISK_PICTURE_OCCASIONS)[number];

/**
 * The occasion of the picture recorded with the intake table's decision for instroom (stored as
 * `ico`, the name it got at CO3's ICO; every region's intake table records it so).
 */
export const INTAKE_RISK_OCCASION: RiskPictureOccasion = RISK_PICTURE_OCCASIONS[0];

export const RISK_PICTURE_OCCASION_LABELS: Record<RiskPictureOccasion, string> = {
  ico: 'bij instroom (ICO)',
  update: 'bijgewerkt door de casusregisseur',
  'tussentijdse-evaluatie': 'voor de tussentijdse evaluatie',
  afronding: 'bij de afronding',
};

/**
 * The occasion as a page names it; the instroom names the region's intake table by its name
 * without the article (intakeTableName: "bij instroom (ICO)", "bij instroom (triage-overleg)").
 */
export function riskOccasionLabel(occasion: string, intakeName: string): string {
  if (occasion === INTAKE_RISK_OCCASION) return `bij instroom (${intakeName})`;
  return RISK_PICTURE_OCCASION_LABELS[occasion as RiskPictureOccasion] ?? occasion;
}

export const RISK_FACTOR_MARK_LABELS: Record<RiskFactorMark, string> = {
  aanwezig: 'aanwezig',
  'niet-gekend': 'niet gekend',
};

export interface RiskPictureEntry {
  readonly factorKey: string;
  readonly mark: RiskFactorMark;
  readonly motivation: string | null;
  /** The family members it applies to: ids of the dossier's clients (AanmeldingClient). */
  readonly clientIds: readonly string[];
}

/** A reason a picture cannot be recorded; `field` is the path in the input (`factors.2.factorKey`). */
export interface RiskPictureProblem {
  readonly code: 'UNKNOWN_FACTOR' | 'DUPLICATE_FACTOR' | 'UNKNOWN_CLIENT' | 'MOTIVATION_REQUIRED';
  readonly field: string;
  /** The factor the problem is about, so a form can show it next to that factor's row. */
  readonly factorKey: string;
  readonly message: string;
}

/**
 * What is wrong with a picture for this instrument and these family members; empty when it can be
 * recorded. A present factor needs its motivation (the kijkschema's "motivering" column): the
 * tables and the comparison at the afronding read why it was kept, not only that it was.
 */
export function riskPictureProblems(
  instrument: RiskInstrument,
  entries: readonly RiskPictureEntry[],
  clientIds: readonly string[],
): RiskPictureProblem[] {
  const problems: RiskPictureProblem[] = [];
  const seen = new Set<string>();
  const clients = new Set(clientIds);
  entries.forEach((entry, i) => {
    const { factorKey } = entry;
    if (!findRiskFactor(instrument, factorKey)) {
      problems.push({
        code: 'UNKNOWN_FACTOR',
        field: `factors.${i}.factorKey`,
        factorKey,
        message: `Factor ${factorKey} staat niet in ${instrument.name}.`,
      });
      return;
    }
    if (seen.has(factorKey)) {
      problems.push({
        code: 'DUPLICATE_FACTOR',
        field: `factors.${i}.factorKey`,
        factorKey,
        message: 'Deze factor staat twee keer in de risicotaxatie.',
      });
    }
    seen.add(factorKey);
    const unknown = entry.clientIds.findIndex((id) => !clients.has(id));
    if (unknown >= 0) {
      problems.push({
        code: 'UNKNOWN_CLIENT',
        field: `factors.${i}.clientIds.${unknown}`,
        factorKey,
        message: 'Kies gezinsleden van dit dossier.',
      });
    }
    if (entry.mark === 'aanwezig' && !entry.motivation?.trim()) {
      problems.push({
        code: 'MOTIVATION_REQUIRED',
        field: `factors.${i}.motivation`,
        factorKey,
        message: 'Motiveer waarom deze factor aanwezig is.',
      });
    }
  });
  return problems;
}

/** How a factor fares between the picture at the start and the one now. */
export type RiskFactorChange = 'ongewijzigd' | 'gewijzigd' | 'nieuw' | 'weg';

export const RISK_FACTOR_CHANGE_LABELS: Record<RiskFactorChange, string> = {
  ongewijzigd: 'ongewijzigd',
  gewijzigd: 'gewijzigd',
  nieuw: 'nieuw',
  weg: 'weg',
};

export interface RiskComparisonRow {
  readonly factorKey: string;
  readonly label: string;
  readonly kind: RiskFactorKind;
  /** The mark at the start; null: struck (not in the picture). */
  readonly start: RiskFactorMark | null;
  readonly now: RiskFactorMark | null;
  readonly change: RiskFactorChange;
}

export interface RiskComparisonDomain {
  readonly key: string;
  readonly label: string;
  readonly rows: readonly RiskComparisonRow[];
}

export interface RiskComparison {
  readonly domains: readonly RiskComparisonDomain[];
  /** Risk factors present or not known at the start and struck now ("weggewerkt", III.E). */
  readonly riskFactorsGone: number;
  /** Protective factors that were not there at the start. */
  readonly protectiveFactorsNew: number;
}

/**
 * The picture at the start beside the one now, per domain of the instrument in its order: every
 * factor either picture holds, with both marks and what changed (guide III.E, "vergelijking met de
 * risicotaxatie van bij aanvang"; annex F: "welke risicofactoren weg zijn gewerkt of welke
 * beschermende factoren vergroot zijn"). A domain neither picture touches is left out.
 */
export function compareRiskPictures(
  instrument: RiskInstrument,
  start: readonly RiskPictureEntry[],
  now: readonly RiskPictureEntry[],
): RiskComparison {
  const before = new Map(start.map((e) => [e.factorKey, e.mark]));
  const after = new Map(now.map((e) => [e.factorKey, e.mark]));
  let riskFactorsGone = 0;
  let protectiveFactorsNew = 0;
  const domains: RiskComparisonDomain[] = [];
  for (const domain of instrument.domains) {
    const rows: RiskComparisonRow[] = [];
    const factors = [
      ...domain.riskFactors.map((f) => ({ f, kind: 'risico' as const })),
      ...domain.protectiveFactors.map((f) => ({ f, kind: 'beschermend' as const })),
    ];
    for (const { f, kind } of factors) {
      const s = before.get(f.key) ?? null;
      const n = after.get(f.key) ?? null;
      if (s === null && n === null) continue;
      const change: RiskFactorChange =
        s === null ? 'nieuw' : n === null ? 'weg' : s === n ? 'ongewijzigd' : 'gewijzigd';
      if (kind === 'risico' && change === 'weg') riskFactorsGone++;
      if (kind === 'beschermend' && change === 'nieuw') protectiveFactorsNew++;
      rows.push({ factorKey: f.key, label: f.label, kind, start: s, now: n, change });
    }
    if (rows.length > 0) domains.push({ key: domain.key, label: domain.label, rows });
  }
  return { domains, riskFactorsGone, protectiveFactorsNew };
}

/** A recorded version as the interim-evaluation rule reads it. */
export interface RiskPictureStamp {
  readonly version: number;
  readonly occasion: RiskPictureOccasion;
  /** The day it was recorded, in the region's zone. */
  readonly recordedOn: LocalDateString;
}

/**
 * How old the new picture for the interim evaluation may be. The guide asks the Ronde Tafel, about
 * ten months after the start of casusregie, for an interim evaluation "met inbegrip van het
 * opnieuw bekijken van risicotaxatie" (III.C and the overview of II; the `tussentijdse-evaluatie`
 * obligation says "breng een nieuwe risicotaxatie mee"). We read "opnieuw" as: a version recorded
 * after the one of the ICO, and recent — at most about three months (92 days) before the
 * agendering, the span in which the casusregisseur prepares the evaluation and the Ronde Tafel's
 * agendering deadline falls. An older update is the picture of an earlier stage of the plan.
 */
export const INTERIM_PICTURE_MAX_AGE_DAYS = 92;

export type InterimPictureVerdict =
  | { readonly ok: true; readonly version: number }
  | {
      readonly ok: false;
      readonly code: 'RISK_PICTURE_MISSING' | 'RISK_PICTURE_NOT_RENEWED' | 'RISK_PICTURE_TOO_OLD';
      readonly message: string;
    };

/** Whether the dossier has the new risk picture the interim evaluation needs (see above). */
export function interimEvaluationPicture(
  pictures: readonly RiskPictureStamp[],
  today: LocalDateString,
): InterimPictureVerdict {
  const latest = [...pictures].sort((a, b) => b.version - a.version)[0];
  if (!latest) {
    return {
      ok: false,
      code: 'RISK_PICTURE_MISSING',
      message:
        'Voor de tussentijdse evaluatie is een nieuwe risicotaxatie nodig, en dit dossier heeft er nog geen. Registreer ze eerst op de dossierpagina (Risicotaxatie).',
    };
  }
  if (latest.version === 1 || latest.occasion === 'ico') {
    return {
      ok: false,
      code: 'RISK_PICTURE_NOT_RENEWED',
      message:
        'Voor de tussentijdse evaluatie is een nieuwe risicotaxatie nodig: er is alleen die van bij de instroom. Werk ze eerst bij op de dossierpagina (Risicotaxatie).',
    };
  }
  const age = parseLocalDate(today)! - parseLocalDate(latest.recordedOn)!;
  if (age > INTERIM_PICTURE_MAX_AGE_DAYS) {
    return {
      ok: false,
      code: 'RISK_PICTURE_TOO_OLD',
      message: `Voor de tussentijdse evaluatie is een recente risicotaxatie nodig: de laatste is van ${latest.recordedOn}, meer dan drie maanden geleden. Werk ze eerst bij op de dossierpagina (Risicotaxatie).`,
    };
  }
  return { ok: true, version: latest.version };
}
