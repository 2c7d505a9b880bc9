import { Module } from '@nestjs/common';
import { ObligationRepository } from '@overlegtafels/persistence';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import { MarkObligationDoneUseCase } from './mark-obligation-done.usecase';
import { ObligationQueryService } from './obligation-query.service';
import { ObligationSyncService } from './obligation-sync.service';
import { ReminderSweepService } from './reminder-sweep.service';

/**
 * Follow-up obligations: keeping them in step with a dossier (ObligationSyncService, for the use
 * cases that change a dossier, inside their transaction), reading them (ObligationQueryService),
 * the manual "done" and the reminder sweep. Stands on the global infrastructure of CoreModule.
 */
@Module({
  providers: [
    ObligationRepository,
    TableCalendarService,
    ObligationSyncService,
    ObligationQueryService,
    MarkObligationDoneUseCase,
    ReminderSweepService,
  ],
  exports: [ObligationSyncService, ObligationQueryService, MarkObligationDoneUseCase, ReminderSweepService],
})
export class ObligationsModule {}
