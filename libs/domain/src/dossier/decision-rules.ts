import type { DecisionKind } from './dossier.model';

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
  /** Keys of the region's phases (DossierLife.phases). */
  readonly agenderenInPhases: readonly string[];
}

export interface TableRule {
  /** Dutch, with its article, as it reads after "op": "het ICO", "de Weegploeg". */
  readonly label: string;
  readonly itemTypes: Readonly<Record<string, ItemTypeRule>>;
}

/**
 * Per table key, per item type key; part of the region's configuration (RegionConfig.dossierLife).
 * Keys match the region's TableDefinition and ItemTypeDefinition keys.
 */
export type DecisionRules = Readonly<Record<string, TableRule>>;

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
  rules: DecisionRules,
  tableKey: string,
  itemTypeKey: string,
): readonly DecisionKind[] {
  const found = lookupItemType(rules, tableKey, itemTypeKey);
  return found.ok ? found.itemType.decisions : [];
}

export function isDecisionForItem(
  rules: DecisionRules,
  kind: DecisionKind,
  tableKey: string,
  itemTypeKey: string,
): boolean {
  return decisionsFor(rules, tableKey, itemTypeKey).includes(kind);
}
