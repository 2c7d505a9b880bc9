import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CLOCK, Clock } from '@overlegtafels/config';
import { JOBS, MAINTENANCE_ZONE, MaintenanceProducer } from '@overlegtafels/queues';
import { MaintenanceJobCron } from './maintenance-job.cron';

/**
 * Makes sure every upcoming session has its freeze and send jobs (AgendaJobsPlanner, run by the
 * maintenance processor). Every ten minutes, and at start so a worker that was down catches up,
 * it only enqueues the planning job of the current ten-minute slot: its id is the slot, so any
 * number of workers plan once per slot.
 */
@Injectable()
export class AgendaPlanningCron extends MaintenanceJobCron {
  constructor(@Inject(MaintenanceProducer) producer: MaintenanceProducer, @Inject(CLOCK) clock: Clock) {
    super(
      JOBS.maintenance.planAgenda,
      'agenda planning',
      new Logger(AgendaPlanningCron.name),
      producer,
      clock,
    );
  }

  /** Enqueues this slot's planning job; resolves with its id (undefined when the enqueue failed). */
  @Cron('0 */10 * * * *', { name: 'agenda-planning', timeZone: MAINTENANCE_ZONE })
  plan(): Promise<string | undefined> {
    return this.enqueueNow();
  }
}
