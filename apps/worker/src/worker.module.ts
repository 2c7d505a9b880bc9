import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import {
  AgendaMailingModule,
  ObligationsModule,
  RetentionModule,
  ProcessCalendarRepliesUseCase,
  RelayOutboxUseCase,
  SendOutboxMailUseCase,
} from '@overlegtafels/application';
import { JOB_PROCESSORS } from '@overlegtafels/queues';
import { AgendaWorkerModule } from './agenda-worker.module';
import { ObligationsWorkerModule } from './obligations-worker.module';
import { CalendarRepliesCron } from './crons/calendar-replies.cron';
import { OutboxRelayCron } from './crons/outbox-relay.cron';
import { LoginPurgeCron } from './crons/login-purge.cron';
import { RetentionCron } from './crons/retention.cron';
import { AgendaProcessor } from './processors/agenda.processor';
import { MailProcessor } from './processors/mail.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { ReminderProcessor } from './processors/reminder.processor';
import { WorkerHost } from './worker-host.service';

/**
 * The worker's own part: processors, crons and the host that runs them. The crons only enqueue
 * (one job per moment, whatever the number of workers); the processors do the work. Infrastructure
 * modules (config, persistence, queues, mail) come from the composition root (CoreModule).
 */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    AgendaWorkerModule,
    ObligationsWorkerModule,
    // What the maintenance processor calls: the agenda planner and the re-plan.
    AgendaMailingModule,
    ObligationsModule,
    RetentionModule,
  ],
  providers: [
    SendOutboxMailUseCase,
    RelayOutboxUseCase,
    ProcessCalendarRepliesUseCase,
    MailProcessor,
    MaintenanceProcessor,
    OutboxRelayCron,
    RetentionCron,
    LoginPurgeCron,
    CalendarRepliesCron,
    {
      provide: JOB_PROCESSORS,
      inject: [MailProcessor, AgendaProcessor, MaintenanceProcessor, ReminderProcessor],
      useFactory: (...processors: unknown[]) => processors,
    },
    WorkerHost,
  ],
})
export class WorkerModule {}
