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
 * Retention (issue #17, item 9): at 04:00 Brussels, and at start, it enqueues the destruction run
 * of that night (DestroyExpiredDossiersUseCase, run by the maintenance processor). The job's id is
 * the night (`dossier-retention:2026-12-03`), so any number of workers, or a worker started later
 * that day, add one run per night; and the destruction itself locks each dossier's row and skips
 * one that is gone, so even two runs at once destroy a dossier once, with one tombstone.
 */
@Injectable()
export class RetentionCron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionCron.name);
  private readonly enqueues = new EnqueueTracker(this.logger);
  private last?: Promise<string | undefined>;

  constructor(
    @Inject(MaintenanceProducer) private readonly producer: MaintenanceProducer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    void this.destroyDue();
  }

  /** Enqueues the run of the night that is, or last was, at 04:00; resolves with its id. */
  @Cron('0 0 4 * * *', { name: 'dossier-retention', timeZone: MAINTENANCE_ZONE })
  destroyDue(): Promise<string | undefined> {
    this.last = this.enqueues.track(
      'retention run',
      this.producer.enqueue(JOBS.maintenance.retention, this.clock.now()),
    );
    return this.last;
  }

  /** Resolves once the run this worker enqueued last has finished, here or elsewhere (tests). */
  async settled(timeoutMs?: number): Promise<void> {
    const jobId = await this.last;
    if (jobId) await this.producer.finished(JOBS.maintenance.retention, jobId, timeoutMs);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.enqueues.idle();
  }
}
