import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  EmailAddress,
  MAIL_IDENTITY,
  MailComposer,
  MailIdentity,
  messageIdFor,
  toOutboxContent,
} from '@overlegtafels/mail';
import { OutboxRepository } from '@overlegtafels/persistence';
import { MailProducer } from '@overlegtafels/queues';
import { CLOCK, Clock } from '@overlegtafels/config';

/**
 * A test message through the whole pipeline (outbox → mail queue → worker → SMTP), so an operator
 * can check the mail set-up of an installation.
 */
@Injectable()
export class SendTestMailUseCase {
  constructor(
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailProducer) private readonly mail: MailProducer,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(requestedBy: string, to: EmailAddress): Promise<{ outboxId: string }> {
    const rendered = await this.composer.test({
      recipient: { address: to },
      sentAt: DateTime.fromJSDate(this.clock.now(), { zone: 'Europe/Brussels' }),
    });
    const key = `test-mail|${randomUUID()}`;
    const { id } = await this.outbox.add({
      idempotencyKey: key,
      purpose: 'test',
      templateKey: 'test',
      recipientEmail: to,
      messageId: messageIdFor(this.identity.uidHost, randomUUID()),
      ...toOutboxContent(rendered),
      payload: { requestedBy },
    });
    await this.mail.enqueueSend(id, key);
    return { outboxId: id };
  }
}
