import { CO3_RULES, CO3_TRANSITIONS } from './dossier-fixtures.test-util';
import { decisionsFor, isDecisionForItem } from './decision-rules';
import {
  DECISION_KIND_LABELS,
  DECISION_KINDS,
  PHASE_KIND_LABELS,
  PHASE_KINDS,
  isDecisionKind,
  isPhaseKind,
} from './dossier.model';

const ITEMS = Object.entries(CO3_RULES).flatMap(([table, rule]) =>
  Object.entries(rule.itemTypes).map(([item, itemRule]) => ({ table, item, ...itemRule })),
);

/** Where each decision kind may be recorded, as "table/item". */
function whereDecided(kind: string): string[] {
  return ITEMS.filter((i) => (i.decisions as readonly string[]).includes(kind)).map(
    (i) => `${i.table}/${i.item}`,
  );
}

describe('which decision belongs on which agendapunt', () => {
  it('uses the tables and item types of CO3 Antwerpen', () => {
    expect(ITEMS.map((i) => `${i.table}/${i.item}`)).toEqual([
      'ico/aanmelding',
      'ico/herbespreking',
      'weegploeg/plan-van-aanpak',
      'weegploeg/gewijzigd-plan-van-aanpak',
      'weegploeg/afronding',
      'ronde-tafel/vraag',
      'ronde-tafel/opvolging',
      'ronde-tafel/tussentijdse-evaluatie',
      'ronde-tafel/afsluiting',
    ]);
  });

  it('the ICO decides on aanmeldingen and herbesprekingen only', () => {
    for (const kind of [
      'geen_ketenaanpak',
      'zonder_casusregisseur',
      'met_casusregie',
      'herbespreking',
      'geen_instemming',
    ]) {
      expect(whereDecided(kind)).toEqual(['ico/aanmelding', 'ico/herbespreking']);
    }
  });

  it('a plan van aanpak is discussed on a (changed) plan van aanpak at the Weegploeg', () => {
    expect(whereDecided('pva_besproken')).toEqual([
      'weegploeg/plan-van-aanpak',
      'weegploeg/gewijzigd-plan-van-aanpak',
    ]);
  });

  it('afronding decisions only on an afronding at the Weegploeg', () => {
    expect(whereDecided('afronding_goedgekeurd')).toEqual(['weegploeg/afronding']);
    expect(whereDecided('afronding_niet_goedgekeurd')).toEqual(['weegploeg/afronding']);
  });

  it('afsluiting decisions only on an afsluiting at the Ronde Tafel', () => {
    expect(whereDecided('afsluiting_bevestigd')).toEqual(['ronde-tafel/afsluiting']);
    expect(whereDecided('afsluiting_niet_bevestigd')).toEqual(['ronde-tafel/afsluiting']);
  });

  it('the Ronde Tafel notes follow-up on questions, follow-ups and interim evaluations', () => {
    expect(whereDecided('opvolging_genoteerd')).toEqual([
      'ronde-tafel/vraag',
      'ronde-tafel/opvolging',
      'ronde-tafel/tussentijdse-evaluatie',
    ]);
  });

  it('answers lookups, and nothing for pairs it does not know', () => {
    expect(decisionsFor(CO3_RULES, 'weegploeg', 'afronding')).toEqual([
      'afronding_goedgekeurd',
      'afronding_niet_goedgekeurd',
    ]);
    expect(decisionsFor(CO3_RULES, 'weegploeg', 'vraag')).toEqual([]);
    expect(decisionsFor(CO3_RULES, 'hasOwnProperty', 'vraag')).toEqual([]);
    expect(isDecisionForItem(CO3_RULES, 'pva_besproken', 'weegploeg', 'gewijzigd-plan-van-aanpak')).toBe(
      true,
    );
    expect(isDecisionForItem(CO3_RULES, 'pva_besproken', 'ronde-tafel', 'opvolging')).toBe(false);
  });
});

describe('agendering and decisions agree', () => {
  it('an agendapunt is only agendered in a phase where one of its decisions can be taken', () => {
    for (const item of ITEMS) {
      for (const phase of item.agenderenInPhases) {
        const decidable = item.decisions.some((kind) => CO3_TRANSITIONS[kind].from.includes(phase));
        expect({ item: `${item.table}/${item.item}`, phase, decidable }).toEqual({
          item: `${item.table}/${item.item}`,
          phase,
          decidable: true,
        });
      }
    }
  });

  it('every phase a decision can be taken in can get the dossier on an agenda for it', () => {
    for (const kind of DECISION_KINDS) {
      for (const phase of CO3_TRANSITIONS[kind].from) {
        const reachable = ITEMS.some(
          (i) => i.decisions.includes(kind) && i.agenderenInPhases.includes(phase),
        );
        expect({ kind, phase, reachable }).toEqual({ kind, phase, reachable: true });
      }
    }
  });
});

describe('phases and decision kinds', () => {
  // That they are the labels of the database enums is checked against a migrated database:
  // libs/persistence/src/domain-enums.int-spec.ts.
  it('each has a Dutch label', () => {
    expect(Object.keys(PHASE_KIND_LABELS)).toEqual([...PHASE_KINDS]);
    expect(Object.keys(DECISION_KIND_LABELS)).toEqual([...DECISION_KINDS]);
  });

  it('guards tell them from other strings', () => {
    expect(isPhaseKind('casusregie')).toBe(true);
    expect(isPhaseKind('heropend')).toBe(false);
    expect(isPhaseKind(undefined)).toBe(false);
    expect(isDecisionKind('pva_besproken')).toBe(true);
    expect(isDecisionKind('toString')).toBe(false);
  });
});
