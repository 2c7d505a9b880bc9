import { DEFAULT_PLACEMENT_HORIZON_DAYS } from '../placement/placement.policy';
import { firstOpenSessionBetween } from '../placement/earliest-session.policy';
import { getSession } from '../sessions/session-calendar.policy';
import { EMPTY_CALENDAR, Instant, Session } from '../sessions/session.model';
import { RegionConfig, TableDefinition } from '../tables/table-definition.model';
import { LocalDateString, MS_PER_DAY, parseLocalDate } from '../time/local-date.util';
import { DossierFacts, ObligationEvent } from './dossier-facts.model';
import { obligationEvents, validateDossierFacts } from './obligation-events.policy';
import {
  CalendarsByTable,
  ObligationFulfilment,
  ObligationSession,
  PlannedObligation,
} from './obligation-plan.model';
import {
  DossierDateKey,
  DueSpec,
  ItemSessionDueSpec,
  ObligationCondition,
  ObligationRule,
} from './obligation-rule.model';
import { factsOfCurrentLife, lifeOf } from './obligation-life.policy';
import { REPEATING_EVENTS, validateObligationRules } from './obligation-rules.policy';
import { addDuration, localDateOf, startOfLocalDay, wallClock } from './obligation-time.util';

/** A repeating rule never needs this many occurrences; the bound only stops a runaway loop. */
const MAX_SEQUENCE = 1000;

interface ResolvedDue {
  readonly dueAtMs: Instant;
  readonly session?: ObligationSession;
  readonly unresolved?: PlannedObligation['unresolved'];
}

interface Candidate {
  readonly source: string;
  readonly fulfilment: ObligationFulfilment;
}

/**
 * The obligations a dossier should have, given its facts and the tables' calendars now: one per
 * rule occurrence that applies, open or fulfilled, in rule order then sequence. Deterministic and
 * free of the clock, so re-planning after any change (a corrected start date, a cancelled
 * session, a new agenda item) is calling it again and comparing with diffObligations.
 *
 * - An obligation is planned once its trigger event happened and its conditions hold.
 * - Once an `endsWith` event happened or a condition stopped holding, open obligations are no
 *   longer planned (diffObligations cancels them); fulfilled ones stay.
 * - A due date that cannot be computed yet (the date it hangs on is unknown) means no obligation
 *   yet rather than a made-up date.
 * - After a heropening the plan is the current life's (`life` on every obligation), from the
 *   facts of that life only: the second casusregie start plans its obligations anew, whatever
 *   the first life fulfilled. The earlier life's obligations are not in the plan (diffObligations
 *   cancels those still open and keeps the rest as they are).
 */
export function planObligations(
  region: RegionConfig,
  all: DossierFacts,
  calendarByTable: CalendarsByTable = {},
): PlannedObligation[] {
  const rules = validateObligationRules(region);
  validateDossierFacts(all);
  const facts = factsOfCurrentLife(all);
  const planner = new Planner(region, rules, facts, calendarByTable);
  return (region.obligations ?? []).flatMap((rule) => planner.planRule(rule));
}

class Planner {
  private readonly zone: string;
  private readonly life: number;
  private readonly events: readonly ObligationEvent[];
  private readonly tables: ReadonlyMap<string, TableDefinition>;
  private readonly planned = new Map<string, readonly PlannedObligation[]>();

  constructor(
    region: RegionConfig,
    private readonly rules: ReadonlyMap<string, ObligationRule>,
    private readonly facts: DossierFacts,
    private readonly calendars: CalendarsByTable,
  ) {
    this.zone = region.timeZone;
    this.life = lifeOf(facts);
    this.events = obligationEvents(facts, region.timeZone);
    this.tables = new Map(region.tables.map((t) => [t.key, t]));
  }

