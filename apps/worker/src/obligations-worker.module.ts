import { Module } from '@nestjs/common';
import { ObligationsModule } from '@overlegtafels/application';
import { ReminderCron } from './crons/reminder.cron';
import { ReminderProcessor } from './processors/reminder.processor';

/**
 * The worker's part of the follow-up obligations: the crons that enqueue the reminder sweep and
 * the nightly re-plan, and the sweep's processor (the re-plan runs on the maintenance queue). The
 * crons run where ScheduleModule.forRoot() is imported (WorkerModule); import this module next to
 * it.
 */
@Module({
  imports: [ObligationsModule],
  providers: [ReminderCron, ReminderProcessor],
  exports: [ReminderCron, ReminderProcessor],
})
export class ObligationsWorkerModule {}
