// What each kind of decision does to a dossier, and the checks of its fields; the bookkeeping every
// decision shares (the item, the phase, the return limit) stays in dossier-lifecycle.policy.ts.
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
import type { OrganisationKind, OrganisationKinds } from '../organisation/organisation-kind';
import { AFSLUITING_WAIT_MONTHS, earliestAfsluitingDate, formatDutchDate } from './dossier-date.util';
import { DossierEvent } from './dossier-event.model';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import { ConsentRecord, DossierState } from './dossier.model';
import { nextIntakeTable, type IntakeTableName } from './dossier-life.model';
import { optionalBoolean, requiredDate, requiredText } from './decision-fields.util';
import { plannedAtTheIco } from './planned-at-ico.policy';
import { checkZonderCasusregisseur } from './zonder-casusregisseur.policy';

/** What a decision's own checks need to know beyond the dossier: who referred it, the region's limits. */
export interface KindContext {
  readonly zonderCasusregisseurAanmelders?: readonly OrganisationKind[];
  readonly aanmelderOrganisation?: OrganisationKind | null;
  /** The region's organisation kinds, for their names in a refusal. */
  readonly organisationKinds?: OrganisationKinds;
  /** Months an afsluiting waits after the afronding (afsluitingWaitMonthsOf); unset: the default. */
  readonly afsluitingWaitMonths?: number;
  /** The intake table as messages name it (intakeTableName). */
  readonly intake: IntakeTableName;
  /** The label of the table taking the decision ("de Weegploeg"). */
  readonly tableLabel: string;
  /** The label of the follow-up table ("de Ronde Tafel"); unset: the deciding table's. */
  readonly followUpLabel?: string;
}

/** A decision's own result, before the bookkeeping every decision shares. */
export type Applied =
  | { readonly ok: true; readonly patch: Partial<DossierState>; readonly effects: readonly DossierEvent[] }
  | DossierRefusal;

