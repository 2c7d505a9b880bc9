import { isDecisionKind } from '../dossier/dossier.model';
import { Instant } from '../sessions/session.model';
import { LocalDateString } from '../time/local-date.util';
import { DossierFacts, ObligationEvent } from './dossier-facts.model';
import { InvalidObligationInputError } from './obligation.error';
import { ObligationEventKey } from './obligation-rule.model';
import { factsOfCurrentLife, FIRST_LIFE } from './obligation-life.policy';
import { isLocalDate, localDateOf, maxDate, startOfLocalDay } from './obligation-time.util';

function fail(problem: string): never {
  throw new InvalidObligationInputError(`dossier facts: ${problem}`);
}

function checkDate(what: string, value: LocalDateString | undefined): void {
  if (value !== undefined && !isLocalDate(value)) fail(`${what} "${String(value)}" is not a yyyy-mm-dd date`);
}

function checkInstant(what: string, value: Instant | undefined): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
    fail(`${what} is not a finite epoch-millisecond instant: ${String(value)}`);
  }
}

/** Throws InvalidObligationInputError when the facts cannot be right (malformed dates, ids twice). */
export function validateDossierFacts(facts: DossierFacts): void {
  checkDate('casusregiePlannedStartDate', facts.casusregiePlannedStartDate);
  checkDate('casusregieStartDate', facts.casusregieStartDate);
  checkDate('afrondingDate', facts.afrondingDate);
  checkDate('afsluitingDate', facts.afsluitingDate);
  checkDate('consulentInvolvedSince', facts.consulentInvolvedSince);
  checkDate('consulentConsultedOn', facts.consulentConsultedOn);
  if (facts.life !== undefined && (!Number.isInteger(facts.life) || facts.life < FIRST_LIFE)) {
    fail(`life must be a whole number, ${FIRST_LIFE} or more: ${String(facts.life)}`);
  }
  checkInstant('lifeStartedAtMs', facts.lifeStartedAtMs);
  checkInstant('consentVerifiedAtMs', facts.consentVerifiedAtMs);
  checkInstant('childrenOver12HeardAtMs', facts.childrenOver12HeardAtMs);
  if (!Number.isInteger(facts.childrenOver12) || facts.childrenOver12 < 0) {
    fail('childrenOver12 must be a whole number, 0 or more');
  }
  const decisionIds = new Set<string>();
  for (const d of facts.decisions) {
    if (decisionIds.has(d.id)) fail(`decision "${d.id}" is listed twice`);
    decisionIds.add(d.id);
    if (!isDecisionKind(d.kind)) fail(`decision "${d.id}": unknown kind "${String(d.kind)}"`);
    checkInstant(`decision "${d.id}".decidedAtMs`, d.decidedAtMs);
    checkDate(`decision "${d.id}".terugkomdatum`, d.terugkomdatum);
    checkDate(`decision "${d.id}".vervolgoverlegDate`, d.vervolgoverlegDate);
    checkDate(`decision "${d.id}".bijkomendCasusoverlegDate`, d.bijkomendCasusoverlegDate);
  }
  const itemIds = new Set<string>();
  for (const item of facts.agendaItems) {
    if (itemIds.has(item.id)) fail(`agenda item "${item.id}" is listed twice`);
    itemIds.add(item.id);
    checkInstant(`agenda item "${item.id}".submittedAtMs`, item.submittedAtMs);
  }
  const manual = new Set<string>();
  for (const m of facts.manualFulfilments) {
    // Each life has its own obligations: the same rule and sequence may be done once in each.
    const key = `${m.ruleKey}#${m.sequence}${(m.life ?? FIRST_LIFE) === FIRST_LIFE ? '' : ` (life ${m.life})`}`;
    if (manual.has(key)) fail(`obligation ${key} is marked done twice`);
    manual.add(key);
    if (!Number.isInteger(m.sequence) || m.sequence < 0) fail(`${key}: sequence must be 0 or more`);
    checkInstant(`manual fulfilment ${key}.atMs`, m.atMs);
    if (typeof m.note !== 'string' || m.note.trim() === '') fail(`manual fulfilment ${key} needs a note`);
  }
}

/**
 * The events in a dossier's current life so far, ordered by key then occurrence. Derived from the
 * facts every time, so a corrected date moves its event (and every due date that hangs on it);
 * what happened before a heropening is not among them (factsOfCurrentLife).
 */
export function obligationEvents(all: DossierFacts, zone: string): ObligationEvent[] {
  const facts = factsOfCurrentLife(all);
  const events: ObligationEvent[] = [];
  const onDate = (key: ObligationEventKey, date: LocalDateString | undefined): void => {
    if (date !== undefined) events.push({ key, index: 0, date, atMs: startOfLocalDay(date, zone) });
  };
  const atInstant = (key: ObligationEventKey, atMs: Instant | undefined): void => {
    if (atMs !== undefined) events.push({ key, index: 0, date: localDateOf(atMs, zone), atMs });
  };

  const start = facts.casusregieStartDate;
  // A dossier whose start was taken over from before the service has no planned start: its
  // casusregisseur was appointed when casusregie started.
  onDate('casusregisseur-aangesteld', facts.casusregiePlannedStartDate ?? start);
  onDate('casusregie-gestart', start);
  atInstant('instemming-geregistreerd', facts.consentVerifiedAtMs);
  atInstant('kinderen-gehoord', facts.childrenOver12HeardAtMs);
  // The alignment with a consulent is about running casusregie: it counts from the start, or from
  // the day the consulent came in when that was later.
  if (facts.consulentInvolved && start !== undefined) {
    onDate('consulent-betrokken', maxDate(start, facts.consulentInvolvedSince ?? start));
  }
  const reviews = facts.decisions
    .filter((d) => d.kind === 'pva_besproken')
    .sort((a, b) => a.decidedAtMs - b.decidedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  reviews.forEach((d, index) => {
    events.push({
      key: 'pva-besproken',
      index,
      date: localDateOf(d.decidedAtMs, zone),
      atMs: d.decidedAtMs,
      decisionId: d.id,
      ...(d.terugkomdatum !== undefined && { terugkomdatum: d.terugkomdatum }),
    });
  });
  onDate('consulent-geconsulteerd', facts.consulentConsultedOn);
  onDate('afronding-goedgekeurd', facts.afrondingDate);
  onDate('afgesloten', facts.afsluitingDate);
  // What the ICO planned when it started casusregie. A dossier starts casusregie once; should
  // there be more such decisions, the latest counts.
  const startDecision = facts.decisions
    .filter((d) => d.kind === 'met_casusregie')
    .sort((a, b) => b.decidedAtMs - a.decidedAtMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))[0];
  // Only while the appointment stands: after "geen instemming" it ended, and what it planned with it.
  const appointed = (facts.casusregiePlannedStartDate ?? start) !== undefined;
  const planned = (key: ObligationEventKey, plannedDate: LocalDateString | undefined): void => {
    if (startDecision && appointed && plannedDate !== undefined) {
      events.push({
        key,
        index: 0,
        date: localDateOf(startDecision.decidedAtMs, zone),
        atMs: startDecision.decidedAtMs,
        plannedDate,
        decisionId: startDecision.id,
      });
    }
  };
  planned('vervolgoverleg-gepland', startDecision?.vervolgoverlegDate);
  planned('bijkomend-casusoverleg-gepland', startDecision?.bijkomendCasusoverlegDate);
  return events;
}
