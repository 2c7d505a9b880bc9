import { LocalDateString, parseLocalDate } from '../time/local-date.util';
import {
  ConsentFacts,
  DecisionInput,
  GeenInstemmingInput,
  GeenKetenaanpakInput,
  HerbesprekingInput,
  MetCasusregieInput,
  PvaBesprokenInput,
} from './decision-input.model';
import { CO3_DECISION_RULES, DecisionRules, lookupItemType } from './decision-rules';
import { AFSLUITING_WAIT_MONTHS, earliestAfsluitingDate, formatDutchDate } from './dossier-date.util';
import { DossierEvent } from './dossier-event.model';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import { decisionLabel, decisionList, phaseLabel, phaseList } from './dossier-text.util';
import {
  assertDossierState,
  ConsentRecord,
  DecisionKind,
  DossierPhase,
  DossierState,
  isDecisionKind,
} from './dossier.model';
import { InvalidDossierContextError, UnknownDecisionKindError } from './dossier.error';

/** The guide speaks of "een beperkt aantal keer"; CO3 Antwerpen allows two returns unless configured. */
export const DEFAULT_NO_CONSENT_RETURN_LIMIT = 2;

export interface DecisionTransition {
  /** The phases in which the decision may be taken. */
  readonly from: readonly DossierPhase[];
  /** The phase afterwards; `unchanged` for decisions that note progress without changing phase. */
  readonly to: DossierPhase | 'unchanged';
}

/**
 * The ICO decides on a dossier that is on its way in: new, back for a herbespreking, back for
 * advice after "geen instemming", or back because a casusregisseur may now be available.
 */
const ON_THE_ICO: readonly DossierPhase[] = [
  'aangemeld',
  'herbespreking',
  'geen_instemming',
  'zonder_casusregisseur',
];

/**
 * The state machine. `geen_ketenaanpak` and `afgesloten` have no way out: a family referred again
 * after a "geen ketenaanpak" is a new aanmelding, and a closed dossier stays closed (reopening, as
 * Oost-Vlaanderen does, is not in the CO3 guide). Only casusregie leads to afgerond, and only
 * afgerond to afgesloten.
 */
export const DECISION_TRANSITIONS: Readonly<Record<DecisionKind, DecisionTransition>> = {
  geen_ketenaanpak: { from: ON_THE_ICO, to: 'geen_ketenaanpak' },
  zonder_casusregisseur: { from: ON_THE_ICO, to: 'zonder_casusregisseur' },
  met_casusregie: { from: ON_THE_ICO, to: 'casusregie' },
  herbespreking: { from: ON_THE_ICO, to: 'herbespreking' },
  geen_instemming: { from: ON_THE_ICO, to: 'geen_instemming' },
  pva_besproken: { from: ['casusregie'], to: 'unchanged' },
  afronding_goedgekeurd: { from: ['casusregie'], to: 'afgerond' },
  afronding_niet_goedgekeurd: { from: ['casusregie'], to: 'unchanged' },
  // A question from an aanmelder without casusregisseur, and the check after the afronding, are
  // noted like any follow-up.
  opvolging_genoteerd: { from: ['casusregie', 'zonder_casusregisseur', 'afgerond'], to: 'unchanged' },
  afsluiting_bevestigd: { from: ['afgerond'], to: 'afgesloten' },
  // Checked for new facts too early or not, the dossier stays afgerond: nothing to guard.
  afsluiting_niet_bevestigd: { from: ['afgerond'], to: 'unchanged' },
};

export interface DecisionContext {
  /** The date of the zitting at which the table took the decision (not the day it is recorded). */
  readonly decisionDate: LocalDateString;
  readonly tableKey: string;
  readonly itemType: string;
  /** Returns to the ICO allowed after "geen instemming"; see noConsentReturnLimitOf(region). */
  readonly noConsentReturnLimit?: number;
  readonly rules?: DecisionRules;
}

