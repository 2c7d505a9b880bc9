import type { DecisionRules } from './decision-rules';
import {
  DECISION_KINDS,
  DecisionKind,
  isPhaseKind,
  phaseSpecOf,
  type PhaseBook,
  type PhaseKind,
  type PhaseSpec,
} from './dossier.model';
import { refuse, type DossierRefusal } from './dossier-outcome.model';
import { AFSLUITING_WAIT_MONTHS } from './dossier-date.util';

export interface DecisionTransition {
  /** The keys of the region's phases in which the decision may be taken. */
  readonly from: readonly string[];
  /**
   * The key of the phase afterwards; `unchanged` for decisions that note progress without changing
   * phase. Its kind must be the one the decision's effects mean (DECISION_LEADS_TO).
   */
  readonly to: string | 'unchanged';
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
  /** The keys of the phases a dossier is reopened from (of kind afgesloten). */
  readonly from: readonly string[];
  /** The key of the phase it goes back to: of kind aangemeld, one the intake table's aanmelding is agendered in. */
  readonly to: string;
  /** What the region calls it, for pages and the timeline ("heropening na nieuwe incidenten"). */
  readonly label: string;
}

/**
 * A region's dossier life as configuration, which the domain interprets: the tables' roles, the
 * decisions each table takes per item type with the phases it agendeert them in, and the phase
 * transition of every decision kind. The effects of a decision kind (appointing a casusregisseur,
 * a return to the intake table, the afronding's checks) are the domain's, named by the kind.
 */
