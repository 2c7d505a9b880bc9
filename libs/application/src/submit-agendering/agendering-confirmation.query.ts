import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { slotInfo } from '../agenda/agenda-views';
import type { Viewer } from '../agenda/agenda-queries';
import { AgendaService } from '../agenda/agenda.service';
import { ofRegion } from '../region-fence/region-fence';
import { AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { AuditLog } from '../ports/audit-log.port';
import { CalendarStateRepository } from '../ports/calendar-state.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { AGENDERING_SCOPE, type AgenderingResult } from './submit-agendering.usecase';

export interface AgenderingConfirmation extends AgenderingResult {
  readonly itemTypeLabel: string;
}

/**
 * The confirmation of an agendering, read again on the page the form redirects to (so a reload
 * makes nothing): only for whoever sent it, in their region, with the slot as it is now; anyone
 * else gets the same "not found" as for an id that does not exist. Audited like every read of a
 * dossier.
 */
@Injectable()
export class AgenderingConfirmationQuery {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaItemRepository) private readonly items: Pick<AgendaItemRepository, 'item'>,
    @Inject(AgendaSessionRepository) private readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(DossierRepository) private readonly dossiers: Pick<DossierRepository, 'byId'>,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async confirmation(viewer: Viewer, agendaItemId: string): Promise<AgenderingConfirmation> {
    const sent = await this.once.resultOf<AgenderingResult>(viewer.personId, AGENDERING_SCOPE, agendaItemId);
    const item = sent && (await this.items.item(agendaItemId));
    const dossier = item && (await this.dossiers.byId(undefined, item.dossierId));
    const session = item && (await this.sessions.session(item.sessionId));
    const allowed =
      !!item && ofRegion(viewer, dossier) && !!session && item.submittedById === viewer.personId;
    await this.audit.append(
      {
        actorPersonId: viewer.personId,
        action: 'agendering.confirmation.read',
        entityType: 'agenda_item',
        entityId: agendaItemId,
        dossierId: allowed ? dossier.id : null,
        outcome: allowed ? 'allowed' : 'denied',
        route: viewer.route,
        ...(allowed && { details: { code: dossier.code } }),
      },
      this.clock.now(),
    );
    if (!allowed) {
      throw new AgendaRefusal('AGENDERING_NOT_FOUND', 'Agendering niet gevonden.', undefined, 'not_found');
    }
    const table = this.agenda.table(session.tableKey);
    const calendar = await this.calendars.forTable(this.agenda.region.key, table.key, table.timeZone);
    return {
      agendaItemId: item.id,
      dossierCode: dossier.code,
      slot: slotInfo(table, session, item, calendar),
      itemTypeLabel: table.itemTypes.find((t) => t.key === item.itemType)?.label ?? item.itemType,
      ...(sent.planVersion !== undefined && { planVersion: sent.planVersion }),
    };
  }
}
