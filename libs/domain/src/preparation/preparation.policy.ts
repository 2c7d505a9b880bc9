import type { Instant } from '../sessions/session.model';
import { isCancelled, isHeld, type SessionStatus } from '../sessions/session-lifecycle.policy';

/**
 * Infodeling before a session (CO3 guide II.C): each partner at the table looks up what it knows
 * of the family and shares it at the verkennend casusoverleg. Police and parket information is
 * often for the coordinators only.
 */
export const PREPARATION_VISIBILITIES = ['tafel', 'coordinatoren'] as const;
export type PreparationVisibility = (typeof PREPARATION_VISIBILITIES)[number];

export const PREPARATION_VISIBILITY_LABELS: Readonly<Record<PreparationVisibility, string>> = {
  tafel: 'De leden van de tafel, tijdens de zitting',
  coordinatoren: 'Enkel de coördinatoren',
};

export interface PreparationSessionState {
  readonly status: SessionStatus;
  readonly startsAtMs: Instant;
  readonly endsAtMs: Instant;
  readonly preparationStartMs: Instant;
}

export type PreparationWindowCode = 'PREPARATION_NOT_STARTED' | 'SESSION_HELD' | 'SESSION_CANCELLED';

export type PreparationWindow =
  | { readonly open: true }
  | { readonly open: false; readonly code: PreparationWindowCode; readonly message: string };

/**
 * A partner records (and changes) its preparation from the session's preparation start until the
 * session is held: a decision was taken at it, or its end time has passed. A cancelled session
 * takes none; its items roll over, and the preparation goes along with the item.
 */
export function preparationWindow(session: PreparationSessionState, nowMs: Instant): PreparationWindow {
  if (isCancelled(session)) {
    return {
      open: false,
      code: 'SESSION_CANCELLED',
      message:
        'Deze zitting is geannuleerd; de voorbereiding gebeurt voor de zitting waar het agendapunt naartoe schuift.',
    };
  }
  if (isHeld(session) || nowMs >= session.endsAtMs) {
    return {
      open: false,
      code: 'SESSION_HELD',
      message: 'De zitting is gehouden: de voorbereiding kan niet meer gewijzigd worden.',
    };
  }
  if (nowMs < session.preparationStartMs) {
    return {
      open: false,
      code: 'PREPARATION_NOT_STARTED',
      message: 'De voorbereiding van deze zitting is nog niet gestart.',
    };
  }
  return { open: true };
}

/**
 * The members of the table see the `tafel` entries of the other partners once the session is in
 * progress (its start time has come) or held: the guide shares the information "in het kader van
 * het verkennend casusoverleg", at the table, not before it. A cancelled session never opens them.
 */
export function tafelEntriesOpen(
  session: Omit<PreparationSessionState, 'preparationStartMs' | 'endsAtMs'>,
  nowMs: Instant,
): boolean {
  if (isCancelled(session)) return false;
  return isHeld(session) || nowMs >= session.startsAtMs;
}

/**
 * Who reads an item's preparation: `full` (a coordinator of the table or its voorzitter: every
 * entry, any time), `member` (a partner at the table: its own organisation's entry, and the other
 * partners' `tafel` entries once the session is in progress), `aanmelder` (the item's aanmelder:
 * never another partner's input, even when they sit at the table for their organisation).
 */
export type PreparationAudience = 'full' | 'member' | 'aanmelder';

export interface PreparationVisible {
  readonly organisationId: string;
  readonly visibility: PreparationVisibility;
}

export function visiblePreparations<T extends PreparationVisible>(
  entries: readonly T[],
  audience: PreparationAudience,
  ownOrganisationId: string | null,
  tafelOpen: boolean,
): T[] {
  return entries.filter((e) => {
    if (audience === 'full') return true;
    if (ownOrganisationId !== null && e.organisationId === ownOrganisationId) return true;
    return audience === 'member' && tafelOpen && e.visibility === 'tafel';
  });
}
