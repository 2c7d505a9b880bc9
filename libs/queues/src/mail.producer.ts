import { Inject, Injectable } from '@nestjs/common';
import { JOB_DEFAULTS, jobIdFor } from './job-defaults';
import { parseJobPayload } from './job-payloads';
import { QueueConnection } from './queue-connection';
import { JOBS, QUEUES } from './queue-names';

/** One outbox row to send (the application's MailJob, said here without depending on it). */
interface MailJob {
  readonly outboxId: string;
  readonly idempotencyKey: string;
}

/** At most this many jobs per addBulk call, so one fan-out never becomes one huge command. */
const BULK_CHUNK = 250;

@Injectable()
export class MailProducer {
  constructor(@Inject(QueueConnection) private readonly connection: QueueConnection) {}

  /**
   * Enqueues the sending of one outbox row. The job id is the row's idempotency key, so enqueuing
   * the same message twice (a retry, a second worker) adds one job.
   */
  async enqueueSend(outboxId: string, idempotencyKey: string, delayMs = 0): Promise<void> {
    await this.enqueueMany([{ outboxId, idempotencyKey }], delayMs);
  }

  /** The same for a fan-out (an agenda to every member): one round trip per chunk instead of per row. */
  async enqueueMany(
    rows: readonly { outboxId: string; idempotencyKey: string }[],
    delayMs = 0,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += BULK_CHUNK) {
      const jobs = rows.slice(i, i + BULK_CHUNK).map((row) => ({
        name: JOBS.mail.send,
        data: parseJobPayload(QUEUES.mail, JOBS.mail.send, { outboxId: row.outboxId }),
        opts: { ...JOB_DEFAULTS.mail, jobId: jobIdFor(row.idempotencyKey), delay: delayMs },
      }));
      if (jobs.length === 1) {
        const [job] = jobs;
        await this.connection.queue(QUEUES.mail).add(job!.name, job!.data, job!.opts);
      } else {
        await this.connection.queue(QUEUES.mail).addBulk(jobs);
      }
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
    await this.enqueueMany(again);
    return again;
  }
}