export type DecisionOutcome =
  | { readonly ok: true; readonly next: DossierState; readonly effects: readonly DossierEvent[] }
  | DossierRefusal;

/** A decision's own result, before the bookkeeping every decision shares. */
type Applied =
  | { readonly ok: true; readonly patch: Partial<DossierState>; readonly effects: readonly DossierEvent[] }
  | DossierRefusal;

/**
 * Records one decision of a table on one agendapunt. Either the decision is accepted and the
 * answer holds the dossier's next state and what the decision sets in motion, or it is refused with
 * a stable code, the field at fault and a Dutch message; a refusal leaves the state as it was.
 * Checks go from the coarse to the fine: the item, the phase and its start, the return limit, then the fields,
 * so a coordinator is not asked to fix fields of a decision that cannot be taken anyway.
 */
export function applyDecision(
  state: DossierState,
  input: DecisionInput,
  context: DecisionContext,
): DecisionOutcome {
  assertDossierState(state);
  if (!isDecisionKind(input.kind)) throw new UnknownDecisionKindError(input.kind);
  const decisionDay = parseLocalDate(context.decisionDate);
  if (decisionDay === undefined) {
    throw new InvalidDossierContextError(
      `decisionDate is not a yyyy-mm-dd date: ${String(context.decisionDate)}`,
    );
  }
  const limit = resolveReturnLimit(context.noConsentReturnLimit);

  const found = lookupItemType(context.rules ?? CO3_DECISION_RULES, context.tableKey, context.itemType);
  if (!found.ok) {
    return found.code === 'UNKNOWN_TABLE'
      ? refuse('UNKNOWN_TABLE', `Onbekende overlegtafel "${context.tableKey}".`)
      : refuse(
          'UNKNOWN_ITEM_TYPE',
          `Onbekend soort agendapunt "${context.itemType}" op tafel "${context.tableKey}".`,
        );
  }
  const { table, itemType } = found;
  if (!itemType.decisions.includes(input.kind)) {
    return refuse(
      'DECISION_NOT_FOR_ITEM',
      `De beslissing "${decisionLabel(input.kind)}" hoort niet bij een agendapunt ${itemType.label} op ` +
        `${table.label}. Mogelijk zijn: ${decisionList(itemType.decisions)}.`,
      'kind',
    );
  }

  const transition = DECISION_TRANSITIONS[input.kind];
  if (!transition.from.includes(state.phase)) {
    return refuse(
      'ILLEGAL_TRANSITION',
      `De beslissing "${decisionLabel(input.kind)}" kan niet voor een dossier in de fase ` +
        `"${phaseLabel(state.phase)}"; dat kan enkel in de fase ${phaseList(transition.from)}.`,
    );
  }

  const phaseStart = phaseStartDate(state);
  if (phaseStart !== undefined && decisionDay < parseLocalDate(phaseStart)!) {
    return refuse(
      'DECISION_BEFORE_PHASE_START',
      `Deze beslissing valt op ${formatDutchDate(context.decisionDate)}, vóór ` +
        `${state.phase === 'casusregie' ? 'de start van de casusregie' : 'de afronding'} op ` +
        `${formatDutchDate(phaseStart)}. Kijk de datums na.`,
    );
  }

  // Every ICO discussion of a dossier in "geen instemming" is a return of the aanmelder; the
  // counter never resets, so a herbespreking in between does not buy extra returns.
  const isNoConsentReturn = state.phase === 'geen_instemming';
  if (isNoConsentReturn && state.noConsentReturns >= limit) {
    return refuse('RETURN_LIMIT_REACHED', returnLimitMessage(state.noConsentReturns, limit));
  }
  const noConsentReturns = state.noConsentReturns + (isNoConsentReturn ? 1 : 0);

  const applied = applyKind(state, input, context.decisionDate, decisionDay, noConsentReturns, limit);
  if (!applied.ok) return applied;
  const next: DossierState = {
    ...state,
    ...applied.patch,
    phase: transition.to === 'unchanged' ? state.phase : transition.to,
    noConsentReturns,
  };
  return { ok: true, next, effects: applied.effects };
}

