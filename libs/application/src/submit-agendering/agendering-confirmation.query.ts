import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { readOwnSubmission } from '../agenda/own-submission';
import type { Viewer } from '../agenda/agenda-queries';
import { AgendaService } from '../agenda/agenda.service';
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
 * makes nothing): readOwnSubmission, for an item this person agendered through the form.
 */
@Injectable()
export class AgenderingConfirmationQuery {
  constructor(
    @Inject(AgendaService) readonly agenda: AgendaService,
    @Inject(AgendaItemRepository) readonly items: Pick<AgendaItemRepository, 'item'>,
    @Inject(AgendaSessionRepository) readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(CalendarStateRepository) readonly calendars: CalendarStateRepository,
    @Inject(DossierRepository) readonly dossiers: Pick<DossierRepository, 'byId'>,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(AuditLog) readonly audit: AuditLog,
    @Inject(CLOCK) readonly clock: Clock,
  ) {}

  async confirmation(viewer: Viewer, agendaItemId: string): Promise<AgenderingConfirmation> {
    const sent = await this.once.resultOf<AgenderingResult>(viewer.personId, AGENDERING_SCOPE, agendaItemId);
    const own = await readOwnSubmission(this, viewer, agendaItemId, {
      action: 'agendering.confirmation.read',
      notFound: { code: 'AGENDERING_NOT_FOUND', message: 'Agendering niet gevonden.' },
      // Only an item this person agendered through the form (not, say, their own aanmelding).
      accepts: () => sent !== undefined,
    });
    return {
      agendaItemId: own.item.id,
      dossierCode: own.dossierCode,
      slot: own.slot,
      itemTypeLabel: own.itemTypeLabel,
      ...(sent?.planVersion !== undefined && { planVersion: sent.planVersion }),
    };
  }
}
