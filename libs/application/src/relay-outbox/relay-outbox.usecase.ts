import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { MailJobQueue } from '../ports/mail-job-queue.port';
import { MailOutbox } from '../ports/mail-outbox.port';

/** A pending row younger than this may still be on its way to the queue; it is left alone. */
const GRACE_MS = 20_000;

/**
 * An outbox row is committed before its job is enqueued; a process that dies in between leaves a
 * pending row without a job. This re-enqueues such rows — the job id is the row's idempotency
 * key, so a row whose job still exists is not enqueued twice. Returns how many it handed on.
 */
@Injectable()
export class RelayOutboxUseCase {
  private readonly logger = new Logger(RelayOutboxUseCase.name);

  constructor(
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(MailJobQueue) private readonly producer: MailJobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const stale = await this.outbox.pendingOlderThan(new Date(this.clock.now().getTime() - GRACE_MS));
    for (const row of stale) await this.producer.enqueueSend(row.id, row.idempotencyKey);
    if (stale.length) this.logger.log(`re-enqueued ${stale.length} pending outbox rows`);
    return stale.length;
  }
}