  /** Memoised: `same-as` rules read the obligation of the rule they follow. */
  planRule(rule: ObligationRule): readonly PlannedObligation[] {
    let result = this.planned.get(rule.key);
    if (!result) {
      result = this.computeRule(rule);
      this.planned.set(rule.key, result);
    }
    return result;
  }

  private computeRule(rule: ObligationRule): PlannedObligation[] {
    const triggers = this.events.filter((e) => e.key === rule.trigger);
    if (triggers.length === 0) return [];
    const active =
      (rule.onlyIf ?? []).every((c) => this.holds(c)) &&
      !(rule.endsWith ?? []).some((key) => this.events.some((e) => e.key === key));
    const used = new Set<string>();
    const out: PlannedObligation[] = [];

    if (REPEATING_EVENTS.includes(rule.trigger)) {
      triggers.forEach((trigger, i) => {
        const obligation = this.planOne(rule, i, trigger, trigger.atMs, undefined, used);
        if (!obligation) return;
        // A newer review supersedes the follow-up of an older one that is still open.
        const superseded = i < triggers.length - 1;
        if (obligation.status === 'fulfilled' || (active && !superseded)) out.push(obligation);
      });
      return out;
    }

    const trigger = triggers[0] as ObligationEvent;
    let opensAtMs = trigger.atMs;
    let anchor: LocalDateString | undefined;
    for (let sequence = 0; sequence < MAX_SEQUENCE; sequence++) {
      const obligation = this.planOne(rule, sequence, trigger, opensAtMs, anchor, used);
      if (!obligation) break;
      if (obligation.status === 'open') {
        if (active) out.push(obligation);
        break;
      }
      out.push(obligation);
      if (rule.repeat !== 'after-fulfilment') break;
      // "At least every three months": the next one counts from the day this one was done.
      const done = (obligation.fulfilment as ObligationFulfilment).atMs;
      opensAtMs = done;
      anchor = localDateOf(done, this.zone);
    }
    return out;
  }

  private planOne(
    rule: ObligationRule,
    sequence: number,
    trigger: ObligationEvent,
    opensAtMs: Instant,
    anchorOverride: LocalDateString | undefined,
    used: Set<string>,
  ): PlannedObligation | undefined {
    const due = this.resolveDue(rule.due, trigger, anchorOverride);
    if (!due) return undefined;
    const candidate = this.findFulfilment(rule, sequence, opensAtMs, used);
    if (candidate) used.add(candidate.source);
    const fulfilment = candidate?.fulfilment;

    let agendering: PlannedObligation['agendering'];
    if (rule.agendering) {
      const { table, itemType } = rule.agendering;
      const sessionKey =
        fulfilment?.kind === 'agenda-item' && fulfilment.tableKey === table
          ? fulfilment.sessionKey
          : due.session?.tableKey === table
            ? due.session.key
            : undefined;
      agendering = { table, itemType, ...(sessionKey !== undefined && { sessionKey }) };
    }
    return {
      key: `${rule.key}#${sequence}`,
      life: this.life,
      ruleKey: rule.key,
      sequence,
      trigger: { event: trigger.key, index: trigger.index, atMs: trigger.atMs },
      opensAtMs,
      dueAtMs: due.dueAtMs,
      owner: rule.owner,
      optional: rule.optional === true,
      ...(due.session && { session: due.session }),
      ...(agendering && { agendering }),
      ...(due.unresolved && { unresolved: due.unresolved }),
      status: fulfilment ? 'fulfilled' : 'open',
      ...(fulfilment && { fulfilment }),
    };
  }

  private holds(condition: ObligationCondition): boolean {
    switch (condition.kind) {
      case 'consulent-betrokken':
        return this.facts.consulentInvolved;
      case 'kinderen-boven-12':
        return this.facts.childrenOver12 > 0;
      case 'traject':
        return this.facts.traject !== undefined && condition.in.includes(this.facts.traject);
    }
  }