/**
 * The day the current phase began, for the phases whose decisions are dated against it: a table
 * cannot review casusregie before it started, nor follow up an afronding before it was decided.
 * A start date typed a year off is caught here, at the first decision after it.
 */
function phaseStartDate(state: DossierState): LocalDateString | undefined {
  if (state.phase === 'casusregie') return state.casusregieStartDate;
  if (state.phase === 'afgerond') return state.afrondingDate;
  return undefined;
}

/** The configured limit for a region, or the CO3 default; a broken configuration is a bug. */
export function noConsentReturnLimitOf(region: { readonly noConsentReturnLimit?: number }): number {
  return resolveReturnLimit(region.noConsentReturnLimit);
}

export function resolveReturnLimit(configured: number | undefined): number {
  const limit = configured ?? DEFAULT_NO_CONSENT_RETURN_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InvalidDossierContextError(
      `noConsentReturnLimit must be a non-negative integer, got ${String(limit)}`,
    );
  }
  return limit;
}

export function returnLimitMessage(returnsUsed: number, limit: number): string {
  return (
    `De aanmelder kwam na "geen instemming" al ${returnsUsed} keer terug naar het ICO; ` +
    `meer dan ${limit} keer kan niet.`
  );
}

function applyKind(
  state: DossierState,
  input: DecisionInput,
  date: LocalDateString,
  decisionDay: number,
  noConsentReturns: number,
  limit: number,
): Applied {
  switch (input.kind) {
    case 'geen_ketenaanpak':
      return geenKetenaanpak(input, date);
    case 'zonder_casusregisseur':
      return accepted({}, { type: 'ketenaanpak-zonder-casusregisseur', date });
    case 'met_casusregie':
      return metCasusregie(state, input, date, decisionDay);
    case 'herbespreking':
      return herbespreking(input, date);
    case 'geen_instemming':
      return geenInstemming(input, date, noConsentReturns, limit);
    case 'pva_besproken':
      return pvaBesproken(input, date, decisionDay);
    case 'afronding_goedgekeurd':
      return accepted({ afrondingDate: date }, { type: 'afronding-goedgekeurd', date });
    case 'afronding_niet_goedgekeurd':
      return accepted({}, { type: 'afronding-niet-goedgekeurd', date });
    case 'opvolging_genoteerd':
      return accepted({}, { type: 'opvolging-genoteerd', date });
    case 'afsluiting_bevestigd':
      return afsluitingBevestigd(state, date, decisionDay);
    case 'afsluiting_niet_bevestigd':
      return accepted({}, { type: 'afsluiting-niet-bevestigd', date });
  }
}

function accepted(patch: Partial<DossierState>, ...effects: DossierEvent[]): Applied {
  return { ok: true, patch, effects };
}

function geenKetenaanpak(input: GeenKetenaanpakInput, date: LocalDateString): Applied {
  const problem =
    requiredText(input.adviceText, 'adviceText', 'Het advies aan de aanmelder') ??
    requiredText(
      input.safetyPlanAdvice,
      'safetyPlanAdvice',
      'Het advies voor een veiligheidsplan',
      'De aanmelder krijgt bij "geen ketenaanpak" altijd advies voor het opmaken van een veiligheidsplan.',
    ) ??
    optionalBoolean(input.parketmeldingAdvies, 'parketmeldingAdvies', 'Het advies tot parketmelding');
  if (problem) return problem;
  return accepted(
    {},
    {
      type: 'advies-verstuurd',
      date,
      reason: 'geen-ketenaanpak',
      parketmeldingAdvies: input.parketmeldingAdvies === true,
    },
  );
}

