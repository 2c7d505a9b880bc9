import { Instant } from '../sessions/session.model';
import { InvalidObligationInputError } from './obligation.error';
import { PlannedObligation } from './obligation-plan.model';

/** An obligation as the application stored it; `id` is the database id. */
export interface StoredObligation {
  readonly id: string;
  /** The dossier's life it was planned in; 1 when unset. */
  readonly life?: number;
  readonly ruleKey: string;
  readonly sequence: number;
  readonly dueAtMs: Instant;
  readonly status: 'open' | 'fulfilled' | 'cancelled';
}

/**
 * What to do with one obligation to bring the stored ones in line with the plan:
 * - `create`: new (possibly already fulfilled, e.g. consent verified before it was planned);
 * - `update-due`: still open, the date it hangs on moved (reminder steps move with it);
 * - `fulfil`: the facts now show it done (agenda item, decision, event);
 * - `reopen`: cancelled earlier, applies again (e.g. a condition corrected back), open;
 * - `cancel`: open, but no longer planned (trigger gone, condition no longer holds, ended,
 *   superseded by a newer review);
 * - `keep`: nothing to do. A fulfilled obligation is always kept as stored: a done thing stays
 *   done, whatever the facts say now, so a manual "done" or the agenda item that fulfilled it is
 *   never undone by a re-plan.
 */
export type ObligationChange =
  | { readonly kind: 'create'; readonly planned: PlannedObligation }
  | { readonly kind: 'update-due'; readonly stored: StoredObligation; readonly planned: PlannedObligation }
  | { readonly kind: 'fulfil'; readonly stored: StoredObligation; readonly planned: PlannedObligation }
  | { readonly kind: 'reopen'; readonly stored: StoredObligation; readonly planned: PlannedObligation }
  | { readonly kind: 'cancel'; readonly stored: StoredObligation }
  | { readonly kind: 'keep'; readonly stored: StoredObligation; readonly planned?: PlannedObligation };

const lifeOf = (o: { life?: number }): number => o.life ?? 1;
const identity = (o: { life?: number; ruleKey: string; sequence: number }): string =>
  `${lifeOf(o)}:${o.ruleKey}#${o.sequence}`;

/**
 * Compares stored obligations with a fresh plan: one change per obligation in either, planned
 * ones first in plan order, then stored ones the plan no longer has, by life and identity.
 * Applying the changes and diffing again yields only `keep`. An earlier life's obligations are
 * never in the plan: the ones still open are cancelled (at the heropening), fulfilled and
 * cancelled ones are kept as that life's history, never reopened.
 */
export function diffObligations(
  stored: readonly StoredObligation[],
  planned: readonly PlannedObligation[],
): ObligationChange[] {
  const byIdentity = new Map<string, StoredObligation>();
  for (const s of stored) {
    const id = identity(s);
    if (byIdentity.has(id)) throw new InvalidObligationInputError(`stored obligation ${id} is listed twice`);
    byIdentity.set(id, s);
  }
  const plannedIds = new Set<string>();
  const changes: ObligationChange[] = [];
  for (const p of planned) {
    const id = identity(p);
    if (plannedIds.has(id)) throw new InvalidObligationInputError(`planned obligation ${id} is listed twice`);
    plannedIds.add(id);
    const s = byIdentity.get(id);
    if (!s) {
      changes.push({ kind: 'create', planned: p });
    } else if (s.status === 'fulfilled') {
      changes.push({ kind: 'keep', stored: s, planned: p });
    } else if (p.status === 'fulfilled') {
      changes.push({ kind: 'fulfil', stored: s, planned: p });
    } else if (s.status === 'cancelled') {
      changes.push({ kind: 'reopen', stored: s, planned: p });
    } else if (s.dueAtMs !== p.dueAtMs) {
      changes.push({ kind: 'update-due', stored: s, planned: p });
    } else {
      changes.push({ kind: 'keep', stored: s, planned: p });
    }
  }
  const leftover = stored.filter((s) => !plannedIds.has(identity(s)));
  leftover.sort(
    (a, b) =>
      lifeOf(a) - lifeOf(b) ||
      (a.ruleKey < b.ruleKey ? -1 : a.ruleKey > b.ruleKey ? 1 : a.sequence - b.sequence),
  );
  for (const s of leftover) {
    changes.push(s.status === 'open' ? { kind: 'cancel', stored: s } : { kind: 'keep', stored: s });
  }
  return changes;
}
