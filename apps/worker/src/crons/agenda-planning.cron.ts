import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CLOCK, Clock } from '@overlegtafels/config';
import { JOBS, MAINTENANCE_ZONE, MaintenanceProducer } from '@overlegtafels/queues';
import { EnqueueTracker } from './enqueue-tracker';

/**
 * Makes sure every upcoming session has its freeze and send jobs (AgendaJobsPlanner, run by the
 * maintenance processor). Every ten minutes, and at start so a worker that was down catches up,
 * it only enqueues the planning job of the current ten-minute slot: its id is the slot, so any
 * number of workers plan once per slot.
 */
@Injectable()
export class AgendaPlanningCron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AgendaPlanningCron.name);
  private readonly enqueues = new EnqueueTracker(this.logger);
  private last?: Promise<string | undefined>;

  constructor(
    @Inject(MaintenanceProducer) private readonly producer: MaintenanceProducer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    void this.plan();
  }

  /** Enqueues this slot's planning job; resolves with its id (undefined when the enqueue failed). */
  @Cron('0 */10 * * * *', { name: 'agenda-planning', timeZone: MAINTENANCE_ZONE })
  plan(): Promise<string | undefined> {
    this.last = this.enqueues.track(
      'agenda planning',
      this.producer.enqueue(JOBS.maintenance.planAgenda, this.clock.now()),
    );
    return this.last;
  }

  /** Resolves once the planning job this worker enqueued last has run, here or elsewhere (tests, tools). */
  async settled(timeoutMs?: number): Promise<void> {
    const jobId = await this.last;
    if (jobId) await this.producer.finished(JOBS.maintenance.planAgenda, jobId, timeoutMs);
  }

  /** An enqueue under way finishes before the queue connections close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.enqueues.idle();
  }
}