export function applyKind(
  state: DossierState,
  input: DecisionInput,
  date: LocalDateString,
  decisionDay: number,
  noConsentReturns: number,
  limit: number,
  context: KindContext,
): Applied {
  switch (input.kind) {
    case 'geen_ketenaanpak':
      return geenKetenaanpak(input, date);
    case 'zonder_casusregisseur': {
      const eligible = checkZonderCasusregisseur(
        context.zonderCasusregisseurAanmelders,
        context.aanmelderOrganisation,
        context.organisationKinds,
      );
      if (!eligible.ok) return eligible;
      return accepted({}, { type: 'ketenaanpak-zonder-casusregisseur', date });
    }
    case 'met_casusregie':
      return metCasusregie(state, input, date, decisionDay, context.intake);
    case 'herbespreking':
      return herbespreking(input, date, context.intake);
    case 'geen_instemming':
      return geenInstemming(input, date, noConsentReturns, limit);
    case 'pva_besproken':
      return pvaBesproken(
        input,
        date,
        decisionDay,
        context.tableLabel,
        context.followUpLabel ?? context.tableLabel,
      );
    case 'afronding_goedgekeurd':
      return afrondingGoedgekeurd(state, date, decisionDay, context.tableLabel);
    case 'afronding_niet_goedgekeurd':
      return accepted({}, { type: 'afronding-niet-goedgekeurd', date });
    case 'opvolging_genoteerd':
      return accepted({}, { type: 'opvolging-genoteerd', date });
    case 'afsluiting_bevestigd':
      return afsluitingBevestigd(state, date, decisionDay, context.afsluitingWaitMonths);
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
  intake: IntakeTableName,
): Applied {
  const idProblem = requiredText(input.casusregisseurId, 'casusregisseurId', 'De casusregisseur');
  if (idProblem) return idProblem;
  const start = requiredDate(input.startDate, 'startDate', 'De startdatum van de casusregie');
  if (!start.ok) return start;
  if (start.day < decisionDay) {
    return refuse(
      'FIELD_INVALID',
      `De startdatum van de casusregie (${formatDutchDate(input.startDate)}) kan niet vóór de ` +
        `beslissing van ${intake.label} (${formatDutchDate(date)}) liggen.`,
      'startDate',
    );
  }

  const planned = plannedAtTheIco(input, date, decisionDay, start.day, intake);
  if (!planned.ok) return planned;

  let consent: ConsentRecord;
  const appointed: DossierEvent = {
    type: 'casusregisseur-aangesteld',
    startDate: input.startDate,
    casusregisseurId: input.casusregisseurId,
  };
  const effects: DossierEvent[] = [appointed];
  if (input.consent !== undefined) {
    const checked = checkConsent(input.consent);
    if (!checked.ok) return checked;
    consent = {
      verifiedById: input.consent.verifiedById,
      verifiedOn: input.consent.verifiedOn,
      ...(input.consent.givenBy !== undefined && { givenBy: input.consent.givenBy }),
    };
    effects.push({
      type: 'instemming-geregistreerd',
      verifiedOn: consent.verifiedOn,
      verifiedById: consent.verifiedById,
    });
  } else if (state.consent) {
    consent = state.consent;
  } else {
    // The casusregisseur verifies the consent after taking up the dossier (guide III.B); until then
    // casusregie waits for it and nothing is counted from the start (awaitsConsent). What the ICO
    // planned with the casusregisseur (II.E) stands.
    return {
      ok: true,
      patch: {
        casusregisseurId: input.casusregisseurId,
        casusregiePlannedStartDate: input.startDate,
      },
      effects: [...effects, ...planned.events],
    };
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
  effects.push(...planned.events);
  return {
    ok: true,
    patch: {
      casusregisseurId: input.casusregisseurId,
      casusregiePlannedStartDate: input.startDate,
      casusregieStartDate: input.startDate,
      consent,
    },
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
  if (
    consent.givenBy !== undefined &&
    (typeof consent.givenBy !== 'string' || consent.givenBy.trim() === '')
  ) {
    return refuse(
      'FIELD_INVALID',
      'Wie de instemming gaf (bv. "moeder") is leeg; laat het weg of vul het in.',
      'consent.givenBy',
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

function herbespreking(input: HerbesprekingInput, date: LocalDateString, intake: IntakeTableName): Applied {
  const problem = requiredText(
    input.missingInformation,
    'missingInformation',
    'Welke informatie ontbreekt',
    `Noteer welke informatie ontbreekt en wie ze meebrengt naar ${nextIntakeTable(intake)}.`,
  );
  if (problem) return problem;
  return accepted({}, { type: 'terug-naar-ico', date, guest: 'aanmelder' });
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

function pvaBesproken(
  input: PvaBesprokenInput,
  date: LocalDateString,
  decisionDay: number,
  tableLabel: string,
  followUpLabel: string,
): Applied {
  const terugkom = requiredDate(
    input.terugkomdatum,
    'terugkomdatum',
    `De terugkomdatum voor ${followUpLabel}`,
  );
  if (!terugkom.ok) return terugkom;
  if (terugkom.day <= decisionDay) {
    return refuse(
      'FIELD_INVALID',
      `De terugkomdatum voor ${followUpLabel} (${formatDutchDate(input.terugkomdatum)}) moet na ` +
        `${tableLabel} van ${formatDutchDate(date)} liggen.`,
      'terugkomdatum',
    );
  }
  return accepted({}, { type: 'pva-besproken', date, terugkomdatum: input.terugkomdatum });
}

/** Annex B: where an OCJ/SDJ consulent is involved, the two align before the afronding. */
function afrondingGoedgekeurd(
  state: DossierState,
  date: LocalDateString,
  decisionDay: number,
  tableLabel: string,
): Applied {
  if (state.consulentInvolved === true) {
    if (state.consulentConsultedOn === undefined) {
      return refuse(
        'CONSULENT_NOT_CONSULTED',
        'Er is een consulent van OCJ/SDJ betrokken: de afronding kan pas worden goedgekeurd als op de ' +
          'dossierpagina geregistreerd is dat de casusregisseur de consulent over de afronding ' +
          'geconsulteerd heeft ("Consulent geconsulteerd over de afronding").',
        'consulentGeconsulteerd',
      );
    }
    if (parseLocalDate(state.consulentConsultedOn)! > decisionDay) {
      return refuse(
        'CONSULENT_NOT_CONSULTED',
        `De consulent werd pas op ${formatDutchDate(state.consulentConsultedOn)} geconsulteerd over de ` +
          `afronding, na ${tableLabel} van ${formatDutchDate(date)}; dat moet ervóór gebeuren.`,
        'consulentGeconsulteerd',
      );
    }
  }
  return accepted({ afrondingDate: date }, { type: 'afronding-goedgekeurd', date });
}

function afsluitingBevestigd(
  state: DossierState,
  date: LocalDateString,
  decisionDay: number,
  months: number = AFSLUITING_WAIT_MONTHS,
): Applied {
  // assertDossierState guarantees the afrondingDate of an afgerond dossier.
  const afronding = state.afrondingDate!;
  const earliest = earliestAfsluitingDate(afronding, months);
  if (decisionDay < parseLocalDate(earliest)!) {
    return refuse('TOO_EARLY_FOR_AFSLUITING', tooEarlyMessage(afronding, earliest, months));
  }
  return accepted({ afsluitingDate: date }, { type: 'afgesloten', date });
}

export function tooEarlyMessage(
  afrondingDate: LocalDateString,
  earliest: LocalDateString,
  months: number = AFSLUITING_WAIT_MONTHS,
): string {
  return (
    `Een dossier wordt pas afgesloten ${months} maanden na de afronding ` +
    `(${formatDutchDate(afrondingDate)}), dus ten vroegste op ${formatDutchDate(earliest)}.`
  );
}
