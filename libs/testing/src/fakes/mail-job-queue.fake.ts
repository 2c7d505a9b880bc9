import type { MailJob, MailJobQueue } from '@overlegtafels/application';

/** The mail queue in memory: the jobs in the order they were enqueued. */
export class FakeMailJobQueue implements MailJobQueue {
  readonly jobs: (MailJob & { delayMs: number })[] = [];

  async enqueueSend(outboxId: string, idempotencyKey: string, delayMs = 0): Promise<void> {
    this.jobs.push({ outboxId, idempotencyKey, delayMs });
  }

  async enqueueMany(jobs: readonly MailJob[], delayMs = 0): Promise<void> {
    for (const job of jobs) this.jobs.push({ ...job, delayMs });
  }
}
