import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { SendOutboxMailUseCase } from '@overlegtafels/application/send-outbox-mail/send-outbox-mail.usecase';
import { JOB_PROCESSORS } from '@overlegtafels/queues';
import { OutboxRelayCron } from './crons/outbox-relay.cron';
import { MailProcessor } from './processors/mail.processor';
import { WorkerHost } from './worker-host.service';

/**
 * The worker's own part: processors, crons and the host that runs them. Infrastructure modules
 * (config, persistence, queues, mail) come from the composition root (CoreModule).
 */
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [
    SendOutboxMailUseCase,
    MailProcessor,
    OutboxRelayCron,
    {
      provide: JOB_PROCESSORS,
      inject: [MailProcessor],
      useFactory: (...processors: unknown[]) => processors,
    },
    WorkerHost,
  ],
})
export class WorkerModule {}
