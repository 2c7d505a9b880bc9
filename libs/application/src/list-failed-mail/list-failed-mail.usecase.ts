import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { AgendaRefusal } from '../errors';
import { parseInput } from '../input/parse-input';
import { PageFieldsSchema, PageLinks, pageLinksOf, pageRequestOf } from '../paging/keyset-paging';
import { FailedOutboxEntry, MailOutbox } from '../ports/mail-outbox.port';
import { mayManageMail } from '../retry-failed-mail/retry-failed-mail.usecase';
import { ListFailedMailCommand } from './list-failed-mail.command';

/** One page of failed mails (fifty), how many there are, and the pages beside it. */
export interface FailedMailPage extends PageLinks {
  readonly items: readonly FailedOutboxEntry[];
}

/**
 * The mails the worker gave up on, most recently failed first and fifty a page with the total
 * (never cut), for a coordinator to see (and send again); a beheerder sees them without their
 * subjects.
 */
@Injectable()
export class ListFailedMailUseCase {
  constructor(@Inject(MailOutbox) private readonly outbox: MailOutbox) {}

  async execute(actor: Principal, command: ListFailedMailCommand = {}): Promise<FailedMailPage> {
    if (!mayManageMail(actor)) {
      throw new AgendaRefusal(
        'MAIL_NOT_YOURS',
        'Enkel coördinatoren zien mislukte mails.',
        undefined,
        'forbidden',
      );
    }
    const page = await this.outbox.failed(pageRequestOf(parseInput(PageFieldsSchema, { ...command })));
    // A subject carries dossier codes: a beheerder who is no coordinator sees no dossier (issue #14).
    const items = hasRole(actor, 'coordinator') ? page.rows : page.rows.map((m) => ({ ...m, subject: '' }));
    return { items, ...pageLinksOf(page) };
  }
}
