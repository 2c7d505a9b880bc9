import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  MAIL_IDENTITY,
  MailComposer,
  MailIdentity,
  messageIdFor,
  toOutboxContent,
} from '@overlegtafels/mail';
import { Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { MailJobQueue } from '../ports/mail-job-queue.port';
import { MailOutbox } from '../ports/mail-outbox.port';
import { mayManageMail } from '../retry-failed-mail/retry-failed-mail.usecase';
import { SendTestMailCommand } from './send-test-mail.command';

/**
 * A test message through the whole pipeline (outbox → mail queue → worker → SMTP), so an operator
 * can check the mail set-up of an installation.
 */
@Injectable()
export class SendTestMailUseCase {
  constructor(
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(MailJobQueue) private readonly mail: MailJobQueue,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, { to }: SendTestMailCommand): Promise<{ outboxId: string }> {
    if (!mayManageMail(actor)) {
      throw new AgendaRefusal(
        'MAIL_NOT_YOURS',
        'Enkel coördinatoren sturen een testmail.',
        undefined,
        'forbidden',
      );
    }
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
      payload: { requestedBy: actor.personId },
    });
    await this.mail.enqueueSend(id, key);
    return { outboxId: id };
  }
}
