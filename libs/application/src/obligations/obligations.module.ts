import { Module } from '@nestjs/common';
import { AgendaCoreModule } from '../agenda/agenda-core.module';
import { CompleteQualityCheckUseCase } from '../complete-quality-check/complete-quality-check.usecase';
import { OpenObligationUseCase } from '../open-obligation/open-obligation.usecase';
import { SubmitFollowUpReportUseCase } from '../submit-follow-up-report/submit-follow-up-report.usecase';
import { ObligationFormGate } from './obligation-form-gate';
import { CoordinationOverviewUseCase } from '../coordination-overview/coordination-overview.usecase';
import { ListDossierObligationsUseCase } from '../list-dossier-obligations/list-dossier-obligations.usecase';
import { ListMyObligationsUseCase } from '../list-my-obligations/list-my-obligations.usecase';
import { ListObligationDueDatesUseCase } from '../list-obligation-due-dates/list-obligation-due-dates.usecase';
import { MarkObligationDoneUseCase } from '../mark-obligation-done/mark-obligation-done.usecase';
import { ReconcileObligationsUseCase } from '../reconcile-obligations/reconcile-obligations.usecase';
import { ReminderMail } from '../sweep-reminders/reminder-mail';
import { SweepRemindersUseCase } from '../sweep-reminders/sweep-reminders.usecase';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import { ObligationRules } from './obligation-rules';

const useCases = [
  SyncDossierObligationsUseCase,
  ReconcileObligationsUseCase,
  SweepRemindersUseCase,
  MarkObligationDoneUseCase,
  ListMyObligationsUseCase,
  CoordinationOverviewUseCase,
  ListDossierObligationsUseCase,
  ListObligationDueDatesUseCase,
  OpenObligationUseCase,
  SubmitFollowUpReportUseCase,
  CompleteQualityCheckUseCase,
];

/**
 * Follow-up obligations: keeping them in step with a dossier (SyncDossierObligationsUseCase, for
 * the use cases that change a dossier, inside their transaction, through DossierChanged), the
 * nightly re-plan, the reminder sweep, the manual "done", the forms that fulfil an obligation
 * (the six-month report, the quality check) and the pages' reads. Stands on the global
 * infrastructure and the ports CoreModule binds, and on the agenda's outbox writer for mail.
 */
@Module({
  imports: [AgendaCoreModule],
  providers: [ObligationRules, TableCalendarService, ReminderMail, ObligationFormGate, ...useCases],
  exports: [ObligationRules, ...useCases],
})
export class ObligationsModule {}
