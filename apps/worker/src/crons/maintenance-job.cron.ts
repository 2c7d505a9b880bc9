import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Clock } from '@overlegtafels/config';
import type { MaintenanceJobName, MaintenanceProducer } from '@overlegtafels/queues';
import { EnqueueTracker } from './enqueue-tracker';

/**
 * A maintenance job enqueued on a schedule and once at start (a worker that was down catches up).
 * The job's id is its slot (a ten-minute slot, a night), so any number of workers enqueue it once
 * per slot. A subclass names the job and carries the `@Cron` that calls `enqueueNow`.
 */
export abstract class MaintenanceJobCron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly enqueues: EnqueueTracker;
  private last?: Promise<string | undefined>;

  protected constructor(
    private readonly job: MaintenanceJobName,
    private readonly what: string,
    logger: Logger,
    private readonly producer: MaintenanceProducer,
    private readonly clock: Clock,
  ) {
    this.enqueues = new EnqueueTracker(logger);
  }

  onApplicationBootstrap(): void {
    void this.enqueueNow();
  }

  /** Enqueues this slot's job; resolves with its id (undefined when the enqueue failed). */
  protected enqueueNow(): Promise<string | undefined> {
    this.last = this.enqueues.track(this.what, this.producer.enqueue(this.job, this.clock.now()));
    return this.last;
  }

  /** Resolves once the job this worker enqueued last has run, here or elsewhere (tests, tools). */
  async settled(timeoutMs?: number): Promise<void> {
    const jobId = await this.last;
    if (jobId) await this.producer.finished(this.job, jobId, timeoutMs);
  }

  /** An enqueue under way finishes before the queue connections close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.enqueues.idle();
  }
}
