import type { DecisionRules } from './decision-rules';
import { DECISION_KINDS, DecisionKind, DOSSIER_PHASES, DossierPhase } from './dossier.model';
import { refuse, type DossierRefusal } from './dossier-outcome.model';
import { AFSLUITING_WAIT_MONTHS } from './dossier-date.util';

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

/** One traject a dossier can follow (e.g. `spoor-2`), with the label a user reads. */
export interface TrajectOption {
  readonly key: string;
  readonly label: string;
}

/**
 * The traject a region's dossiers follow once a table chose it (Vlaams-Brabant: spoor 2 or spoor
 * 3, chosen at triage). The decisions in `setBy` record it and must name one of `options`; follow-up
 * rules can then hold for one traject only (ObligationRule `onlyIf` traject).
 */
export interface TrajectSpec {
  /** The field's label in forms and on the dossier page ("Traject"). */
  readonly label: string;
  readonly options: readonly TrajectOption[];
  readonly setBy: readonly DecisionKind[];
}

/**
 * A closed dossier taken up again, with its history kept (Oost-Vlaanderen: after new incidents,
 * seeds/004). Only a region that declares it reopens; the dossier goes back to the intake table.
 */
export interface ReopeningSpec {
  /** The phases a dossier is reopened from (afgesloten). */
  readonly from: readonly DossierPhase[];
  /** The phase it goes back to: one the intake table's aanmelding is agendered in. */
  readonly to: DossierPhase;
  /** What the region calls it, for pages and the timeline ("heropening na nieuwe incidenten"). */
  readonly label: string;
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
  /** Set when the region's dossiers carry a traject; unset, no decision records one. */
  readonly traject?: TrajectSpec;
  /**
   * How many months after the afronding an afsluiting may come at the earliest (its zitting and its
   * decision); unset: AFSLUITING_WAIT_MONTHS (CO3's guide III.E: six).
   */
  readonly afsluitingWaitMonths?: number;
  /** Set when the region reopens closed dossiers; unset, a closed dossier stays closed. */
  readonly reopening?: ReopeningSpec;
  /**
   * What in this dossier life is a choice where the region's source gives nothing (shown in the
   * README's region table); empty when everything follows from the source.
   */
  readonly illustrative: readonly string[];
}

/** The months an afsluiting waits after the afronding in this dossier life. */
export function afsluitingWaitMonthsOf(life: Pick<DossierLife, 'afsluitingWaitMonths'>): number {
  return life.afsluitingWaitMonths ?? AFSLUITING_WAIT_MONTHS;
}

/** The intake table's key: where aanmeldingen land. */
export function intakeTableOf(life: DossierLife): string {
  return life.roles.intake.table;
}

/** The traject spec when decisions of this kind record a traject in this dossier life. */
export function trajectSetBy(life: DossierLife, kind: DecisionKind): TrajectSpec | undefined {
  return life.traject?.setBy.includes(kind) ? life.traject : undefined;
}

/** The label of a stored traject key; the key itself when the configuration no longer knows it. */
export function trajectLabel(life: DossierLife, key: string): string {
  return life.traject?.options.find((o) => o.key === key)?.label ?? key;
}

/**
 * The traject a decision records: required and one of the options for a decision that sets it, and
 * refused on any other (field `traject`); `undefined` when the decision records none.
 */
export function chooseTraject(
  life: DossierLife,
  kind: DecisionKind,
  given: string | undefined,
): { readonly ok: true; readonly traject?: string } | DossierRefusal {
  const spec = trajectSetBy(life, kind);
  if (!spec) {
    return given === undefined
      ? { ok: true }
      : refuse('FIELD_INVALID', 'Deze beslissing legt geen traject vast.', 'traject');
  }
  const choices = spec.options.map((o) => o.label).join(' of ');
  if (given === undefined) return refuse('FIELD_REQUIRED', `${spec.label}: kies ${choices}.`, 'traject');
  if (!spec.options.some((o) => o.key === given))
    return refuse('FIELD_INVALID', `${spec.label}: "${given}" is geen traject; kies ${choices}.`, 'traject');
  return { ok: true, traject: given };
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
  if (life.traject) {
    const keys = life.traject.options.map((o) => o.key);
    if (keys.length === 0) problems.push('traject: list at least one option');
    if (new Set(keys).size !== keys.length) problems.push('traject: an option key is listed twice');
    if (life.traject.setBy.length === 0) problems.push('traject: name the decisions that set it');
    for (const kind of life.traject.setBy) {
      if (!life.transitions[kind])
        problems.push(`traject: set by ${kind}, which no table of the region takes`);
    }
  }
  const { intake, planReview, followUp, closure } = life.roles;
  const wait = life.afsluitingWaitMonths;
  if (wait !== undefined && (!Number.isInteger(wait) || wait < 0 || wait > 24))
    problems.push(`afsluitingWaitMonths must be a whole number of months from 0 to 24, got ${wait}`);
  if (life.reopening) {
    for (const p of life.reopening.from) phase(p, 'reopening');
    phase(life.reopening.to, 'reopening');
    if (life.reopening.from.length === 0) problems.push('reopening: name the phases it reopens from');
    const intakeRule = life.rules[intake.table]?.itemTypes[intake.aanmeldingItemType];
    if (intakeRule && !intakeRule.agenderenInPhases.includes(life.reopening.to))
      problems.push(`reopening: the intake table does not take a dossier in ${life.reopening.to}`);
  }
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
