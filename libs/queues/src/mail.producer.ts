import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { JOB_DEFAULTS, jobIdFor } from './job-defaults';
import { MAIL_BATCH_MAX, parseJobPayload } from './job-payloads';
import { QueueConnection } from './queue-connection';
import { JOBS, QUEUES } from './queue-names';

/** One outbox row to send (the application's MailJob, said here without depending on it). */
interface MailJob {
  readonly outboxId: string;
  readonly idempotencyKey: string;
}

/** At most this many jobs per addBulk call, so one fan-out never becomes one huge command. */
const BULK_CHUNK = 250;
/**
 * A fan-out is cut into at least this many batch jobs (while they hold more than one row each), so
 * that every concurrent slot of a worker or two gets a share of it.
 */
const MIN_BATCHES = 8;

type JobSpec = { name: string; data: unknown; opts: JobsOptions };

@Injectable()
export class MailProducer {
  constructor(@Inject(QueueConnection) private readonly connection: QueueConnection) {}

  /**
   * Enqueues the sending of one outbox row. The job id is the row's idempotency key, so enqueuing
   * the same message twice (a retry, a second worker) adds one job.
   */
  async enqueueSend(outboxId: string, idempotencyKey: string, delayMs = 0): Promise<void> {
    await this.add([this.single({ outboxId, idempotencyKey }, delayMs)]);
  }

  /**
   * A fan-out (an agenda to every member): batch jobs of up to MAIL_BATCH_MAX rows, in the given
   * order, so a message costs the queue a fraction of a job. A batch's id is made of its rows' ids,
   * so enqueuing the same rows again adds nothing; should two jobs ever hold the same row (a
   * repeated fan-out cut differently), the outbox's claim lets only one of them send it.
   */
  async enqueueMany(rows: readonly MailJob[], delayMs = 0): Promise<void> {
    const size = Math.min(MAIL_BATCH_MAX, Math.max(1, Math.ceil(rows.length / MIN_BATCHES)));
    const jobs: JobSpec[] = [];
    for (let i = 0; i < rows.length; i += size) {
      const batch = rows.slice(i, i + size);
      jobs.push(batch.length === 1 ? this.single(batch[0]!, delayMs) : this.batch(batch, delayMs));
    }
    await this.add(jobs);
  }

  private single(row: MailJob, delayMs: number): JobSpec {
    return {
      name: JOBS.mail.send,
      data: parseJobPayload(QUEUES.mail, JOBS.mail.send, { outboxId: row.outboxId }),
      opts: { ...JOB_DEFAULTS.mail, jobId: jobIdFor(row.idempotencyKey), delay: delayMs },
    };
  }

  private batch(rows: readonly MailJob[], delayMs: number): JobSpec {
    const outboxIds = rows.map((r) => r.outboxId);
    const digest = createHash('sha256').update(outboxIds.join(',')).digest('hex').slice(0, 32);
    return {
      name: JOBS.mail.sendBatch,
      data: parseJobPayload(QUEUES.mail, JOBS.mail.sendBatch, { outboxIds }),
      opts: { ...JOB_DEFAULTS.mail, jobId: `batch|${digest}`, delay: delayMs },
    };
  }

  private async add(jobs: readonly JobSpec[]): Promise<void> {
    const queue = this.connection.queue(QUEUES.mail);
    for (let i = 0; i < jobs.length; i += BULK_CHUNK) {
      const chunk = jobs.slice(i, i + BULK_CHUNK);
      if (chunk.length === 1) await queue.add(chunk[0]!.name, chunk[0]!.data, chunk[0]!.opts);
      else await queue.addBulk([...chunk]);
    }
  }

  /**
   * Each row again whose job is gone or finished: a finished job is removed first, since its id is
   * the row's key and re-adding it would otherwise be a no-op. Waiting, delayed or active jobs are
   * left as they are.
   */
  async requeueUnfinished(rows: readonly MailJob[]): Promise<MailJob[]> {
    const queue = this.connection.queue(QUEUES.mail);
    const again: MailJob[] = [];
    for (const row of rows) {
      const job = await queue.getJob(jobIdFor(row.idempotencyKey));
      if (job) {
        const state = await job.getState();
        if (state !== 'completed' && state !== 'failed' && state !== 'unknown') continue;
        await job.remove();
      }
      again.push(row);
    }
    // One job per row, its id the row's key: the next round finds it by that key.
    await this.add(again.map((row) => this.single(row, 0)));
    return again;
  }
}
