import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@overlegtafels/auth';
import { AgendaRefusal } from '../errors';
import { MailOutbox } from '../ports/mail-outbox.port';
import { mayManageMail } from '../retry-failed-mail/retry-failed-mail.usecase';
import { OutboxMessageStatus, ReadOutboxStatusCommand } from './read-outbox-status.command';

/** The state of one outbox message (after a test mail, say), for coordinators and administrators. */
@Injectable()
export class ReadOutboxStatusUseCase {
  constructor(@Inject(MailOutbox) private readonly outbox: MailOutbox) {}

  async execute(actor: Principal, { outboxId }: ReadOutboxStatusCommand): Promise<OutboxMessageStatus> {
    if (!mayManageMail(actor)) {
      throw new AgendaRefusal(
        'MAIL_NOT_YOURS',
        'Enkel coördinatoren zien de mailstatus.',
        undefined,
        'forbidden',
      );
    }
    const row = await this.outbox.find(outboxId);
    if (!row) throw new AgendaRefusal('OUTBOX_NOT_FOUND', 'outbox message not found', undefined, 'not_found');
    return {
      id: row.id,
      purpose: row.purpose,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      sentAt: row.sentAt,
    };
  }
}