  private dateOf(key: DossierDateKey, trigger: ObligationEvent): LocalDateString | undefined {
    switch (key) {
      case 'trigger':
        return trigger.date;
      case 'casusregie-start':
        return this.facts.casusregieStartDate;
      case 'afronding':
        return this.facts.afrondingDate;
      case 'afsluiting':
        return this.facts.afsluitingDate;
      case 'terugkomdatum': {
        const review =
          trigger.key === 'pva-besproken'
            ? trigger
            : this.events.filter((e) => e.key === 'pva-besproken').at(-1);
        return review && (review.terugkomdatum ?? review.date);
      }
      case 'geplande-datum':
        return trigger.plannedDate;
    }
  }

  private resolveDue(
    spec: DueSpec,
    trigger: ObligationEvent,
    anchorOverride: LocalDateString | undefined,
  ): ResolvedDue | undefined {
    if (spec.kind === 'same-as') return this.resolveSameAs(spec.rule);
    if (spec.kind === 'item-session') return this.resolveItemSession(spec);
    const anchor = anchorOverride ?? this.dateOf(spec.from, trigger);
    if (anchor === undefined) return undefined;
    if (spec.kind === 'offset') {
      return { dueAtMs: wallClock(addDuration(anchor, spec.offset), spec.time, this.zone) };
    }
    const table = this.tables.get(spec.table) as TableDefinition;
    const fromMs = startOfLocalDay(addDuration(anchor, spec.atLeast), table.timeZone);
    const untilMs = fromMs + DEFAULT_PLACEMENT_HORIZON_DAYS * MS_PER_DAY;
    const session = this.firstOpenSession(table, fromMs, untilMs);
    if (!session) {
      return {
        dueAtMs: fromMs,
        unresolved: {
          code: 'NO_SESSION_IN_RANGE',
          table: table.key,
          searchedFromMs: fromMs,
          searchedUntilMs: untilMs,
        },
      };
    }
    return {
      dueAtMs: spec.dueAt === 'deadline' ? session.deadlineMs : session.startMs,
      session: toSession(session),
    };
  }

  /** The first open session starting in [fromMs, untilMs), as the agendering gate finds it too. */
  private firstOpenSession(table: TableDefinition, fromMs: Instant, untilMs: Instant): Session | undefined {
    return firstOpenSessionBetween(table, fromMs, untilMs, this.calendars[table.key] ?? EMPTY_CALENDAR);
  }

  /**
   * Due with the first obligation of another rule. When that one was fulfilled by agendering, the
   * session it was agendered for is the one that counts ("before the first Weegploeg" means the
   * Weegploeg it actually goes to).
   */
  private resolveSameAs(ruleKey: string): ResolvedDue | undefined {
    const rule = this.rules.get(ruleKey) as ObligationRule;
    const first = this.planRule(rule).find((o) => o.sequence === 0);
    if (!first) return undefined;
    const { fulfilment } = first;
    if (rule.due.kind === 'session' && fulfilment?.kind === 'agenda-item') {
      const actual = this.sessionByKey(rule.due.table, fulfilment.sessionKey);
      if (actual) {
        return {
          dueAtMs: rule.due.dueAt === 'deadline' ? actual.deadlineMs : actual.startMs,
          session: toSession(actual),
        };
      }
    }
    return {
      dueAtMs: first.dueAtMs,
      ...(first.session && { session: first.session }),
      ...(first.unresolved && { unresolved: first.unresolved }),
    };
  }

