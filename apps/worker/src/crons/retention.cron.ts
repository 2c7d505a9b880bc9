import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CLOCK, Clock } from '@overlegtafels/config';
import { JOBS, MAINTENANCE_ZONE, MaintenanceProducer } from '@overlegtafels/queues';
import { MaintenanceJobCron } from './maintenance-job.cron';

/**
 * Retention (issue #17, item 9): at 04:00 Brussels, and at start, it enqueues the destruction run
 * of that night (DestroyExpiredDossiersUseCase, run by the maintenance processor). The job's id is
 * the night (`dossier-retention:2026-12-03`), so any number of workers, or a worker started later
 * that day, add one run per night; and the destruction itself locks each dossier's row and skips
 * one that is gone, so even two runs at once destroy a dossier once, with one tombstone.
 */
@Injectable()
export class RetentionCron extends MaintenanceJobCron {
  constructor(@Inject(MaintenanceProducer) producer: MaintenanceProducer, @Inject(CLOCK) clock: Clock) {
    super(JOBS.maintenance.retention, 'retention run', new Logger(RetentionCron.name), producer, clock);
  }

  /** Enqueues the run of the night that is, or last was, at 04:00; resolves with its id. */
  @Cron('0 0 4 * * *', { name: 'dossier-retention', timeZone: MAINTENANCE_ZONE })
  destroyDue(): Promise<string | undefined> {
    return this.enqueueNow();
  }
}
