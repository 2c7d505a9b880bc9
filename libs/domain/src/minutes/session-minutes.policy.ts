import type { TableFunction } from '../organisation/organisation-kind';
import { isCancelled, isHeld, type SessionStatus } from '../sessions/session-lifecycle.policy';
import type { LocalTimeString } from '../time/local-date.util';
import type { EscalationSpec, ObligationRule, ReminderSchedule } from '../obligations/obligation-rule.model';

/**
 * The verslag of a session (guide II.G, IV; MARAC: minutes with actions tracked to completion):
 * attendance of the table's partners, per agendapunt the verslag and the action points, closed by
 * the voorzitter or a coordinator once the session is held.
 */

export const ATTENDANCE_STATUSES = ['aanwezig', 'verontschuldigd', 'afwezig'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Readonly<Record<AttendanceStatus, string>> = {
  aanwezig: 'aanwezig',
  verontschuldigd: 'verontschuldigd',
  afwezig: 'afwezig',
};

/**
 * Who writes the verslag: the table's coordinators (role) and whoever sits at the table as
 * voorzitter, coordinator or verslaggever (TableFunction); who closes or reopens it: the
 * coordinators and the voorzitter, not the verslaggever alone.
 */
const WRITERS: readonly TableFunction[] = ['voorzitter', 'coordinator', 'verslaggever'];
const CLOSERS: readonly TableFunction[] = ['voorzitter', 'coordinator'];

export interface MinutesActorFacts {
  /** Holds the coordinator role for the session's table. */
  readonly coordinator: boolean;
  /** The person's function at the session's table, if they sit there. */
  readonly tableFunction: TableFunction | null;
}

export function mayWriteMinutes(f: MinutesActorFacts): boolean {
  return f.coordinator || (f.tableFunction !== null && WRITERS.includes(f.tableFunction));
}

export function mayCloseMinutes(f: MinutesActorFacts): boolean {
  return f.coordinator || (f.tableFunction !== null && CLOSERS.includes(f.tableFunction));
}

export type MinutesRefusalCode =
  | 'MINUTES_NOT_ALLOWED'
  | 'SESSION_NOT_HELD'
  | 'MINUTES_CLOSED'
  | 'MINUTES_NOT_CLOSED'
  | 'MINUTES_ALREADY_CLOSED';

export type MinutesCheck =
  { readonly ok: true } | { readonly ok: false; readonly code: MinutesRefusalCode; readonly message: string };

const refused = (code: MinutesRefusalCode, message: string): MinutesCheck => ({ ok: false, code, message });

export interface MinutesStateFacts {
  readonly sessionStatus: string;
  /** The session's start has passed (a verslag is written during or after the session). */
  readonly started: boolean;
  readonly closed: boolean;
}

/** Writing (attendance, verslag, action points): during or after the session, while the verslag is open. */
export function checkMinutesEdit(actor: MinutesActorFacts, s: MinutesStateFacts): MinutesCheck {
  if (!mayWriteMinutes(actor)) {
    return refused(
      'MINUTES_NOT_ALLOWED',
      'Alleen de verslaggever, de voorzitter of een coördinator schrijft het verslag.',
    );
  }
  const session = { status: s.sessionStatus as SessionStatus };
  if (isCancelled(session) || (!s.started && !isHeld(session))) {
    return refused('SESSION_NOT_HELD', 'Het verslag wordt geschreven tijdens of na de zitting.');
  }
  if (s.closed) {
    return refused('MINUTES_CLOSED', 'Het verslag is afgesloten; heropen het eerst voor een correctie.');
  }
  return { ok: true };
}

/** Closing: the voorzitter or a coordinator, once the session is held (a decision was taken). */
export function checkMinutesClose(actor: MinutesActorFacts, s: MinutesStateFacts): MinutesCheck {
  if (!mayCloseMinutes(actor)) {
    return refused('MINUTES_NOT_ALLOWED', 'Alleen de voorzitter of een coördinator sluit het verslag af.');
  }
  if (!isHeld({ status: s.sessionStatus as SessionStatus })) {
    return refused('SESSION_NOT_HELD', 'Een verslag wordt afgesloten wanneer de zitting gehouden is.');
  }
  if (s.closed) return refused('MINUTES_ALREADY_CLOSED', 'Het verslag is al afgesloten.');
  return { ok: true };
}

/** Reopening for a correction: the voorzitter or a coordinator, of a closed verslag, with a reason. */
export function checkMinutesReopen(actor: MinutesActorFacts, s: MinutesStateFacts): MinutesCheck {
  if (!mayCloseMinutes(actor)) {
    return refused('MINUTES_NOT_ALLOWED', 'Alleen de voorzitter of een coördinator heropent het verslag.');
  }
  if (!s.closed) return refused('MINUTES_NOT_CLOSED', 'Het verslag is niet afgesloten.');
  return { ok: true };
}

/**
 * What a reader sees of one agendapunt in the verslag (the same need-to-know as the agenda):
 * - `all`: the coordinators of the table, the voorzitter and verslaggever, and the dossier's
 *   casusregisseur for their own items: the verslag, the decision, the action points, who came;
 * - `shared`: a member of the table for an item shared with the session: the same;
 * - `outcome`: the aanmelder for their own item: the decision and the action points only;
 * - `none`: otherwise (the item is listed by its dossier code only).
 */
export type MinutesItemScope = 'all' | 'shared' | 'outcome' | 'none';

export interface MinutesReaderFacts {
  readonly writer: boolean;
  readonly member: boolean;
}

export interface MinutesItemFacts {
  readonly sharedWithSession: boolean;
  readonly ownCasusregie: boolean;
  readonly ownAanmelding: boolean;
}

export function minutesItemScope(reader: MinutesReaderFacts, item: MinutesItemFacts): MinutesItemScope {
  if (reader.writer || item.ownCasusregie) return 'all';
  if (reader.member && item.sharedWithSession) return 'shared';
  if (item.ownAanmelding) return 'outcome';
  return 'none';
}

// ───────────────────────────── action points as obligations ─────────────────────────────

/**
 * An action point's obligation has the rule key `actiepunt:<table>:<action point id>`: a key no
 * region rule has, so the re-plan of a dossier (which plans from the region's rules and cancels
 * what the plan lacks) leaves it alone, and its rule is made from the key and the region's
 * reminder policy.
 */
export const ACTION_POINT_RULE_PREFIX = 'actiepunt:';

export function actionPointRuleKey(tableKey: string, actionPointId: string): string {
  return `${ACTION_POINT_RULE_PREFIX}${tableKey}:${actionPointId}`;
}

export function isActionPointRuleKey(key: string): boolean {
  return key.startsWith(ACTION_POINT_RULE_PREFIX);
}

export function parseActionPointRuleKey(
  key: string,
): { tableKey: string; actionPointId: string } | undefined {
  if (!isActionPointRuleKey(key)) return undefined;
  const rest = key.slice(ACTION_POINT_RULE_PREFIX.length);
  const at = rest.lastIndexOf(':');
  if (at <= 0 || at === rest.length - 1) return undefined;
  return { tableKey: rest.slice(0, at), actionPointId: rest.slice(at + 1) };
}

/** How a region reminds the owner of an action point, and escalates to the table's coordinators. */
export interface ActionPointPolicy {
  /** The wall-clock time on the due date the action is due at. */
  readonly dueTime: LocalTimeString;
  readonly reminders: ReminderSchedule;
  readonly escalation: Omit<EscalationSpec, 'to'>;
}

export const DEFAULT_ACTION_POINT_POLICY: ActionPointPolicy = {
  dueTime: '17:00',
  reminders: { daysBeforeDue: [7, 1], time: '09:00', avoidWeekends: true },
  escalation: { firstAfterDays: 1, repeatEveryDays: 7, time: '09:00', avoidWeekends: true },
};

/**
 * The rule of an action point's obligation. It is never in a region's list, so nothing plans it:
 * the action point creates it. Its owner is the person the table named (the obligation's
 * ownerId; the owner party says "the person of the obligation", as for a casusregisseur, so the
 * reminders go to them); the escalation goes to the coordinators of the session's table. It is
 * done by hand with a short note, on "Mijn opvolging".
 */
export function actionPointRule(tableKey: string, policy: ActionPointPolicy): ObligationRule {
  return {
    key: `${ACTION_POINT_RULE_PREFIX}${tableKey}`,
    label: 'Actiepunt uit het verslag',
    explanation:
      'Wat de tafel afsprak dat u doet, tegen de datum. Noteer kort wat u deed wanneer u het afrondt.',
    // Required by the type; never evaluated (the rule is in no region's list).
    trigger: 'casusregisseur-aangesteld',
    due: { kind: 'offset', from: 'trigger', offset: { amount: 0, unit: 'days' }, time: policy.dueTime },
    owner: { role: 'casusregisseur' },
    reminders: policy.reminders,
    escalation: { ...policy.escalation, to: { role: 'coordinator', table: tableKey } },
    fulfilledBy: [{ kind: 'manual' }],
  };
}
