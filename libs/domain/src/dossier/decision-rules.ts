import { DecisionKind, DossierPhase } from './dossier.model';

/**
 * What may happen with one item type of one table: the decisions the table can record on such an
 * agendapunt, and the phases in which a dossier may be put on the agenda with it. The extra
 * conditions of the guide (the return limit after "geen instemming", the 6 months before an
 * afsluiting) follow from the decisions an item carries, so they need no flags here.
 */
export interface ItemTypeRule {
  /** Dutch, as it reads in a sentence ("een agendapunt plan van aanpak"). */
  readonly label: string;
  readonly decisions: readonly DecisionKind[];
  readonly agenderenInPhases: readonly DossierPhase[];
}

export interface TableRule {
  /** Dutch, with its article, as it reads after "op": "het ICO", "de Weegploeg". */
  readonly label: string;
  readonly itemTypes: Readonly<Record<string, ItemTypeRule>>;
}

/** Per table key, per item type key. Keys match the region's TableDefinition and ItemTypeDefinition keys. */
export type DecisionRules = Readonly<Record<string, TableRule>>;

const ICO_DECISIONS: readonly DecisionKind[] = [
  'geen_ketenaanpak',
  'zonder_casusregisseur',
  'met_casusregie',
  'herbespreking',
  'geen_instemming',
];

/**
 * The tables of CO3 Antwerpen (libs/regions co3-antwerpen), read from the guide:
 * - ICO: the first aanmelding only for a new dossier; a herbespreking after a herbespreking
 *   decision, after "geen instemming" (the aanmelder's limited returns for advice), and for a
 *   dossier "zonder casusregisseur", which may come back once a casusregisseur is available
 *   (guide II.F, "instroom volgens capaciteit").
 * - Weegploeg: only what a casusregisseur brings, so only in casusregie.
 * - Ronde Tafel: a vraag during casusregie (before or after the Weegploeg) and for an aanmelder
 *   without casusregisseur, who "may use the tables" (guide I.I); opvolging also after the
 *   afronding (the optional check for new facts after about three months, guide III.E); the
 *   afsluiting only once afgerond.
 */
export const CO3_DECISION_RULES: DecisionRules = {
  ico: {
    label: 'het ICO',
    itemTypes: {
      aanmelding: { label: 'aanmelding', decisions: ICO_DECISIONS, agenderenInPhases: ['aangemeld'] },
      herbespreking: {
        label: 'herbespreking',
        decisions: ICO_DECISIONS,
        agenderenInPhases: ['herbespreking', 'geen_instemming', 'zonder_casusregisseur'],
      },
    },
  },
  weegploeg: {
    label: 'de Weegploeg',
    itemTypes: {
      'plan-van-aanpak': {
        label: 'plan van aanpak',
        decisions: ['pva_besproken'],
        agenderenInPhases: ['casusregie'],
      },
      'gewijzigd-plan-van-aanpak': {
        label: 'gewijzigd plan van aanpak',
        decisions: ['pva_besproken'],
        agenderenInPhases: ['casusregie'],
      },
      afronding: {
        label: 'afronding',
        decisions: ['afronding_goedgekeurd', 'afronding_niet_goedgekeurd'],
        agenderenInPhases: ['casusregie'],
      },
    },
  },
  'ronde-tafel': {
    label: 'de Ronde Tafel',
    itemTypes: {
      vraag: {
        label: 'vraag',
        decisions: ['opvolging_genoteerd'],
        agenderenInPhases: ['casusregie', 'zonder_casusregisseur'],
      },
      opvolging: {
        label: 'opvolging',
        decisions: ['opvolging_genoteerd'],
        agenderenInPhases: ['casusregie', 'afgerond'],
      },
      'tussentijdse-evaluatie': {
        label: 'tussentijdse evaluatie',
        decisions: ['opvolging_genoteerd'],
        agenderenInPhases: ['casusregie'],
      },
      afsluiting: {
        label: 'afsluiting',
        decisions: ['afsluiting_bevestigd', 'afsluiting_niet_bevestigd'],
        agenderenInPhases: ['afgerond'],
      },
    },
  },
};

export type ItemTypeLookup =
  | { readonly ok: true; readonly table: TableRule; readonly itemType: ItemTypeRule }
  | { readonly ok: false; readonly code: 'UNKNOWN_TABLE' | 'UNKNOWN_ITEM_TYPE' };

export function lookupItemType(rules: DecisionRules, tableKey: string, itemTypeKey: string): ItemTypeLookup {
  const table = Object.hasOwn(rules, tableKey) ? rules[tableKey] : undefined;
  if (!table) return { ok: false, code: 'UNKNOWN_TABLE' };
  const itemType = Object.hasOwn(table.itemTypes, itemTypeKey) ? table.itemTypes[itemTypeKey] : undefined;
  if (!itemType) return { ok: false, code: 'UNKNOWN_ITEM_TYPE' };
  return { ok: true, table, itemType };
}

/** The decisions a table can record on an agendapunt of this type; empty for an unknown pair. */
export function decisionsFor(
  tableKey: string,
  itemTypeKey: string,
  rules: DecisionRules = CO3_DECISION_RULES,
): readonly DecisionKind[] {
  const found = lookupItemType(rules, tableKey, itemTypeKey);
  return found.ok ? found.itemType.decisions : [];
}

export function isDecisionForItem(
  kind: DecisionKind,
  tableKey: string,
  itemTypeKey: string,
  rules: DecisionRules = CO3_DECISION_RULES,
): boolean {
  return decisionsFor(tableKey, itemTypeKey, rules).includes(kind);
}
