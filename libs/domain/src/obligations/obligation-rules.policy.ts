import { isDecisionKind } from '../dossier/dossier.model';
import { RegionConfig, TableDefinition } from '../tables/table-definition.model';
import { ZoneOffsets } from '../time/zone-offsets.util';
import { InvalidObligationRuleError } from './obligation.error';
import {
  DossierDateKey,
  DurationUnit,
  OBLIGATION_EVENT_KEYS,
  OBLIGATION_FORMS,
  ObligationDuration,
  ObligationParty,
  ObligationRule,
} from './obligation-rule.model';
import { isLocalTime } from './obligation-time.util';

const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_KEYS: readonly DossierDateKey[] = [
  'trigger',
  'casusregie-start',
  'afronding',
  'afsluiting',
  'terugkomdatum',
  'geplande-datum',
];
const UNITS: readonly DurationUnit[] = ['days', 'weeks', 'months'];
/** Events that can happen more than once; each occurrence opens its own obligation. */
export const REPEATING_EVENTS: readonly string[] = ['pva-besproken'];

/** Per region object: rules are checked against that region's tables. */
const validated = new WeakMap<RegionConfig, ReadonlyMap<string, ObligationRule>>();

/**
 * Checks a region's obligation rules against themselves and the region's tables; throws
 * InvalidObligationRuleError naming the first problem. Region configurations call it in their
 * tests, the application at boot, and planning before it plans. Returns the rules by key.
 */
export function validateObligationRules(region: RegionConfig): ReadonlyMap<string, ObligationRule> {
  const rules = region.obligations ?? [];
  const known = validated.get(region);
  if (known) return known;
  if (!ZoneOffsets.isValidZone(region.timeZone)) {
    throw new InvalidObligationRuleError(
      '*',
      `unknown time zone "${region.timeZone}" of region ${region.key}`,
    );
  }
  const tables = new Map(region.tables.map((t) => [t.key, t]));
  const byKey = new Map<string, ObligationRule>();
  for (const rule of rules) {
    checkRule(rule, tables, byKey);
    byKey.set(rule.key, rule);
  }
  for (const rule of rules) checkSameAs(rule, byKey);
  validated.set(region, byKey);
  return byKey;
}

