import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { slotInfo, type SlotInfo } from '../agenda/agenda-views';
import type { Viewer } from '../agenda/agenda-queries';
import { AgendaService } from '../agenda/agenda.service';
import { ofRegion } from '../region-fence/region-fence';
import { AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { AuditLog } from '../ports/audit-log.port';
import { CalendarStateRepository } from '../ports/calendar-state.port';
import { DossierRepository } from '../ports/dossier.repository.port';

export interface AanmeldingConfirmation {
  readonly dossierCode: string;
  readonly agendaItemId: string;
  readonly slot: SlotInfo;
}

/**
 * The confirmation of a filed aanmelding, read again (the page after the form's redirect, so a
 * reload files nothing): only for whoever filed it, in their region; anyone else gets the same
 * "not found" as for an id that does not exist. Audited like every read of a dossier.
 */
@Injectable()
export class AanmeldingConfirmationQuery {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaItemRepository) private readonly items: Pick<AgendaItemRepository, 'item'>,
    @Inject(AgendaSessionRepository) private readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(DossierRepository) private readonly dossiers: Pick<DossierRepository, 'byId'>,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async confirmation(viewer: Viewer, agendaItemId: string): Promise<AanmeldingConfirmation> {
    const item = await this.items.item(agendaItemId);
    const dossier = item && (await this.dossiers.byId(undefined, item.dossierId));
    const session = item && (await this.sessions.session(item.sessionId));
    const allowed =
      !!item &&
      ofRegion(viewer, dossier) &&
      !!session &&
      item.itemType === 'aanmelding' &&
      item.submittedById === viewer.personId;
    await this.audit.append(
      {
        actorPersonId: viewer.personId,
        action: 'aanmelding.confirmation.read',
        entityType: 'agenda_item',
        entityId: item?.id ?? null,
        dossierId: allowed ? dossier.id : null,
        outcome: allowed ? 'allowed' : 'denied',
        route: viewer.route,
        ...(allowed && { details: { code: dossier.code } }),
      },
      this.clock.now(),
    );
    if (!allowed) {
      throw new AgendaRefusal('AANMELDING_NOT_FOUND', 'Aanmelding niet gevonden.', undefined, 'not_found');
    }
    const table = this.agenda.table(session.tableKey);
    const calendar = await this.calendars.forTable(this.agenda.region.key, table.key, table.timeZone);
    return {
      dossierCode: dossier.code,
      agendaItemId: item.id,
      slot: slotInfo(table, session, item, calendar),
    };
  }
}
