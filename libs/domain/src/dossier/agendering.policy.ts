import { LocalDateString, parseLocalDate } from '../time/local-date.util';
import { CO3_DECISION_RULES, DecisionRules, lookupItemType } from './decision-rules';
import { earliestAfsluitingDate } from './dossier-date.util';
import { tooEarlyMessage } from './decision-effects.policy';
import {
  AWAITS_CONSENT_MESSAGE,
  NEEDS_STARTED_CASUSREGIE,
  resolveReturnLimit,
  returnLimitMessage,
} from './dossier-lifecycle.policy';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import { phaseLabel, phaseList } from './dossier-text.util';
import { assertDossierState, awaitsConsent, DossierPhase, DossierState } from './dossier.model';
import { InvalidDossierContextError } from './dossier.error';

export interface AgenderingOptions {
  /** Returns to the ICO allowed after "geen instemming"; see noConsentReturnLimitOf(region). */
  readonly noConsentReturnLimit?: number;
  readonly rules?: DecisionRules;
}

export type AgenderingOutcome = { readonly ok: true } | DossierRefusal;

/**
 * Whether a dossier may be put on a table's agenda with an agendapunt of this type today. It
 * answers for the dossier only; whether the request is on time for a zitting and which zitting it
 * lands on is placement's business.
 *
 * The 6 months before an afsluiting are counted to `nowDate`, the day of the request, not to the
 * zitting it will land on: the stricter reading, so no afsluiting is ever planned early. The
 * decision itself is checked again against the date of its zitting.
 */
export function canAgenderen(
  dossier: DossierState,
  tableKey: string,
  itemType: string,
  nowDate: LocalDateString,
  options: AgenderingOptions = {},
): AgenderingOutcome {
  assertDossierState(dossier);
  const today = parseLocalDate(nowDate);
  if (today === undefined) {
    throw new InvalidDossierContextError(`nowDate is not a yyyy-mm-dd date: ${String(nowDate)}`);
  }
  const limit = resolveReturnLimit(options.noConsentReturnLimit);
  const rules = options.rules ?? CO3_DECISION_RULES;

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
      notAllowedMessage(rules, dossier.phase, rule.label, table.label, rule.agenderenInPhases),
    );
  }
  if (awaitsConsent(dossier) && rule.decisions.some((d) => NEEDS_STARTED_CASUSREGIE.includes(d))) {
    return refuse('CASUSREGIE_AWAITS_CONSENT', AWAITS_CONSENT_MESSAGE);
  }
  // Only the ICO takes a dossier in "geen instemming" back, and each time is one of the
  // aanmelder's limited returns.
  if (dossier.phase === 'geen_instemming' && dossier.noConsentReturns >= limit) {
    return refuse('RETURN_LIMIT_REACHED', returnLimitMessage(dossier.noConsentReturns, limit));
  }
  if (rule.decisions.includes('afsluiting_bevestigd')) {
    // assertDossierState guarantees the afrondingDate of an afgerond dossier, the only phase an
    // afsluiting can be agendered in; a rule set that allows it elsewhere has no date to wait for.
    const afronding = dossier.afrondingDate;
    if (afronding === undefined) {
      return refuse(
        'AGENDERING_NOT_ALLOWED',
        `Een afsluiting kan pas na de afronding; dit dossier is in de fase "${phaseLabel(dossier.phase)}".`,
      );
    }
    const earliest = earliestAfsluitingDate(afronding);
    if (today < parseLocalDate(earliest)!) {
      return refuse('TOO_EARLY_FOR_AFSLUITING', tooEarlyMessage(afronding, earliest));
    }
  }
  return { ok: true };
}

function notAllowedMessage(
  rules: DecisionRules,
  phase: DossierPhase,
  itemLabel: string,
  tableLabel: string,
  allowedPhases: readonly DossierPhase[],
): string {
  const anythingAllowed = Object.values(rules).some((t) =>
    Object.values(t.itemTypes).some((i) => i.agenderenInPhases.includes(phase)),
  );
  if (!anythingAllowed) {
    return `Een dossier in de fase "${phaseLabel(phase)}" kan niet meer geagendeerd worden.`;
  }
  return (
    `Een agendapunt ${itemLabel} op ${tableLabel} kan enkel voor een dossier in de fase ` +
    `${phaseList(allowedPhases)}; dit dossier is in de fase "${phaseLabel(phase)}".`
  );
}