function metCasusregie(
  state: DossierState,
  input: MetCasusregieInput,
  date: LocalDateString,
  decisionDay: number,
): Applied {
  const idProblem = requiredText(input.casusregisseurId, 'casusregisseurId', 'De casusregisseur');
  if (idProblem) return idProblem;
  const start = requiredDate(input.startDate, 'startDate', 'De startdatum van de casusregie');
  if (!start.ok) return start;
  if (start.day < decisionDay) {
    return refuse(
      'FIELD_INVALID',
      `De startdatum van de casusregie (${formatDutchDate(input.startDate)}) kan niet vóór de ` +
        `beslissing van het ICO (${formatDutchDate(date)}) liggen.`,
      'startDate',
    );
  }

  let consent: ConsentRecord;
  const effects: DossierEvent[] = [];
  if (input.consent !== undefined) {
    const checked = checkConsent(input.consent);
    if (!checked.ok) return checked;
    consent = { verifiedById: input.consent.verifiedById, verifiedOn: input.consent.verifiedOn };
    effects.push({ type: 'instemming-geregistreerd', ...consent });
  } else if (state.consent) {
    consent = state.consent;
  } else {
    return refuse(
      'CONSENT_REQUIRED',
      'Casusregie kan pas starten als minstens één volwassen gezinslid instemt met de ketenaanpak ' +
        '(informed consent). Registreer wie de instemming nagegaan heeft en op welke datum.',
      'consent',
    );
  }
  // Consent is what allows the start, so it cannot come after it.
  if (parseLocalDate(consent.verifiedOn)! > start.day) {
    return refuse(
      'CONSENT_REQUIRED',
      `Casusregie kan pas starten zodra een volwassen gezinslid ingestemd heeft: de instemming is ` +
        `van ${formatDutchDate(consent.verifiedOn)}, de startdatum ${formatDutchDate(input.startDate)}.`,
      'startDate',
    );
  }
  effects.push({
    type: 'casusregie-gestart',
    startDate: input.startDate,
    casusregisseurId: input.casusregisseurId,
  });
  return {
    ok: true,
    patch: { casusregisseurId: input.casusregisseurId, casusregieStartDate: input.startDate, consent },
    effects,
  };
}

function checkConsent(consent: ConsentFacts): { readonly ok: true } | DossierRefusal {
  if (typeof consent !== 'object' || consent === null) {
    return refuse('FIELD_INVALID', 'De gegevens over de instemming zijn ongeldig.', 'consent');
  }
  const problem = requiredText(
    consent.verifiedById,
    'consent.verifiedById',
    'Wie de instemming nagegaan heeft',
  );
  if (problem) return problem;
  const verifiedOn = requiredDate(consent.verifiedOn, 'consent.verifiedOn', 'De datum van de instemming');
  if (!verifiedOn.ok) return verifiedOn;
  if (consent.adultFamilyMemberConsented === undefined) {
    return refuse(
      'FIELD_REQUIRED',
      'Vermeld of een volwassen gezinslid ingestemd heeft.',
      'consent.adultFamilyMemberConsented',
    );
  }
  if (typeof consent.adultFamilyMemberConsented !== 'boolean') {
    return refuse(
      'FIELD_INVALID',
      'Of een volwassen gezinslid ingestemd heeft, is ja of nee.',
      'consent.adultFamilyMemberConsented',
    );
  }
  if (!consent.adultFamilyMemberConsented) {
    return refuse(
      'CONSENT_REQUIRED',
      'Casusregie kan pas starten als minstens één volwassen gezinslid instemt; de instemming van ' +
        'enkel kinderen volstaat niet. Zonder instemming is de beslissing "geen instemming".',
      'consent.adultFamilyMemberConsented',
    );
  }
  return { ok: true };
}

