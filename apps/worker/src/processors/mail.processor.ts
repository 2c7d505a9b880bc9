import { Inject, Injectable } from '@nestjs/common';
import { SendOutboxMailUseCase } from '@overlegtafels/application';
import { JobProcessor, JOBS, parseJobPayload, QUEUES } from '@overlegtafels/queues';

@Injectable()
export class MailProcessor implements JobProcessor {
  readonly queue = QUEUES.mail;

  constructor(@Inject(SendOutboxMailUseCase) private readonly sendOutboxMail: SendOutboxMailUseCase) {}

  readonly handlers = {
    [JOBS.mail.send]: async (data: unknown) => {
      const { outboxId } = parseJobPayload(QUEUES.mail, JOBS.mail.send, data) as { outboxId: string };
      return this.sendOutboxMail.execute({ outboxId });
    },
  };

  async onFinalFailure(_jobName: string, data: unknown, error: Error): Promise<void> {
    const { outboxId } = parseJobPayload(QUEUES.mail, JOBS.mail.send, data) as { outboxId: string };
    await this.sendOutboxMail.recordFailure({ outboxId }, error, true);
  }
}
