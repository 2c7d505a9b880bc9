import fc from 'fast-check';
import { formatLocalDate, parseLocalDate } from '../time/local-date.util';
import { DecisionInput } from './decision-input.model';
import { deepFreeze, CO3_RULES, CO3_TRANSITIONS, applyCo3Decision, CO3_LIFE } from './dossier-fixtures.test-util';
import {
  assertDossierState,
  DECISION_KINDS,
  DecisionKind,
  DossierState,
  newDossierState,
} from './dossier.model';

/**
 * Random coordinators: each step records some decision, on some agendapunt, some days after the
 * previous one, with fields that are right or wrong. Most steps pick a decision the phase allows,
 * on an agendapunt that carries it, so that runs get all the way to the afsluiting; the rest are
 * wild, so that refusals of every kind come up too.
 */
interface Step {
  readonly plausible: boolean;
  readonly pick: number;
  readonly onMatchingItem: boolean;
  readonly itemPick: number;
  readonly gapDays: number;
  readonly fieldsValid: boolean;
  readonly variant: number;
  readonly bringsConsent: boolean;
}

const ITEMS = [
  ...Object.entries(CO3_RULES).flatMap(([tableKey, table]) =>
    Object.keys(table.itemTypes).map((itemType) => ({ tableKey, itemType })),
  ),
  { tableKey: 'ico', itemType: 'evaluatie' },
  { tableKey: 'triage-overleg', itemType: 'aanmelding' },
];

const mostly = (percent: number) => fc.integer({ min: 1, max: 100 }).map((n) => n <= percent);

const stepArb: fc.Arbitrary<Step> = fc.record({
  plausible: mostly(85),
  pick: fc.nat({ max: 1000 }),
  onMatchingItem: mostly(90),
  itemPick: fc.nat({ max: 1000 }),
  gapDays: fc.integer({ min: 0, max: 120 }),
  fieldsValid: mostly(80),
  variant: fc.nat({ max: 20 }),
  bringsConsent: mostly(70),
});

const runArb = fc.record({
  limit: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
});

function kindFor(state: DossierState, step: Step): DecisionKind {
  const legal = DECISION_KINDS.filter((k) => CO3_TRANSITIONS[k].from.includes(state.phase));
  const pool = step.plausible && legal.length > 0 ? legal : DECISION_KINDS;
  return pool[step.pick % pool.length]!;
}

function itemFor(kind: DecisionKind, step: Step) {
  const matching = ITEMS.filter(
    (i) => CO3_RULES[i.tableKey]?.itemTypes[i.itemType]?.decisions.includes(kind) ?? false,
  );
  const pool = step.onMatchingItem ? matching : ITEMS;
  return pool[step.itemPick % pool.length]!;
}

function plusDays(date: string, days: number): string {
  return formatLocalDate(parseLocalDate(date)! + days);
}

function inputFor(kind: DecisionKind, state: DossierState, date: string, step: Step): DecisionInput {
  const wrong = !step.fieldsValid;
  switch (kind) {
    case 'geen_ketenaanpak':
      return {
        kind,
        adviceText: wrong && step.variant % 2 === 0 ? ' ' : 'Advies aan de aanmelder.',
        safetyPlanAdvice: wrong && step.variant % 2 === 1 ? '' : 'Maak een veiligheidsplan op.',
      };
    case 'met_casusregie': {
      const startDate = plusDays(date, wrong && step.variant % 3 === 0 ? -1 : step.variant % 10);
      const consentOn = plusDays(date, wrong && step.variant % 3 === 1 ? 15 : -(step.variant % 5));
      const consent =
        step.bringsConsent || !state.consent
          ? {
              verifiedById: 'verifier-0001',
              verifiedOn: consentOn,
              adultFamilyMemberConsented: !(wrong && step.variant % 3 === 2),
            }
          : undefined;
      return consent
        ? { kind, casusregisseurId: 'casusregisseur-0001', startDate, consent }
        : { kind, casusregisseurId: 'casusregisseur-0001', startDate };
    }
    case 'herbespreking':
      return { kind, missingInformation: wrong ? '' : 'Recente feiten van de politie.' };
    case 'geen_instemming':
      return wrong ? { kind, adviceText: '' } : { kind };
    case 'pva_besproken':
      return { kind, terugkomdatum: plusDays(date, wrong ? -(step.variant % 3) : 1 + step.variant * 3) };
    default:
      return { kind };
  }
}

/** The phases a dossier passed through must show casusregie, then afgerond, before afgesloten. */
function closedTheRightWay(phases: readonly string[]): boolean {
  const closedAt = phases.indexOf('afgesloten');
  const afgerondAt = phases.indexOf('afgerond');
  const casusregieAt = phases.indexOf('casusregie');
  return closedAt === -1 || (casusregieAt !== -1 && casusregieAt < afgerondAt && afgerondAt < closedAt);
}

describe('no sequence of decisions breaks the lifecycle', () => {
  it('never closes a dossier without casusregie and afronding, and never changes it on a refusal', () => {
    let runsClosed = 0;
    let refusals = 0;
    fc.assert(
      fc.property(runArb, ({ limit, steps }) => {
        let state: DossierState = deepFreeze(newDossierState(CO3_LIFE));
        let date = '2026-01-09';
        const phases: string[] = [state.phase];
        for (const step of steps) {
          date = plusDays(date, step.gapDays);
          const kind = kindFor(state, step);
          const item = itemFor(kind, step);
          const before = structuredClone(state);
          const outcome = applyCo3Decision(state, inputFor(kind, state, date, step), {
            ...item,
            decisionDate: date,
            noConsentReturnLimit: limit,
          });
          if (!outcome.ok) {
            refusals += 1;
            expect(state).toEqual(before);
            continue;
          }
          const { from, to } = CO3_TRANSITIONS[kind];
          expect(from).toContain(state.phase);
          expect(outcome.next.phase).toBe(to === 'unchanged' ? state.phase : to);
          expect(outcome.next.noConsentReturns).toBeLessThanOrEqual(limit ?? 2);
          assertDossierState(outcome.next, CO3_LIFE);
          state = deepFreeze(outcome.next);
          phases.push(state.phase);
          expect(closedTheRightWay(phases)).toBe(true);
        }
        if (state.phase === 'afgesloten') runsClosed += 1;
      }),
      { numRuns: 1000 },
    );
    // Without this the property could pass by never getting anywhere near an afsluiting.
    expect(runsClosed).toBeGreaterThan(20);
    expect(refusals).toBeGreaterThan(1000);
  });

  it('an afgesloten dossier came through an afronding at least six months before', () => {
    fc.assert(
      fc.property(runArb, ({ limit, steps }) => {
        let state: DossierState = newDossierState(CO3_LIFE);
        let date = '2026-01-09';
        for (const step of steps) {
          date = plusDays(date, step.gapDays);
          const kind = kindFor(state, step);
          const outcome = applyCo3Decision(state, inputFor(kind, state, date, step), {
            ...itemFor(kind, step),
            decisionDate: date,
            noConsentReturnLimit: limit,
          });
          if (outcome.ok) state = outcome.next;
        }
        if (state.phase === 'afgesloten') {
          const waited = parseLocalDate(state.afsluitingDate!)! - parseLocalDate(state.afrondingDate!)!;
          expect(waited).toBeGreaterThanOrEqual(181);
          expect(parseLocalDate(state.afrondingDate!)!).toBeGreaterThanOrEqual(
            parseLocalDate(state.casusregieStartDate!)!,
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