  /**
   * The session the dossier's latest agendapunt of the types is on (withdrawn ones are not facts).
   * No such item, or one on a date that is not a session of the table: no due date yet.
   */
  private resolveItemSession(spec: ItemSessionDueSpec): ResolvedDue | undefined {
    const latest = this.facts.agendaItems
      .filter((i) => !i.withdrawn && i.tableKey === spec.table && spec.itemTypes.includes(i.itemType))
      .sort((a, b) => b.submittedAtMs - a.submittedAtMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))[0];
    const session = latest && this.sessionByKey(spec.table, latest.sessionKey);
    if (!session) return undefined;
    return {
      dueAtMs: spec.dueAt === 'deadline' ? session.deadlineMs : session.startMs,
      session: toSession(session),
    };
  }

  /** A session named by its key, `<table>:<scheduled date>`; undefined when it is not one of the table. */
  private sessionByKey(tableKey: string, sessionKey: string): Session | undefined {
    const prefix = `${tableKey}:`;
    if (!sessionKey.startsWith(prefix)) return undefined;
    const date = sessionKey.slice(prefix.length);
    const table = this.tables.get(tableKey);
    if (!table || parseLocalDate(date) === undefined) return undefined;
    try {
      return getSession(table, date, this.calendars[tableKey] ?? EMPTY_CALENDAR);
    } catch {
      // An item on a date outside the series (a stale key) says nothing about the calendar.
      return undefined;
    }
  }

  /** The earliest fulfilment not used by an earlier occurrence of the same rule. */
  private findFulfilment(
    rule: ObligationRule,
    sequence: number,
    opensAtMs: Instant,
    used: ReadonlySet<string>,
  ): Candidate | undefined {
    const candidates: Candidate[] = [];
    for (const spec of rule.fulfilledBy) {
      switch (spec.kind) {
        case 'agenda-item':
          for (const item of this.facts.agendaItems) {
            if (item.withdrawn || item.tableKey !== spec.table || !spec.itemTypes.includes(item.itemType))
              continue;
            if (item.submittedAtMs < opensAtMs) continue;
            candidates.push({
              source: `agenda-item:${item.id}`,
              fulfilment: {
                kind: 'agenda-item',
                atMs: item.submittedAtMs,
                agendaItemId: item.id,
                tableKey: item.tableKey,
                itemType: item.itemType,
                sessionKey: item.sessionKey,
              },
            });
          }
          break;
        case 'decision':
          for (const d of this.facts.decisions) {
            if (!spec.decisionKinds.includes(d.kind) || d.decidedAtMs < opensAtMs) continue;
            candidates.push({
              source: `decision:${d.id}`,
              fulfilment: { kind: 'decision', atMs: d.decidedAtMs, decisionId: d.id, decisionKind: d.kind },
            });
          }
          break;
        case 'event':
          for (const e of this.events) {
            if (e.key !== spec.event) continue;
            candidates.push({
              source: `event:${e.key}#${e.index}`,
              fulfilment: { kind: 'event', atMs: e.atMs, event: e.key },
            });
          }
          break;
        case 'manual':
        case 'form':
          break;
      }
    }
    // A manual "done" is stored on the obligation itself, so it always counts for its own one,
    // whether or not the rule lists manual (a coordinator may close any obligation with a note).
    for (const m of this.facts.manualFulfilments) {
      if (m.ruleKey === rule.key && m.sequence === sequence) {
        candidates.push({
          source: `manual:${m.sequence}`,
          fulfilment: { kind: 'manual', atMs: m.atMs, note: m.note },
        });
      }
    }
    // Like a manual "done", a submitted form is the obligation's own: it counts for that one.
    for (const f of this.facts.formFulfilments ?? []) {
      if (f.ruleKey === rule.key && f.sequence === sequence) {
        candidates.push({ source: `form:${f.sequence}`, fulfilment: { kind: 'form', atMs: f.atMs } });
      }
    }
    let best: Candidate | undefined;
    for (const c of candidates) {
      if (used.has(c.source)) continue;
      if (
        !best ||
        c.fulfilment.atMs < best.fulfilment.atMs ||
        (c.fulfilment.atMs === best.fulfilment.atMs && c.source < best.source)
      ) {
        best = c;
      }
    }
    return best;
  }
}

function toSession(session: Session): ObligationSession {
  return {
    tableKey: session.tableKey,
    key: session.key,
    date: session.date,
    startMs: session.startMs,
    deadlineMs: session.deadlineMs,
  };
}
