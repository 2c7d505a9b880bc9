import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { OutboxRepository } from '@overlegtafels/persistence';
import { MailProducer } from '@overlegtafels/queues';

/**
 * A test message through the whole pipeline (outbox → mail queue → worker → SMTP), so an operator
 * can check the mail set-up of an installation.
 */
@Injectable()
export class SendTestMailUseCase {
  constructor(
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailProducer) private readonly mail: MailProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(requestedBy: string, to: string): Promise<{ outboxId: string }> {
    const key = `test-mail|${randomUUID()}`;
    const { id } = await this.outbox.add({
      idempotencyKey: key,
      purpose: 'test',
      templateKey: 'test',
      recipientEmail: to,
      messageId: `<${randomUUID()}@overlegtafels.example.be>`,
      fromAddress: this.config.mailFrom,
      subject: 'Testbericht van de overlegtafels',
      textBody:
        'Dit is een testbericht. Als je dit leest, werkt het versturen van mail vanuit de overlegtafels.',
      payload: { requestedBy },
    });
    await this.mail.enqueueSend(id, key);
    return { outboxId: id };
  }
}
