import { Inject, Injectable } from '@nestjs/common';
import { OutboxRepository } from '@overlegtafels/persistence';
import { MailProducer } from '@overlegtafels/queues';
import { CLOCK, Clock } from '@overlegtafels/config';

/**
 * Sends a mail again after the worker gave up on it: the outbox row goes back to pending and gets a
 * new job. One place for it, so the JSON endpoint and the coordinators' page behave the same.
 */
@Injectable()
export class RetryFailedMailUseCase {
  constructor(
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailProducer) private readonly producer: MailProducer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** False when there is no failed row with this id (unknown, already retried or sent). */
  async execute(id: string): Promise<boolean> {
    const row = await this.outbox.find(id);
    if (!row || !(await this.outbox.resetForRetry(id, this.clock.now()))) return false;
    // A fresh job id: the failed job of the same key may still be kept for inspection.
    await this.producer.enqueueSend(id, `${row.idempotencyKey}|retry|${this.clock.now().getTime()}`);
    return true;
  }
}
