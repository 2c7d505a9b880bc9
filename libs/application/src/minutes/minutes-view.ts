import { DateTime } from 'luxon';
import {
  ATTENDANCE_LABELS,
  AttendanceStatus,
  DECISION_KIND_LABELS,
  DecisionKind,
  MinutesItemScope,
  organisationKindLabel,
  OrganisationKinds,
  TableDefinition,
} from '@overlegtafels/domain';
import { dutchDate } from '@overlegtafels/mail';
import type { ActionPointRecord, AttendanceEntry, MinutesItem } from '../ports/session-minutes.port';
import { attendanceParticipants } from '../record-attendance/record-attendance.usecase';
import type { AnswerLabel } from '../list-session-answers/session-answers.service';
import type { InvitationAnswerView } from './minutes-answers';

export interface ActionPointView {
  readonly id: string;
  readonly what: string;
  readonly ownerPersonId: string;
  readonly ownerName: string;
  readonly ownerOrganisationName: string | null;
  /** yyyy-mm-dd */
  readonly dueDate: string;
  readonly dueText: string;
  readonly obligationId: string;
  readonly status: 'open' | 'fulfilled' | 'cancelled';
  readonly fulfilledAt: string | null;
  readonly fulfilmentNote: string | null;
}

export interface MinutesGuestView {
  readonly id: string;
  readonly kind: string;
  readonly name: string | null;
  readonly present: boolean;
  /** For the verslag's writers: their answer to their slot's invitation (null: they hold none). */
  readonly answer?: AnswerLabel | null;
  /** For the verslag's writers, before attendance was saved: their answer proposes them present. */
  readonly proposed?: boolean;
}

export interface MinutesItemView {
  readonly id: string;
  readonly position: number;
  readonly dossierCode: string;
  readonly itemType: string;
  readonly itemTypeLabel: string;
  /** What the reader sees of it (domain: minutesItemScope). */
  readonly scope: MinutesItemScope;
  /** The verslag's text; for `all` and `shared` only. */
  readonly text: string | null;
  /** The item's guests and whether they came; for `all` and `shared` only. */
  readonly guests: readonly MinutesGuestView[] | null;
  readonly decision: { readonly kind: string; readonly label: string } | null;
  readonly actionPoints: readonly ActionPointView[] | null;
}

export interface AttendanceView {
  readonly participant: string;
  readonly label: string;
  readonly status: AttendanceStatus | null;
  readonly statusLabel: string | null;
  /** For the verslag's writers: what the partner's invited people answered to the session's invitation. */
  readonly answers?: readonly InvitationAnswerView[];
  /** For the verslag's writers, while nothing is recorded for the partner: what the answers propose. */
  readonly proposed?: AttendanceStatus | null;
}

/** The verslag of a session as data: what pages show and a PDF prints, already cut to the reader. */
export interface MinutesView {
  readonly sessionId: string;
  readonly tableKey: string;
  readonly tableName: string;
  /** ISO instant at the table's offset. */
  readonly startsAt: string;
  readonly dateText: string;
  readonly closed: boolean;
  readonly closedAt: string | null;
  /** Why it was last reopened (writers only). */
  readonly reopenReason: string | null;
  readonly canWrite: boolean;
  readonly canClose: boolean;
  readonly canReopen: boolean;
  /** Per partner organisation of the table; null for a reader who sees only their own item's outcome. */
  readonly attendance: readonly AttendanceView[] | null;
  /**
   * For the verslag's writers: everyone invited (the session's invitation, a guest's for their
   * slot) and what they answered in their calendar beforehand; null for other readers.
   */
  readonly invitations: readonly InvitationAnswerView[] | null;
  readonly items: readonly MinutesItemView[];
  /** Who an action point can go to, for the verslag's writers while it is open; null otherwise. */
  readonly actionOwners: {
    readonly people: readonly { personId: string; displayName: string; organisationName: string | null }[];
    readonly organisations: readonly { id: string; name: string }[];
  } | null;
}

export function actionPointView(a: ActionPointRecord, zone: string): ActionPointView {
  const due = a.dueDate.toISOString().slice(0, 10);
  return {
    id: a.id,
    what: a.what,
    ownerPersonId: a.ownerPersonId,
    ownerName: a.ownerName,
    ownerOrganisationName: a.ownerOrganisationName,
    dueDate: due,
    dueText: dutchDate(DateTime.fromISO(due, { zone })),
    obligationId: a.obligationId,
    status: a.obligationStatus,
    fulfilledAt: a.fulfilledAt ? DateTime.fromJSDate(a.fulfilledAt, { zone }).toISO() : null,
    fulfilmentNote: a.fulfilmentNote,
  };
}

/**
 * One item as the reader may see it. `readerId`: whoever owns an action point of an item they may
 * not otherwise read still reads that action point (what they agreed to do), nothing more.
 */
export function minutesItemView(
  item: MinutesItem,
  scope: MinutesItemScope,
  table: TableDefinition,
  readerId?: string,
): MinutesItemView {
  const full = scope === 'all' || scope === 'shared';
  const outcome = full || scope === 'outcome';
  const own = item.actionPoints.filter((a) => a.ownerPersonId === readerId);
  return {
    id: item.id,
    position: item.position,
    dossierCode: item.dossierCode,
    itemType: item.itemType,
    itemTypeLabel: table.itemTypes.find((t) => t.key === item.itemType)?.label ?? item.itemType,
    scope,
    text: full ? (item.text ?? '') : null,
    guests: full
      ? item.guests.map((g) => ({
          id: g.id,
          kind: g.kind,
          name: g.name,
          present: item.guestsPresent.includes(g.id),
        }))
      : null,
    decision:
      outcome && item.decision
        ? {
            kind: item.decision.kind,
            label: DECISION_KIND_LABELS[item.decision.kind as DecisionKind] ?? item.decision.kind,
          }
        : null,
    actionPoints: outcome
      ? item.actionPoints.map((a) => actionPointView(a, table.timeZone))
      : own.length > 0
        ? own.map((a) => actionPointView(a, table.timeZone))
        : null,
  };
}

export function attendanceView(
  table: TableDefinition,
  entries: readonly AttendanceEntry[],
  kinds: OrganisationKinds,
): AttendanceView[] {
  const byParticipant = new Map(entries.map((e) => [e.participant, e.status]));
  return attendanceParticipants(table).map((participant) => {
    const status = byParticipant.get(participant) ?? null;
    return {
      participant,
      label: organisationKindLabel(kinds, participant),
      status,
      statusLabel: status ? ATTENDANCE_LABELS[status] : null,
    };
  });
}
