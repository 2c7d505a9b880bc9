import type { MailJob, MailJobQueue } from '@overlegtafels/application/testing';

/** The mail queue in memory: the jobs in the order they were enqueued, and every call as made. */
export class FakeMailJobQueue implements MailJobQueue {
  readonly jobs: (MailJob & { delayMs: number })[] = [];
  /** Every call, as made (an enqueueSend is a call of one job). */
  readonly calls: MailJob[][] = [];

  async enqueueSend(outboxId: string, idempotencyKey: string, delayMs = 0): Promise<void> {
    this.calls.push([{ outboxId, idempotencyKey }]);
    this.jobs.push({ outboxId, idempotencyKey, delayMs });
  }

  async enqueueMany(jobs: readonly MailJob[], delayMs = 0): Promise<void> {
    this.calls.push(jobs.map((j) => ({ outboxId: j.outboxId, idempotencyKey: j.idempotencyKey })));
    for (const job of jobs) this.jobs.push({ ...job, delayMs });
  }

  /** Job ids whose job finished (the test says so); requeueUnfinished enqueues those rows again. */
  readonly finished = new Set<string>();

  async requeueUnfinished(jobs: readonly MailJob[]): Promise<MailJob[]> {
    const again = jobs.filter(
      (j) =>
        this.finished.has(j.idempotencyKey) || !this.jobs.some((q) => q.idempotencyKey === j.idempotencyKey),
    );
    for (const job of again) {
      this.finished.delete(job.idempotencyKey);
      this.jobs.push({ ...job, delayMs: 0 });
    }
    if (again.length) this.calls.push(again.map((j) => ({ ...j })));
    return again;
  }

  /** The jobs as BullMQ keeps them: one per job id (the row's idempotency key), the first one. */
  queued(): Map<string, { outboxId: string }> {
    const byId = new Map<string, { outboxId: string }>();
    for (const j of this.jobs)
      if (!byId.has(j.idempotencyKey)) byId.set(j.idempotencyKey, { outboxId: j.outboxId });
    return byId;
  }
}
