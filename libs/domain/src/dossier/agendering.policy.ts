import type { SessionTooEarly } from '../placement/earliest-session.policy';
import type { TableDefinition } from '../tables/table-definition.model';
import { LocalDateString } from '../time/local-date.util';
import { DecisionRules, lookupItemType } from './decision-rules';
import { afsluitingWaitMonthsOf, intakeTableName, type DossierLife } from './dossier-life.model';
import {
  AFSLUITING_WAIT_MONTHS,
  earliestAfsluitingDate,
  formatDutchDate,
  formatDutchDateTime,
} from './dossier-date.util';
import {
  AWAITS_CONSENT_MESSAGE,
  NEEDS_STARTED_CASUSREGIE,
  resolveReturnLimit,
  returnLimitMessage,
} from './dossier-lifecycle.policy';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import { phaseLabel, phaseList } from './dossier-text.util';
import { assertDossierState, awaitsConsent, DossierState, phaseIsOfKind, type PhaseBook } from './dossier.model';

export interface AgenderingOptions {
  /** Returns to the ICO allowed after "geen instemming"; see noConsentReturnLimitOf(region). */
  readonly noConsentReturnLimit?: number;
  /** The region's dossier life (RegionConfig.dossierLife). */
  readonly life: DossierLife;
}

/**
 * Allowed; `notBeforeDate` when the zitting it goes to must take place on or after that date (an
 * afsluiting: six months after the afronding). Placement then refuses a zitting before it
 * (placeOnOrAfter) instead of quietly taking a later one.
 */
export type AgenderingOutcome =
  { readonly ok: true; readonly notBeforeDate?: LocalDateString } | DossierRefusal;

/**
 * Whether a dossier may be put on a table's agenda with an agendapunt of this type. It answers
 * for the dossier only; which zitting the request lands on is placement's business.
 *
 * The six months before an afsluiting (guide III.E) are about the zitting, not the day of the
 * request: the afsluiting's Ronde Tafel takes place on or after afronding + 6 months, so the
 * answer carries that date for placement, and agendering is possible as soon as that zitting is
 * the next open one (before the six months are over). The decision afsluiting_bevestigd is
 * checked against the date of its zitting with the same date, so what placement accepts the
 * decision accepts too.
 */
export function canAgenderen(
  dossier: DossierState,
  tableKey: string,
  itemType: string,
  options: AgenderingOptions,
): AgenderingOutcome {
  const life = options.life;
  assertDossierState(dossier, life);
  const limit = resolveReturnLimit(options.noConsentReturnLimit);
  const rules = options.life.rules;

  const found = lookupItemType(rules, tableKey, itemType);
  if (!found.ok) {
    return found.code === 'UNKNOWN_TABLE'
      ? refuse('UNKNOWN_TABLE', `Onbekende overlegtafel "${tableKey}".`, 'tableKey')
      : refuse(
          'UNKNOWN_ITEM_TYPE',
          `Onbekend soort agendapunt "${itemType}" op tafel "${tableKey}".`,
          'itemType',
        );
  }
  const { table, itemType: rule } = found;

  if (!rule.agenderenInPhases.includes(dossier.phase)) {
    return refuse(
      'AGENDERING_NOT_ALLOWED',
      notAllowedMessage(life, dossier.phase, rule.label, table.label, rule.agenderenInPhases),
    );
  }
  if (awaitsConsent(life, dossier) && rule.decisions.some((d) => NEEDS_STARTED_CASUSREGIE.includes(d))) {
    return refuse('CASUSREGIE_AWAITS_CONSENT', AWAITS_CONSENT_MESSAGE);
  }
  // Only the intake table takes a dossier in "geen instemming" back, and each time is one of the
  // aanmelder's limited returns.
  if (phaseIsOfKind(life, dossier.phase, 'geen_instemming') && dossier.noConsentReturns >= limit) {
    return refuse(
      'RETURN_LIMIT_REACHED',
      returnLimitMessage(dossier.noConsentReturns, limit, intakeTableName(life)),
    );
  }
  if (rule.decisions.includes('afsluiting_bevestigd')) {
    // assertDossierState guarantees the afrondingDate of an afgerond dossier, the only phase an
    // afsluiting can be agendered in; a rule set that allows it elsewhere has no date to wait for.
    const notBeforeDate = notBeforeDateFor(
      rules,
      tableKey,
      itemType,
      dossier.afrondingDate,
      afsluitingWaitMonthsOf(options.life),
    );
    if (notBeforeDate === undefined) {
      return refuse(
        'AGENDERING_NOT_ALLOWED',
        `Een afsluiting kan pas na de afronding; dit dossier is in de fase "${phaseLabel(life, dossier.phase)}".`,
      );
    }
    return { ok: true, notBeforeDate };
  }
  return { ok: true };
}