export interface DossierLife extends PhaseBook {
  /**
   * The region's phases, each with its key (stored in `dossiers.phase`), label and kind; the
   * first of kind aangemeld is where an aanmelding starts. Every phase a rule, transition, the
   * reopening or a traject names is one of these.
   */
  readonly phases: readonly PhaseSpec[];
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

/**
 * The table whose coordinators follow up the casusregie: they take over a dossier's casusregisseur
 * tasks when its casusregisseur leaves, until they appoint a new one. The region's follow-up table,
 * else the one reviewing the plans, else the intake table.
 */
export function casusregieFollowUpTable(life: Pick<DossierLife, 'roles'>): string {
  const { followUp, planReview, intake } = life.roles;
  return followUp ?? planReview ?? intake.table;
}

/** The months an afsluiting waits after the afronding in this dossier life. */
export function afsluitingWaitMonthsOf(life: Pick<DossierLife, 'afsluitingWaitMonths'>): number {
  return life.afsluitingWaitMonths ?? AFSLUITING_WAIT_MONTHS;
}

/**
 * The phase kind each decision's effects mean, where it changes phase: met_casusregie appoints a
 * casusregisseur (casusregie), afronding_goedgekeurd sets the afronding date (afgerond), and so
 * on. pva_besproken may move on within casusregie (Oost-Vlaanderen: from exploratie to uitvoering).
 * A decision that notes progress (opvolging, a refused afronding or afsluiting) moves to no
 * other kind than the one it came from.
 */
export const DECISION_LEADS_TO: Readonly<Partial<Record<DecisionKind, PhaseKind>>> = {
  geen_ketenaanpak: 'geen_ketenaanpak',
  zonder_casusregisseur: 'zonder_casusregisseur',
  met_casusregie: 'casusregie',
  herbespreking: 'herbespreking',
  geen_instemming: 'geen_instemming',
  pva_besproken: 'casusregie',
  afronding_goedgekeurd: 'afgerond',
  afsluiting_bevestigd: 'afgesloten',
};

/**
 * The intake table as messages name it: its label with its article ("het ICO", "het
 * triage-overleg", "de team regie"), the article and the name without it ("ICO"), so a sentence
 * can say "het volgende ICO" or "de volgende team regie".
 */
export interface IntakeTableName {
  readonly label: string;
  readonly article: string;
  readonly name: string;
}

/** The intake table's name in messages, from its label in the dossier life. */
export function intakeTableName(life: Pick<DossierLife, 'roles' | 'rules'>): IntakeTableName {
  const label = life.rules[life.roles.intake.table]?.label ?? life.roles.intake.table;
  const m = /^(de|het)\s+(.+)$/i.exec(label);
  return m ? { label, article: m[1]!, name: m[2]! } : { label, article: 'de', name: label };
}

/** "het volgende ICO", "de volgende team regie": the next zitting of the intake table. */
export function nextIntakeTable(name: IntakeTableName): string {
  return `${name.article} volgende ${name.name}`;
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
 * every phase named is one it declares (each of a kind the domain knows), a transition leads to
 * the kind its decision means, the kinds the domain moves a dossier to exist, and the roles point
 * at tables.
 */
export function dossierLifeProblems(
  life: DossierLife,
  tables: readonly { readonly key: string; readonly itemTypes: readonly { readonly key: string }[] }[],
): string[] {
  const problems: string[] = [];
  const tableByKey = new Map(tables.map((t) => [t.key, t]));
  const hasItem = (tableKey: string, itemType: string) =>
    tableByKey.get(tableKey)?.itemTypes.some((i) => i.key === itemType) ?? false;
  const keys = life.phases.map((p) => p.key);
  if (keys.length === 0) problems.push('phases: declare the phases of the dossier life');
  for (const p of life.phases) {
    if (typeof p.key !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(p.key))
      problems.push(`phases: key ${String(p.key)} is not lowercase letters, digits, - or _`);
    if (typeof p.label !== 'string' || p.label.trim() === '') problems.push(`phases: ${p.key} has no label`);
    if (!isPhaseKind(p.kind)) problems.push(`phases: ${p.key} has unknown kind ${String(p.kind)}`);
  }
  for (const key of new Set(keys.filter((k, i) => keys.indexOf(k) !== i)))
    problems.push(`phases: ${key} is declared twice`);
  // The strategic coordinators read closed dossiers by that key (libs/auth dossierAccess and its
  // query filter, which know no region's configuration): one closed phase, keyed afgesloten.
  for (const p of life.phases)
    if (p.kind === 'afgesloten' && p.key !== 'afgesloten')
      problems.push(`phases: ${p.key} is of kind afgesloten, whose phase must have the key afgesloten`);
  const phase = (p: string, where: string): PhaseKind | undefined => {
    const spec = phaseSpecOf(life, p);
    if (!spec) problems.push(`${where}: unknown phase ${p}`);
    return spec && isPhaseKind(spec.kind) ? spec.kind : undefined;
  };
  const needKind = (kind: PhaseKind, why: string) => {
    if (!life.phases.some((p) => p.kind === kind))
      problems.push(`phases: no phase of kind ${kind}, which ${why}`);
  };
  needKind('aangemeld', 'a new aanmelding starts in');
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
    if (!transition) continue;
    const fromKinds = transition.from.map((p) => phase(p, `transition ${kind}`));
    if (transition.to === 'unchanged') continue;
    const toKind = phase(transition.to, `transition ${kind}`);
    const means = DECISION_LEADS_TO[kind as DecisionKind];
    if (toKind === undefined) continue;
    if (means !== undefined && toKind !== means)
      problems.push(
        `transition ${kind}: leads to ${transition.to} of kind ${toKind}, but ${kind} means ${means}`,
      );
    if (means === undefined && fromKinds.some((k) => k !== undefined && k !== toKind))
      problems.push(
        `transition ${kind}: notes progress, so it cannot move to ${transition.to} of another kind`,
      );
  }
  if (life.transitions.met_casusregie)
    needKind('geen_instemming', 'a casusregie that gets no consent goes to (recordNoConsent)');
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
    for (const p of life.reopening.from) {
      const kind = phase(p, 'reopening');
      if (kind !== undefined && kind !== 'afgesloten')
        problems.push(
          `reopening: reopens from ${p} of kind ${kind}; only a phase of kind afgesloten is reopened`,
        );
    }
    const toKind = phase(life.reopening.to, 'reopening');
    if (toKind !== undefined && toKind !== 'aangemeld')
      problems.push(
        `reopening: goes back to ${life.reopening.to} of kind ${toKind}; it goes back to a phase of kind aangemeld`,
      );
    if (life.reopening.from.length === 0) problems.push('reopening: name the phases it reopens from');
    const intakeRule = life.rules[intake.table]?.itemTypes[intake.aanmeldingItemType];
    if (intakeRule && !intakeRule.agenderenInPhases.includes(life.reopening.to))
      problems.push(`reopening: the intake table does not take a dossier in ${life.reopening.to}`);
  }
  if (!life.rules[intake.table]) problems.push(`the intake table ${intake.table} has no decision rules`);
  const intakePhase = life.phases.find((p) => p.kind === 'aangemeld')?.key;
  const aanmelding = life.rules[intake.table]?.itemTypes[intake.aanmeldingItemType];
  if (aanmelding && intakePhase !== undefined && !aanmelding.agenderenInPhases.includes(intakePhase))
    problems.push(
      `the intake table's ${intake.aanmeldingItemType} is not agendered in ${intakePhase}, where a new aanmelding starts`,
    );
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