function checkRule(
  rule: ObligationRule,
  tables: ReadonlyMap<string, TableDefinition>,
  earlier: ReadonlyMap<string, ObligationRule>,
): void {
  const fail = (problem: string): never => {
    throw new InvalidObligationRuleError(String(rule.key), problem);
  };
  const table = (what: string, key: string): TableDefinition =>
    tables.get(key) ?? fail(`${what}: the region has no table "${key}"`);
  const itemType = (what: string, tableKey: string, type: string): void => {
    if (!table(what, tableKey).itemTypes.some((t) => t.key === type)) {
      fail(`${what}: table "${tableKey}" has no item type "${type}"`);
    }
  };
  const event = (what: string, key: string): void => {
    if (!(OBLIGATION_EVENT_KEYS as readonly string[]).includes(key)) fail(`${what}: unknown event "${key}"`);
  };
  const duration = (what: string, d: ObligationDuration): void => {
    if (!UNITS.includes(d.unit)) fail(`${what}: unknown unit "${d.unit}"`);
    if (!Number.isInteger(d.amount) || d.amount < 0 || d.amount > 120) {
      fail(`${what}: amount must be a whole number from 0 to 120`);
    }
  };
  const time = (what: string, value: string): void => {
    if (!isLocalTime(value)) fail(`${what} is not HH:mm`);
  };
  const dateKey = (what: string, key: DossierDateKey): void => {
    if (!DATE_KEYS.includes(key)) fail(`${what}: unknown dossier date "${key}"`);
  };
  const party = (what: string, p: ObligationParty): void => {
    if (p.role === 'coordinator') table(what, p.table);
    else if (p.role !== 'casusregisseur' && p.role !== 'strategisch-coordinator') {
      fail(`${what}: unknown role "${(p as { role: string }).role}"`);
    }
  };
  const wholeFrom = (what: string, value: number | undefined, min: number): void => {
    if (!Number.isInteger(value) || (value as number) < min)
      fail(`${what} must be a whole number from ${min}`);
  };

  if (typeof rule.key !== 'string' || !KEY_PATTERN.test(rule.key)) {
    fail('key must be lower-case words joined by hyphens');
  }
  if (earlier.has(rule.key)) fail('is listed twice');
  if (typeof rule.label !== 'string' || rule.label.trim() === '') fail('needs a Dutch label');
  event('trigger', rule.trigger);
  for (const e of rule.endsWith ?? []) event('endsWith', e);
  for (const c of rule.onlyIf ?? []) {
    if (c.kind === 'traject') {
      if (c.in.length === 0) fail('onlyIf traject: list at least one traject');
    } else if (c.kind !== 'consulent-betrokken' && c.kind !== 'kinderen-boven-12') {
      fail(`onlyIf: unknown condition "${(c as { kind: string }).kind}"`);
    }
  }

  const { due } = rule;
  switch (due.kind) {
    case 'offset':
      dateKey('due.from', due.from);
      duration('due.offset', due.offset);
      time('due.time', due.time);
      break;
    case 'session':
      table('due.table', due.table);
      dateKey('due.from', due.from);
      duration('due.atLeast', due.atLeast);
      if (due.dueAt !== 'deadline' && due.dueAt !== 'start') fail('due.dueAt must be "deadline" or "start"');
      break;
    case 'same-as':
      if (due.rule === rule.key) fail('due.same-as cannot refer to the rule itself');
      break;
    case 'item-session':
      if (due.itemTypes.length === 0) fail('due.item-session: list at least one item type');
      for (const type of due.itemTypes) itemType('due.item-session', due.table, type);
      if (due.dueAt !== 'deadline' && due.dueAt !== 'start') fail('due.dueAt must be "deadline" or "start"');
      break;
    default:
      fail(`unknown due kind "${(due as { kind: string }).kind}"`);
  }
  if (rule.repeat !== undefined) {
    if (rule.repeat !== 'after-fulfilment') fail(`unknown repeat "${String(rule.repeat)}"`);
    if (REPEATING_EVENTS.includes(rule.trigger)) {
      fail('a rule triggered by a repeating event already opens one obligation per occurrence');
    }
    if (due.kind === 'same-as' || due.kind === 'item-session')
      fail('a repeating rule needs its own due date');
  }

  party('owner', rule.owner);
  const { reminders, escalation } = rule;
  time('reminders.time', reminders.time);
  const days = new Set<number>();
  for (const d of reminders.daysBeforeDue) {
    wholeFrom('reminders.daysBeforeDue', d, 0);
    if (days.has(d)) fail(`reminders.daysBeforeDue lists ${d} twice`);
    days.add(d);
  }
  if (escalation) {
    if (rule.optional) fail('an optional obligation is never escalated');
    party('escalation.to', escalation.to);
    wholeFrom('escalation.firstAfterDays', escalation.firstAfterDays, 1);
    wholeFrom('escalation.repeatEveryDays', escalation.repeatEveryDays, 1);
    time('escalation.time', escalation.time);
    if (escalation.maxRepeats !== undefined) wholeFrom('escalation.maxRepeats', escalation.maxRepeats, 1);
  }

  if (rule.fulfilledBy.length === 0) fail('say what fulfils it (fulfilledBy)');
  for (const f of rule.fulfilledBy) {
    switch (f.kind) {
      case 'agenda-item':
        if (f.itemTypes.length === 0) fail('fulfilledBy agenda-item: list at least one item type');
        for (const type of f.itemTypes) itemType('fulfilledBy agenda-item', f.table, type);
        break;
      case 'decision':
        if (f.decisionKinds.length === 0) fail('fulfilledBy decision: list at least one kind');
        for (const kind of f.decisionKinds) {
          if (!isDecisionKind(kind)) fail(`fulfilledBy decision: unknown kind "${String(kind)}"`);
        }
        break;
      case 'event':
        event('fulfilledBy event', f.event);
        break;
      case 'manual':
        break;
      case 'form':
        if (!(OBLIGATION_FORMS as readonly string[]).includes(f.form)) {
          fail(`fulfilledBy form: unknown form "${String(f.form)}"`);
        }
        if (f.reportTo) party('fulfilledBy form reportTo', f.reportTo);
        break;
      default:
        fail(`unknown fulfilment kind "${(f as { kind: string }).kind}"`);
    }
  }
  if (rule.agendering) itemType('agendering', rule.agendering.table, rule.agendering.itemType);
}

/** `same-as` must name a rule of the region, without a cycle. */
function checkSameAs(rule: ObligationRule, byKey: ReadonlyMap<string, ObligationRule>): void {
  const seen = new Set<string>([rule.key]);
  let current = rule;
  while (current.due.kind === 'same-as') {
    const next = byKey.get(current.due.rule);
    if (!next) {
      throw new InvalidObligationRuleError(current.key, `due.same-as: no rule "${current.due.rule}"`);
    }
    if (seen.has(next.key))
      throw new InvalidObligationRuleError(rule.key, 'due.same-as goes round in a circle');
    seen.add(next.key);
    current = next;
  }
}