function herbespreking(input: HerbesprekingInput, date: LocalDateString): Applied {
  const problem = requiredText(
    input.missingInformation,
    'missingInformation',
    'Welke informatie ontbreekt',
    'Noteer welke informatie ontbreekt en wie ze meebrengt naar het volgende ICO.',
  );
  if (problem) return problem;
  return accepted({}, { type: 'terug-naar-ico', date });
}

function geenInstemming(
  input: GeenInstemmingInput,
  date: LocalDateString,
  noConsentReturns: number,
  limit: number,
): Applied {
  const effects: DossierEvent[] = [
    {
      type: 'geen-instemming',
      date,
      returnsUsed: noConsentReturns,
      returnsLeft: Math.max(0, limit - noConsentReturns),
    },
  ];
  if (input.adviceText !== undefined) {
    if (typeof input.adviceText !== 'string' || input.adviceText.trim() === '') {
      return refuse(
        'FIELD_INVALID',
        'Het advies aan de aanmelder is leeg; laat het weg of vul het in.',
        'adviceText',
      );
    }
    effects.push({ type: 'advies-verstuurd', date, reason: 'geen-instemming', parketmeldingAdvies: false });
  }
  return { ok: true, patch: {}, effects };
}

function pvaBesproken(input: PvaBesprokenInput, date: LocalDateString, decisionDay: number): Applied {
  const terugkom = requiredDate(input.terugkomdatum, 'terugkomdatum', 'De terugkomdatum voor de Ronde Tafel');
  if (!terugkom.ok) return terugkom;
  if (terugkom.day <= decisionDay) {
    return refuse(
      'FIELD_INVALID',
      `De terugkomdatum voor de Ronde Tafel (${formatDutchDate(input.terugkomdatum)}) moet na de ` +
        `Weegploeg van ${formatDutchDate(date)} liggen.`,
      'terugkomdatum',
    );
  }
  return accepted({}, { type: 'pva-besproken', date, terugkomdatum: input.terugkomdatum });
}

function afsluitingBevestigd(state: DossierState, date: LocalDateString, decisionDay: number): Applied {
  // assertDossierState guarantees the afrondingDate of an afgerond dossier.
  const afronding = state.afrondingDate!;
  const earliest = earliestAfsluitingDate(afronding);
  if (decisionDay < parseLocalDate(earliest)!) {
    return refuse('TOO_EARLY_FOR_AFSLUITING', tooEarlyMessage(afronding, earliest));
  }
  return accepted({ afsluitingDate: date }, { type: 'afgesloten', date });
}

export function tooEarlyMessage(afrondingDate: LocalDateString, earliest: LocalDateString): string {
  return (
    `Een dossier wordt pas afgesloten ${AFSLUITING_WAIT_MONTHS} maanden na de afronding ` +
    `(${formatDutchDate(afrondingDate)}), dus ten vroegste op ${formatDutchDate(earliest)}.`
  );
}

/** Undefined when the text is there; a refusal naming the field when it is missing or not text. */
function requiredText(value: unknown, field: string, what: string, why?: string): DossierRefusal | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return refuse('FIELD_REQUIRED', why ? `${what} is verplicht. ${why}` : `${what} is verplicht.`, field);
  }
  if (typeof value !== 'string') return refuse('FIELD_INVALID', `${what} moet tekst zijn.`, field);
  return undefined;
}

function optionalBoolean(value: unknown, field: string, what: string): DossierRefusal | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  return refuse('FIELD_INVALID', `${what} is ja of nee.`, field);
}

function requiredDate(
  value: unknown,
  field: string,
  what: string,
): { readonly ok: true; readonly day: number } | DossierRefusal {
  const missing = requiredText(value, field, what);
  if (missing) return missing;
  const day = parseLocalDate(value as string);
  if (day === undefined) {
    return refuse('FIELD_INVALID', `${what} is geen geldige datum (jjjj-mm-dd): "${String(value)}".`, field);
  }
  return { ok: true, day };
}
