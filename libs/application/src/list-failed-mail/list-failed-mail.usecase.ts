import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { AgendaRefusal } from '../errors';
import { FailedOutboxEntry, MailOutbox } from '../ports/mail-outbox.port';
import { mayManageMail } from '../retry-failed-mail/retry-failed-mail.usecase';
import { ListFailedMailCommand } from './list-failed-mail.command';

const DEFAULT_LIMIT = 200;

/**
 * The mails the worker gave up on, for a coordinator to see (and send again); a beheerder sees them
 * without their subjects.
 */
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
    const failed = await this.outbox.failed(command.limit ?? DEFAULT_LIMIT);
    // A subject carries dossier codes: a beheerder who is no coordinator sees no dossier (issue #14).
    return hasRole(actor, 'coordinator') ? failed : failed.map((m) => ({ ...m, subject: '' }));
  }
}
