import type { DecisionRules } from './decision-rules';
import { DECISION_KINDS, DecisionKind, DOSSIER_PHASES, DossierPhase } from './dossier.model';

export interface DecisionTransition {
  /** The phases in which the decision may be taken. */
  readonly from: readonly DossierPhase[];
  /** The phase afterwards; `unchanged` for decisions that note progress without changing phase. */
  readonly to: DossierPhase | 'unchanged';
}

/** Per decision kind the region's tables take, the phase transition it makes. */
export type DecisionTransitions = Readonly<Partial<Record<DecisionKind, DecisionTransition>>>;

/**
 * What a table does in the dossier life, as the application asks for it: which one takes the
 * aanmeldingen (and takes a dossier back for a herbespreking), which reviews the plans van aanpak,
 * which follows up and which closes. One table may have several roles (a region with one table).
 */
export interface TableRoles {
  readonly intake: {
    readonly table: string;
    /** The item type a new aanmelding brings. */
    readonly aanmeldingItemType: string;
    /** The item type a dossier comes back with (herbespreking, return after "geen instemming"). */
    readonly returnItemType?: string;
  };
  readonly planReview?: string;
  readonly followUp?: string;
  readonly closure?: string;
}

/**
 * A region's dossier life as configuration, which the domain interprets: the tables' roles, the
 * decisions each table takes per item type with the phases it agendeert them in, and the phase
 * transition of every decision kind. The effects of a decision kind (appointing a casusregisseur,
 * a return to the intake table, the afronding's checks) are the domain's, named by the kind.
 */
export interface DossierLife {
  readonly roles: TableRoles;
  readonly rules: DecisionRules;
  readonly transitions: DecisionTransitions;
  /**
   * What in this dossier life is a choice where the region's source gives nothing (shown in the
   * README's region table); empty when everything follows from the source.
   */
  readonly illustrative: readonly string[];
}

/** The intake table's key: where aanmeldingen land. */
export function intakeTableOf(life: DossierLife): string {
  return life.roles.intake.table;
}

/**
 * What is wrong with a region's dossier life against its tables, one sentence each; empty when it
 * holds together. Every table and item type it names exists, every decision has a transition,
 * every phase and decision is one the domain knows, and the roles point at tables.
 */
export function dossierLifeProblems(
  life: DossierLife,
  tables: readonly { readonly key: string; readonly itemTypes: readonly { readonly key: string }[] }[],
): string[] {
  const problems: string[] = [];
  const tableByKey = new Map(tables.map((t) => [t.key, t]));
  const hasItem = (tableKey: string, itemType: string) =>
    tableByKey.get(tableKey)?.itemTypes.some((i) => i.key === itemType) ?? false;
  const phase = (p: string, where: string) => {
    if (!(DOSSIER_PHASES as readonly string[]).includes(p)) problems.push(`${where}: unknown phase ${p}`);
  };
  for (const [tableKey, rule] of Object.entries(life.rules)) {
    if (!tableByKey.has(tableKey))
      problems.push(`decision rules name table ${tableKey}, which the region has not`);
    for (const [itemKey, item] of Object.entries(rule.itemTypes)) {
      if (tableByKey.has(tableKey) && !hasItem(tableKey, itemKey))
        problems.push(`decision rules name item type ${itemKey} of ${tableKey}, which the table has not`);
      for (const p of item.agenderenInPhases) phase(p, `${tableKey}/${itemKey}`);
      for (const kind of item.decisions) {
        if (!(DECISION_KINDS as readonly string[]).includes(kind))
          problems.push(`${tableKey}/${itemKey}: unknown decision ${kind}`);
        else if (!life.transitions[kind])
          problems.push(`${tableKey}/${itemKey}: decision ${kind} has no transition`);
      }
    }
  }
  for (const [kind, transition] of Object.entries(life.transitions)) {
    for (const p of transition?.from ?? []) phase(p, `transition ${kind}`);
    if (transition && transition.to !== 'unchanged') phase(transition.to, `transition ${kind}`);
  }
  const { intake, planReview, followUp, closure } = life.roles;
  if (!life.rules[intake.table]) problems.push(`the intake table ${intake.table} has no decision rules`);
  if (!hasItem(intake.table, intake.aanmeldingItemType))
    problems.push(`the intake table has no item type ${intake.aanmeldingItemType}`);
  if (intake.returnItemType !== undefined && !hasItem(intake.table, intake.returnItemType))
    problems.push(`the intake table has no item type ${intake.returnItemType}`);
  const returns = Object.values(life.rules).some((t) =>
    Object.values(t.itemTypes).some((i) => i.decisions.includes('herbespreking')),
  );
  if (returns && intake.returnItemType === undefined)
    problems.push(
      'a table takes herbespreking, but the intake table has no returnItemType to take the dossier back',
    );
  for (const [role, key] of Object.entries({ planReview, followUp, closure })) {
    if (key !== undefined && !tableByKey.has(key))
      problems.push(`role ${role} names table ${key}, which the region has not`);
  }
  return problems;
}
