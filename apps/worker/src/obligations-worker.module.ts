import { Module } from '@nestjs/common';
import { ObligationsModule } from '@overlegtafels/application';
import { ReminderCron } from './crons/reminder.cron';

/**
 * The worker's part of the follow-up obligations: the reminder sweep and the nightly re-plan.
 * The crons run where ScheduleModule.forRoot() is imported (WorkerModule); import this module
 * next to it.
 */
@Module({
  imports: [ObligationsModule],
  providers: [ReminderCron],
  exports: [ReminderCron],
})
export class ObligationsWorkerModule {}
