import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CLOCK, Clock } from '@overlegtafels/config';
import { JOBS, MAINTENANCE_ZONE, MaintenanceProducer } from '@overlegtafels/queues';
import { MaintenanceJobCron } from './maintenance-job.cron';

/**
 * The purge of expired logins (issue #18): at 04:30 Brussels, and at start, it enqueues that
 * night's purge (PurgeExpiredLoginsUseCase, run by the maintenance processor). The job's id is the
 * night (`login-purge:2026-12-03`), so any number of workers add one purge per night.
 */
@Injectable()
export class LoginPurgeCron extends MaintenanceJobCron {
  constructor(@Inject(MaintenanceProducer) producer: MaintenanceProducer, @Inject(CLOCK) clock: Clock) {
    super(JOBS.maintenance.loginPurge, 'login purge', new Logger(LoginPurgeCron.name), producer, clock);
  }

  /** Enqueues the purge of the night that is, or last was, at 04:30; resolves with its id. */
  @Cron('0 30 4 * * *', { name: 'login-purge', timeZone: MAINTENANCE_ZONE })
  purgeDue(): Promise<string | undefined> {
    return this.enqueueNow();
  }
}
