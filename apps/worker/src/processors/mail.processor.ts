import { Inject, Injectable } from '@nestjs/common';
import { SendOutboxMailUseCase } from '@overlegtafels/application';
import { JobProcessor, JOBS, parseJobPayload, QUEUES } from '@overlegtafels/queues';
import type { Job } from 'bullmq';

@Injectable()
export class MailProcessor implements JobProcessor {
  readonly queue = QUEUES.mail;

  constructor(@Inject(SendOutboxMailUseCase) private readonly sendOutboxMail: SendOutboxMailUseCase) {}

  // The job's id is the claim's holder: it stays the same through retries and a restart.
  readonly handlers = {
    [JOBS.mail.send]: async (data: unknown, job: Job) => {
      const { outboxId } = parseJobPayload(QUEUES.mail, JOBS.mail.send, data) as { outboxId: string };
      return this.sendOutboxMail.execute({ outboxId }, job.id);
    },
    [JOBS.mail.sendBatch]: async (data: unknown, job: Job) => {
      const { outboxIds } = parseJobPayload(QUEUES.mail, JOBS.mail.sendBatch, data) as {
        outboxIds: string[];
      };
      return this.sendOutboxMail.executeBatch({ outboxIds }, job.id!);
    },
  };

  async onFinalFailure(jobName: string, data: unknown, error: Error): Promise<void> {
    if (jobName === JOBS.mail.sendBatch) {
      const { outboxIds } = parseJobPayload(QUEUES.mail, JOBS.mail.sendBatch, data) as {
        outboxIds: string[];
      };
      await this.sendOutboxMail.recordBatchFailure({ outboxIds }, error);
      return;
    }
    const { outboxId } = parseJobPayload(QUEUES.mail, JOBS.mail.send, data) as { outboxId: string };
    await this.sendOutboxMail.recordFailure({ outboxId }, error, true);
  }
}
