import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { MailJobQueue } from '../ports/mail-job-queue.port';
import { MailOutbox } from '../ports/mail-outbox.port';
import { SENDING_LEASE_MS } from '../send-outbox-mail/send-outbox-mail.usecase';

/** A pending row younger than this may still be on its way to the queue; it is left alone. */
const GRACE_MS = 20_000;

/**
 * An outbox row is committed before its job is enqueued; a process that dies in between leaves a
 * pending row without a job. A job can also end while its row could not be marked (the database
 * was down when it was sent, or when it gave up), leaving a row pending or sending with no job to
 * finish it. This enqueues such rows again; a row whose job is still waiting, delayed or running
 * is left to it. Returns how many it handed on.
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
    const now = this.clock.now().getTime();
    const stale = [
      ...(await this.outbox.pendingOlderThan(new Date(now - GRACE_MS))),
      ...(await this.outbox.sendingSince(new Date(now - SENDING_LEASE_MS))),
    ];
    const again = await this.producer.requeueUnfinished(
      stale.map((row) => ({ outboxId: row.id, idempotencyKey: row.idempotencyKey })),
    );
    if (again.length) this.logger.log(`re-enqueued ${again.length} unsent outbox rows`);
    return again.length;
  }
}
