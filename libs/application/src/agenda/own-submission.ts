import type { Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { ofRegion } from '../region-fence/region-fence';
import type { AgendaItemRecord, AgendaItemRepository } from '../ports/agenda-item.repository.port';
import type { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import type { AuditLog } from '../ports/audit-log.port';
import type { CalendarStateRepository } from '../ports/calendar-state.port';
import type { DossierRepository } from '../ports/dossier.repository.port';
import type { Viewer } from './agenda-queries';
import type { AgendaService } from './agenda.service';
import { slotInfo, type SlotInfo } from './agenda-views';

/** What reading back one's own submission needs. */
export interface OwnSubmissionReads {
  readonly agenda: AgendaService;
  readonly items: Pick<AgendaItemRepository, 'item'>;
  readonly sessions: Pick<AgendaSessionRepository, 'session'>;
  readonly calendars: CalendarStateRepository;
  readonly dossiers: Pick<DossierRepository, 'byId'>;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

export interface OwnSubmission {
  readonly item: AgendaItemRecord;
  readonly dossierCode: string;
  readonly slot: SlotInfo;
  readonly itemTypeLabel: string;
}

/**
 * An agendapunt read back by whoever submitted it (the confirmation pages the forms redirect to,
 * so a reload makes nothing): only the submitter, in their region, with the slot as it is now;
 * anyone else, and an item `accepts` refuses, gets the same "not found" as an id that does not
 * exist. The read is audited as `action`, allowed or denied.
 */
export async function readOwnSubmission(
  reads: OwnSubmissionReads,
  viewer: Viewer,
  agendaItemId: string,
  options: {
    action: string;
    notFound: { code: string; message: string };
    accepts?: (item: AgendaItemRecord) => boolean;
  },
): Promise<OwnSubmission> {
  const item = await reads.items.item(agendaItemId);
  const dossier = item && (await reads.dossiers.byId(undefined, item.dossierId));
  const session = item && (await reads.sessions.session(item.sessionId));
  const allowed =
    !!item &&
    ofRegion(viewer, dossier) &&
    !!session &&
    item.submittedById === viewer.personId &&
    (options.accepts?.(item) ?? true);
  await reads.audit.append(
    {
      actorPersonId: viewer.personId,
      action: options.action,
      entityType: 'agenda_item',
      entityId: item?.id ?? null,
      dossierId: allowed ? dossier.id : null,
      outcome: allowed ? 'allowed' : 'denied',
      route: viewer.route,
      ...(allowed && { details: { code: dossier.code } }),
    },
    reads.clock.now(),
  );
  if (!allowed) {
    throw new AgendaRefusal(options.notFound.code, options.notFound.message, undefined, 'not_found');
  }
  const table = reads.agenda.table(session.tableKey);
  const calendar = await reads.calendars.forTable(reads.agenda.region.key, table.key, table.timeZone);
  return {
    item,
    dossierCode: dossier.code,
    slot: slotInfo(table, session, item, calendar),
    itemTypeLabel: table.itemTypes.find((t) => t.key === item.itemType)?.label ?? item.itemType,
  };
}