/**
 * The date an agendapunt's zitting may not come before: afronding + 6 months for an item that
 * can carry afsluiting_bevestigd, once the afronding date is known; undefined otherwise.
 */
export function notBeforeDateFor(
  rules: DecisionRules,
  tableKey: string,
  itemType: string,
  afrondingDate: LocalDateString | undefined,
  months: number = AFSLUITING_WAIT_MONTHS,
): LocalDateString | undefined {
  const found = lookupItemType(rules, tableKey, itemType);
  if (!found.ok || !found.itemType.decisions.includes('afsluiting_bevestigd')) return undefined;
  return afrondingDate === undefined ? undefined : earliestAfsluitingDate(afrondingDate, months);
}

/**
 * The refusal when an afsluiting would land on a zitting before afronding + 6 months: which
 * zitting that is, from when agendering lands on the first one late enough, and that one's
 * deadline (the due date of the afsluiting obligation).
 */
export function afsluitingTooEarly(
  afrondingDate: LocalDateString,
  table: TableDefinition,
  tooEarly: SessionTooEarly,
  months: number = AFSLUITING_WAIT_MONTHS,
): DossierRefusal {
  const zone = table.timeZone;
  const message =
    `Een afsluiting komt op een ${table.name} die ten vroegste ${months} ` +
    `maanden na de afronding (${formatDutchDate(afrondingDate)}) plaatsvindt: op of na ` +
    `${formatDutchDate(tooEarly.notBeforeDate)}. Wie nu agendeert, komt op de ${table.name} van ` +
    `${formatDutchDate(tooEarly.session.date)}, en die is te vroeg.`;
  const { first, opensAtMs } = tooEarly;
  if (!first || opensAtMs === undefined) {
    return refuse(
      'TOO_EARLY_FOR_AFSLUITING',
      `${message} Er is in het jaar daarna geen ${table.name} gepland.`,
    );
  }
  return refuse(
    'TOO_EARLY_FOR_AFSLUITING',
    `${message} Agendeer de afsluiting vanaf ${formatDutchDateTime(opensAtMs, zone)}; dan komt ze op ` +
      `de ${table.name} van ${formatDutchDate(first.date)} (deadline ${formatDutchDateTime(first.deadlineMs, zone)}).`,
  );
}

function notAllowedMessage(
  life: PhaseBook & { readonly rules: DecisionRules },
  phase: string,
  itemLabel: string,
  tableLabel: string,
  allowedPhases: readonly string[],
): string {
  const anythingAllowed = Object.values(life.rules).some((t) =>
    Object.values(t.itemTypes).some((i) => i.agenderenInPhases.includes(phase)),
  );
  if (!anythingAllowed) {
    return `Een dossier in de fase "${phaseLabel(life, phase)}" kan niet meer geagendeerd worden.`;
  }
  return (
    `Een agendapunt ${itemLabel} op ${tableLabel} kan enkel voor een dossier in de fase ` +
    `${phaseList(life, allowedPhases)}; dit dossier is in de fase "${phaseLabel(life, phase)}".`
  );
}
