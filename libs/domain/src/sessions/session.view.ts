import { TableDefinition } from '../tables/table-definition.model';
import { TableSchedule } from '../tables/table-schedule.policy';
import { CancellationSource, Session } from './session.model';

/** A session as the API lists it: every instant as ISO-8601 at the table zone's offset. */
export interface SessionView {
  readonly key: string;
  readonly table: string;
  readonly scheduledDate: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly deadline: string;
  readonly preparationStart: string;
  readonly freezeAt: string;
  readonly agendaSendAt: string;
  readonly capacityMinutes: number;
  readonly status: 'open' | 'cancelled';
  readonly cancellation?: { readonly source: CancellationSource; readonly reason: string };
  readonly movedFrom?: { readonly start: string; readonly end: string; readonly reason: string };
  readonly capacityOverride?: { readonly capacityMinutes: number; readonly reason: string };
}

export function toSessionView(table: TableDefinition, session: Session): SessionView {
  const zone = TableSchedule.of(table).zone;
  return {
    key: session.key,
    table: session.tableKey,
    scheduledDate: session.scheduledDate,
    date: session.date,
    start: zone.formatIso(session.startMs),
    end: zone.formatIso(session.endMs),
    deadline: zone.formatIso(session.deadlineMs),
    preparationStart: zone.formatIso(session.preparationStartMs),
    freezeAt: zone.formatIso(session.freezeAtMs),
    agendaSendAt: zone.formatIso(session.agendaSendAtMs),
    capacityMinutes: session.capacityMinutes,
    status: session.status,
    ...(session.cancellation && { cancellation: session.cancellation }),
    ...(session.move && {
      movedFrom: {
        start: zone.formatIso(session.move.fromStartMs),
        end: zone.formatIso(session.move.fromEndMs),
        reason: session.move.reason,
      },
    }),
    ...(session.capacityOverride && { capacityOverride: session.capacityOverride }),
  };
}
