import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { CLOCK, Clock } from '@overlegtafels/config';
import { OutboxRepository } from '@overlegtafels/persistence';
import { MailProducer } from '@overlegtafels/queues';

/**
 * An outbox row is committed before its job is enqueued; a process that dies in between leaves a
 * pending row without a job. This cron only re-enqueues such rows — the job id is the idempotency
 * key, so a row whose job still exists is not enqueued twice.
 */
@Injectable()
export class OutboxRelayCron {
  private readonly logger = new Logger(OutboxRelayCron.name);
  private running = false;

  constructor(
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailProducer) private readonly producer: MailProducer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Interval(30_000)
  async relay(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const stale = await this.outbox.pendingOlderThan(new Date(this.clock.now().getTime() - 20_000));
      for (const row of stale) await this.producer.enqueueSend(row.id, row.idempotencyKey);
      if (stale.length) this.logger.log(`re-enqueued ${stale.length} pending outbox rows`);
      return stale.length;
    } finally {
      this.running = false;
    }
  }
}
