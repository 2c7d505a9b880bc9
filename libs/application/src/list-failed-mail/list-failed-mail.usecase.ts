import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@overlegtafels/auth';
import { AgendaRefusal } from '../errors';
import { FailedOutboxEntry, MailOutbox } from '../ports/mail-outbox.port';
import { mayManageMail } from '../retry-failed-mail/retry-failed-mail.usecase';
import { ListFailedMailCommand } from './list-failed-mail.command';

const DEFAULT_LIMIT = 200;

/** The mails the worker gave up on, for a coordinator to see (and send again). */
@Injectable()
export class ListFailedMailUseCase {
  constructor(@Inject(MailOutbox) private readonly outbox: MailOutbox) {}

  async execute(actor: Principal, command: ListFailedMailCommand = {}): Promise<FailedOutboxEntry[]> {
    if (!mayManageMail(actor)) {
      throw new AgendaRefusal(
        'MAIL_NOT_YOURS',
        'Enkel coördinatoren zien mislukte mails.',
        undefined,
        'forbidden',
      );
    }
    return this.outbox.failed(command.limit ?? DEFAULT_LIMIT);
  }
}
