import type { OrganisationKind } from '../organisation/organisation-kind';
import type { RegionConfig } from '../tables/table-definition.model';
import type { ObligationForm } from './obligation-rule.model';

/**
 * The two short forms that fulfil an obligation on its own page (FulfilmentSpec `form`): the
 * casusregisseur's report six months after the afronding (guide III.E: "ga na of eventuele
 * vervolghulpverlening goed werd opgestart en laat dit weten aan de operationeel coördinator")
 * and the strategic coordinators' last check of a closed dossier (guide V.D). Field checks that
 * need no other field are the edge's; here are the rules between fields.
 */

export const VERVOLGHULP_STARTED = ['ja', 'gedeeltelijk', 'nee'] as const;
export type VervolghulpStarted = (typeof VERVOLGHULP_STARTED)[number];

export const VERVOLGHULP_STARTED_LABELS: Readonly<Record<VervolghulpStarted, string>> = {
  ja: 'ja, de vervolghulp is gestart',
  gedeeltelijk: 'gedeeltelijk',
  nee: 'nee, de vervolghulp is niet gestart',
};

/** The kinds of help to choose from: the region's organisation kinds that give help (not the coordination). */
export function vervolghulpKinds(
  region: Pick<RegionConfig, 'organisationKinds' | 'followUpHelpKinds'>,
): readonly OrganisationKind[] {
  return region.followUpHelpKinds ?? Object.keys(region.organisationKinds);
}

export interface VervolghulpReport {
  readonly started: VervolghulpStarted;
  /** Which partner services took the follow-up help on (or were to). */
  readonly helpKinds: readonly OrganisationKind[];
  /** Help that is not one of the kinds (a private therapist, a school's care team, …). */
  readonly otherHelp?: string;
  readonly remarks?: string;
}

/** The points of the last check of a closed dossier; stable keys, stored with the answers. */
export const QUALITY_CHECK_ITEMS = [
  'instemming',
  'plan-van-aanpak',
  'afronding',
  'vervolghulp',
  'afsluiting',
] as const;
export type QualityCheckItem = (typeof QUALITY_CHECK_ITEMS)[number];

export const QUALITY_CHECK_LABELS: Readonly<Record<QualityCheckItem, string>> = {
  instemming: 'De instemming van een volwassen gezinslid is geregistreerd.',
  'plan-van-aanpak': 'Het plan van aanpak werd op de Weegploeg besproken en op de Ronde Tafel opgevolgd.',
  afronding: 'De afronding werd op de Weegploeg goedgekeurd.',
  vervolghulp: 'Zes maanden na de afronding werd nagegaan of de vervolghulp gestart is.',
  afsluiting: 'De Ronde Tafel sloot het dossier af na een laatste check op nieuwe feiten.',
};

export interface QualityCheck {
  /** Every point, in order: in orde (true) or not (false). */
  readonly checks: Readonly<Record<QualityCheckItem, boolean>>;
  readonly remarks?: string;
}

/** `in-orde` when every point is; otherwise the strategic coordinator follows up with the casusregisseur. */
export function qualityCheckOutcome(check: QualityCheck): 'in-orde' | 'onduidelijkheden' {
  return QUALITY_CHECK_ITEMS.every((item) => check.checks[item]) ? 'in-orde' : 'onduidelijkheden';
}

export type FormAnswerCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'FIELD_REQUIRED' | 'FIELD_INVALID';
      readonly field: string;
      readonly message: string;
    };

const blank = (v: string | undefined) => (v ?? '').trim() === '';

/**
 * Started, wholly or partly: say which help, of the kinds the region offers (`helpKinds`). Not
 * started: say why (the afsluiting checks it).
 */
export function checkVervolghulpReport(
  report: VervolghulpReport,
  helpKinds: readonly OrganisationKind[],
): FormAnswerCheck {
  const unknown = report.helpKinds.findIndex((k) => !helpKinds.includes(k));
  if (unknown >= 0) {
    return {
      ok: false,
      code: 'FIELD_INVALID',
      field: `helpKinds.${unknown}`,
      message: `Vervolghulp: "${report.helpKinds[unknown]}" staat niet in de lijst; kies de vervolghulp uit de lijst.`,
    };
  }
  if (report.started !== 'nee' && report.helpKinds.length === 0 && blank(report.otherHelp)) {
    return {
      ok: false,
      code: 'FIELD_REQUIRED',
      field: 'helpKinds',
      message: 'Kies welke vervolghulp gestart is, of beschrijf ze bij "andere hulp".',
    };
  }
  if (report.started === 'nee' && blank(report.remarks)) {
    return {
      ok: false,
      code: 'FIELD_REQUIRED',
      field: 'remarks',
      message: 'Licht toe waarom de vervolghulp niet gestart is.',
    };
  }
  return { ok: true };
}

/** A point not in order needs a remark: what is unclear, for the talk with the casusregisseur. */
export function checkQualityCheck(check: QualityCheck): FormAnswerCheck {
  if (qualityCheckOutcome(check) === 'onduidelijkheden' && blank(check.remarks)) {
    return {
      ok: false,
      code: 'FIELD_REQUIRED',
      field: 'remarks',
      message: 'Noteer wat niet in orde of onduidelijk is.',
    };
  }
  return { ok: true };
}

/** The answers of either form, as they are stored with the obligation. */
export type ObligationFormAnswers =
  | { readonly form: 'vervolghulp'; readonly answers: VervolghulpReport }
  | { readonly form: 'kwaliteitscontrole'; readonly answers: QualityCheck };

/** The form an obligation rule is fulfilled by, if any. */
export function formOf(rule: {
  readonly fulfilledBy: readonly { readonly kind: string; readonly form?: ObligationForm }[];
}): ObligationForm | undefined {
  return rule.fulfilledBy.find((f) => f.kind === 'form')?.form;
}
