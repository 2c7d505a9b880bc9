import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import type { SlotInfo } from '../agenda/agenda-views';
import { readOwnSubmission } from '../agenda/own-submission';
import type { Viewer } from '../agenda/agenda-queries';
import { AgendaService } from '../agenda/agenda.service';
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
 * reload files nothing): readOwnSubmission, for an aanmelding item only.
 */
@Injectable()
export class AanmeldingConfirmationQuery {
  constructor(
    @Inject(AgendaService) readonly agenda: AgendaService,
    @Inject(AgendaItemRepository) readonly items: Pick<AgendaItemRepository, 'item'>,
    @Inject(AgendaSessionRepository) readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(CalendarStateRepository) readonly calendars: CalendarStateRepository,
    @Inject(DossierRepository) readonly dossiers: Pick<DossierRepository, 'byId'>,
    @Inject(AuditLog) readonly audit: AuditLog,
    @Inject(CLOCK) readonly clock: Clock,
  ) {}

  async confirmation(viewer: Viewer, agendaItemId: string): Promise<AanmeldingConfirmation> {
    const own = await readOwnSubmission(this, viewer, agendaItemId, {
      action: 'aanmelding.confirmation.read',
      notFound: { code: 'AANMELDING_NOT_FOUND', message: 'Aanmelding niet gevonden.' },
      accepts: (item) => {
        const { intake } = this.agenda.region.dossierLife.roles;
        return item.tableKey === intake.table && item.itemType === intake.aanmeldingItemType;
      },
    });
    return { dossierCode: own.dossierCode, agendaItemId: own.item.id, slot: own.slot };
  }
}
