import { CalendarState, Instant } from '../sessions/session.model';
import type { DecisionKind } from '../dossier/dossier.model';
import { ObligationEventKey, ObligationParty } from './obligation-rule.model';

/** Coordinators' calendar state per table key; a table without an entry has an empty calendar. */
export type CalendarsByTable = Readonly<Record<string, CalendarState | undefined>>;

/** The session a due date hangs on. */
export interface ObligationSession {
  readonly tableKey: string;
  /** As Session.key: `<table>:<scheduled date>`. */
  readonly key: string;
  readonly date: string;
  readonly startMs: Instant;
  readonly deadlineMs: Instant;
}

/** Why an obligation counts as done. The ids let the application link the row to its cause. */
export type ObligationFulfilment =
  | {
      readonly kind: 'agenda-item';
      readonly atMs: Instant;
      readonly agendaItemId: string;
      readonly tableKey: string;
      readonly itemType: string;
      readonly sessionKey: string;
    }
  | {
      readonly kind: 'decision';
      readonly atMs: Instant;
      readonly decisionId: string;
      readonly decisionKind: DecisionKind;
    }
  | { readonly kind: 'event'; readonly atMs: Instant; readonly event: ObligationEventKey }
  | { readonly kind: 'manual'; readonly atMs: Instant; readonly note: string }
  /** Its form was submitted on the obligation's page (the answers are stored with it). */
  | { readonly kind: 'form'; readonly atMs: Instant };

/**
 * One obligation as the rules say it should be, given the facts now. The triple (life, ruleKey,
 * sequence) is its identity within the dossier (the database's unique key); `key` spells the pair
 * (ruleKey, sequence), its identity within the life.
 */
export interface PlannedObligation {
  /** `<ruleKey>#<sequence>`. */
  readonly key: string;
  /** The dossier's life it belongs to: 1, or 1 + the heropeningen before it (DossierFacts.life). */
  readonly life: number;
  readonly ruleKey: string;
  /** 0, or the occurrence number for repeating rules and repeating trigger events. */
  readonly sequence: number;
  /** The event occurrence that created it. */
  readonly trigger: { readonly event: ObligationEventKey; readonly index: number; readonly atMs: Instant };
  /** From this moment agenda items and decisions count towards it. */
  readonly opensAtMs: Instant;
  readonly dueAtMs: Instant;
  readonly owner: ObligationParty;
  readonly optional: boolean;
  /** The session the due date hangs on, for session-relative rules. */
  readonly session?: ObligationSession;
  /**
   * The agendering form a reminder links to: table and item type, and the session when the due
   * date hangs on one of that table (or the item was already agendered there).
   */
  readonly agendering?: { readonly table: string; readonly itemType: string; readonly sessionKey?: string };
  /**
   * No open session was found within the search horizon (e.g. a table whose series ends). The due
   * date is then the earliest date the rule allows, at local midnight, so the owner is still
   * reminded, and coordinators can see why.
   */
  readonly unresolved?: {
    readonly code: 'NO_SESSION_IN_RANGE';
    readonly table: string;
    readonly searchedFromMs: Instant;
    readonly searchedUntilMs: Instant;
  };
  readonly status: 'open' | 'fulfilled';
  readonly fulfilment?: ObligationFulfilment;
}
