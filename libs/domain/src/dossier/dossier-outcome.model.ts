/**
 * Stable codes of refused decisions and agenderingen. Like OUTCOME_CODES they are returned, never
 * thrown, and the API passes them on unchanged: add codes, never rename one.
 */
export const DOSSIER_OUTCOME_CODES = [
  /** The decision does not apply to a dossier in its current phase. */
  'ILLEGAL_TRANSITION',
  /** The decision cannot be taken on this kind of agendapunt (e.g. an afronding on a plan van aanpak). */
  'DECISION_NOT_FOR_ITEM',
  /** Casusregie needs the informed consent of at least one adult family member. */
  'CONSENT_REQUIRED',
  /** Casusregie awaits the consent: no plan van aanpak nor afronding before it started. */
  'CASUSREGIE_AWAITS_CONSENT',
  /** The consent of this dossier is already recorded. */
  'CONSENT_ALREADY_RECORDED',
  /** A consulent is involved and was not consulted about the afronding before it (annex B). */
  'CONSULENT_NOT_CONSULTED',
  /** There is no OCJ/SDJ consulent involved to consult. */
  'NO_CONSULENT_INVOLVED',
  /** The afsluiting comes at the earliest 6 months after the afronding. */
  'TOO_EARLY_FOR_AFSLUITING',
  /** The aanmelder already came back to the ICO as often as allowed after "geen instemming". */
  'RETURN_LIMIT_REACHED',
  /** The zitting lies before the start of the dossier's phase (casusregie start, afronding): a date is wrong. */
  'DECISION_BEFORE_PHASE_START',
  /** "Zonder casusregisseur" is open only to aanmelders of the kinds the region names (guide I.I). */
  'AANMELDER_NOT_ELIGIBLE',
  /** This kind of agendapunt cannot be put on this table for a dossier in its current phase. */
  'AGENDERING_NOT_ALLOWED',
  /** The decision was already withdrawn or replaced. */
  'DECISION_NOT_STANDING',
  /** The decision predates the kept history: the dossier before it is not known. */
  'DECISION_WITHOUT_HISTORY',
  /** Something was built on the decision (a later decision or agendering, follow-up done, a change). */
  'DECISION_BUILT_UPON',
  /** The region's dossier life has no heropening: a closed dossier stays closed. */
  'REOPENING_NOT_IN_REGION',
  /** The dossier is not in a phase the region reopens from (e.g. not afgesloten). */
  'REOPENING_NOT_ALLOWED',
  'FIELD_REQUIRED',
  'FIELD_INVALID',
  'UNKNOWN_TABLE',
  'UNKNOWN_ITEM_TYPE',
] as const;

export type DossierOutcomeCode = (typeof DOSSIER_OUTCOME_CODES)[number];

/** A refusal a coordinator can act on: the code for programs, the field for forms, Dutch for people. */
export interface DossierRefusal {
  readonly ok: false;
  readonly code: DossierOutcomeCode;
  /** The input field at fault, as a path in the decision input (`consent.verifiedOn`). */
  readonly field?: string;
  readonly message: string;
}

export function refuse(code: DossierOutcomeCode, message: string, field?: string): DossierRefusal {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, field, message };
}
