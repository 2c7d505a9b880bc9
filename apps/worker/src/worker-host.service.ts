import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { assertHandlersComplete, JOB_PROCESSORS, JobProcessor, QueueConnection } from '@overlegtafels/queues';
import { loggableError } from '@overlegtafels/application';

/**
 * Starts one BullMQ worker per queue (none for a processor that is not enabled here) and
 * dispatches by job name. Refuses to start when a declared job has no handler. On shutdown the
 * workers finish their active jobs (or release them to be retried) before the connections close:
 * they close when this module is destroyed, before the global modules that hold the database pool
 * and the queue connections are.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerHost.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(JOB_PROCESSORS) private readonly processors: JobProcessor[],
    @Inject(QueueConnection) private readonly connection: QueueConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    assertHandlersComplete(this.processors);
  }

  onApplicationBootstrap(): void {
    const running = this.processors.filter((p) => p.enabled !== false);
    for (const processor of running) {
      const worker = this.connection.worker(
        processor.queue,
        async (job: Job) => {
          const handler = processor.handlers[job.name];
          if (!handler) throw new Error(`no handler for ${processor.queue}/${job.name}`);
          return handler(job.data, job);
        },
        processor.concurrency ?? this.config.workerConcurrency,
      );
      worker.on('failed', (job, error) => {
        if (!job) return;
        const final = job.attemptsMade >= (job.opts.attempts ?? 1);
        this.logger.warn(
          `${processor.queue}/${job.name} job ${job.id} failed (attempt ${job.attemptsMade}${final ? ', giving up' : ''}): ${loggableError(error)}`,
        );
        if (final && processor.onFinalFailure) {
          processor
            .onFinalFailure(job.name, job.data, error)
            .catch((e: unknown) => this.logger.error(`final-failure hook failed: ${loggableError(e)}`));
        }
      });
      worker.on('error', (error) =>
        this.logger.error(`${processor.queue} worker error: ${loggableError(error)}`),
      );
      void worker.run();
      this.workers.push(worker);
    }
    this.logger.log(
      `workers running for: ${running.map((p) => p.queue).join(', ')} (${this.connection.kind} backend)`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }
}
