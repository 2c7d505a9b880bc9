import { Queue, Worker, createPostgresBackend, runMigrations, type Job, type JobsOptions } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { Logger } from '@nestjs/common';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueConnectionOptions {
  /** With a Redis URL BullMQ runs on Redis (production); without, on its PostgreSQL backend. */
  redisUrl?: string;
  databaseUrl: string;
  prefix: string;
}

/** What the rest of the service needs of a queue, whatever the backend underneath. */
export interface QueueHandle {
  readonly name: string;
  add(jobName: string, data: unknown, opts: JobsOptions): Promise<Job>;
  /** Many jobs in one round trip; ids that exist already are left as they are. */
  addBulk(jobs: { name: string; data: unknown; opts: JobsOptions }[]): Promise<Job[]>;
  getJob(id: string): Promise<Job | undefined>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export type JobProcessorFn = (job: Job) => Promise<unknown>;

/** BullMQ's schema for its PostgreSQL backend; kept apart from the application's tables. */
export const BULLMQ_PG_SCHEMA = 'bullmq';

/**
 * The single place that knows which BullMQ backend is in use. Producers and the worker host ask it
 * for queues and workers; nothing else constructs BullMQ classes.
 */
export class QueueConnection {
  private redis?: IORedis;
  private readonly queues = new Map<string, QueueHandle>();
  private readonly workers: Worker[] = [];
  private closed = false;
  private readonly logger = new Logger('Queues');

  constructor(private readonly options: QueueConnectionOptions) {}

  get kind(): QueueBackendKind {
    return this.options.redisUrl ? 'redis' : 'postgres';
  }

  /** Creates BullMQ's PostgreSQL schema when that backend is used (idempotent, lock-protected). */
  async prepare(): Promise<void> {
    if (this.kind !== 'postgres') return;
    const client = new Client({ connectionString: this.options.databaseUrl });
    await client.connect();
    try {
      await runMigrations(client, BULLMQ_PG_SCHEMA);
    } finally {
      await client.end();
    }
  }

  queue(name: string): QueueHandle {
    let q = this.queues.get(name);
    if (!q) {
      // A queue made after close() would hold a connection nobody closes, cut when the database stops.
      if (this.closed) throw new Error(`queue ${name} asked for after the queue connection closed`);
      const created =
        this.kind === 'redis'
          ? new Queue(name, { connection: this.redisConnection(), prefix: this.options.prefix })
          : new Queue(
              name,
              { connection: this.pgConnection(4), prefix: this.options.prefix },
              createPostgresBackend,
            );
      // Without a listener BullMQ prints a connection error with console.error, object and all.
      created.on('error', (error: Error & { code?: string }) =>
        this.logger.warn(`queue ${name}: connection error (${error.code ?? error.name})`),
      );
      q = created as unknown as QueueHandle;
      this.queues.set(name, q);
    }
    return q;
  }

  worker(name: string, processor: JobProcessorFn, concurrency: number): Worker {
    const opts = { prefix: this.options.prefix, concurrency, autorun: false };
    const worker =
      this.kind === 'redis'
        ? new Worker(name, processor, { ...opts, connection: this.redisConnection() })
        : new Worker(
            name,
            processor,
            { ...opts, connection: this.pgConnection(concurrency + 2) },
            createPostgresBackend,
          );
    this.workers.push(worker as unknown as Worker);
    return worker as unknown as Worker;
  }

  /** True when the backend answers a trivial query within the time limit. */
  async isHealthy(timeoutMs = 2_000): Promise<boolean> {
    const probe = this.queue('mail').getJobCounts('waiting');
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
    );
    try {
      await Promise.race([probe, timeout]);
      return true;
    } catch {
      return false;
    }
  }

  /** Workers first (they finish or release their active jobs), then queues, then connections. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    if (this.redis) {
      await this.redis.quit().catch(() => this.redis?.disconnect());
      this.redis = undefined;
    }
  }

  private redisConnection(): IORedis {
    // BullMQ needs maxRetriesPerRequest: null so blocking commands survive reconnects.
    this.redis ??= new IORedis(this.options.redisUrl!, {
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
    });
    return this.redis;
  }

  private pgConnection(max: number) {
    return { connectionString: this.options.databaseUrl, schema: BULLMQ_PG_SCHEMA, max };
  }
}
