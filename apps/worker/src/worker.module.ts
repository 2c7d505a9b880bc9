import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { SendOutboxMailUseCase } from '@overlegtafels/application';
import { JOB_PROCESSORS } from '@overlegtafels/queues';
import { AgendaWorkerModule } from './agenda-worker.module';
import { ObligationsWorkerModule } from './obligations-worker.module';
import { OutboxRelayCron } from './crons/outbox-relay.cron';
import { AgendaProcessor } from './processors/agenda.processor';
import { MailProcessor } from './processors/mail.processor';
import { WorkerHost } from './worker-host.service';

/**
 * The worker's own part: processors, crons and the host that runs them. Infrastructure modules
 * (config, persistence, queues, mail) come from the composition root (CoreModule).
 */
@Module({
  imports: [ScheduleModule.forRoot(), AgendaWorkerModule, ObligationsWorkerModule],
  providers: [
    SendOutboxMailUseCase,
    MailProcessor,
    OutboxRelayCron,
    {
      provide: JOB_PROCESSORS,
      inject: [MailProcessor, AgendaProcessor],
      useFactory: (...processors: unknown[]) => processors,
    },
    WorkerHost,
  ],
})
export class WorkerModule {}
