import { Inject, Injectable } from '@nestjs/common';
import { JOB_DEFAULTS, jobIdFor } from './job-defaults';
import { parseJobPayload } from './job-payloads';
import { QueueConnection } from './queue-connection';
import { JOBS, QUEUES } from './queue-names';

@Injectable()
export class MailProducer {
  constructor(@Inject(QueueConnection) private readonly connection: QueueConnection) {}

  /**
   * Enqueues the sending of one outbox row. The job id is the row's idempotency key, so enqueuing
   * the same message twice (a retry, a second worker) adds one job.
   */
  async enqueueSend(outboxId: string, idempotencyKey: string, delayMs = 0): Promise<void> {
    const payload = parseJobPayload(QUEUES.mail, JOBS.mail.send, { outboxId });
    await this.connection.queue(QUEUES.mail).add(JOBS.mail.send, payload, {
      ...JOB_DEFAULTS.mail,
      jobId: jobIdFor(idempotencyKey),
      delay: delayMs,
    });
  }
}
