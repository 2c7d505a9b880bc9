import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { withinRegion } from '../region-fence/region-fence';
import { MailRegions } from '../retry-failed-mail/mail-region';
import { MailOutbox } from '../ports/mail-outbox.port';
import { mayManageMail } from '../retry-failed-mail/retry-failed-mail.usecase';
import { OutboxMessageStatus, ReadOutboxStatusCommand } from './read-outbox-status.command';

/** The state of one outbox message (after a test mail, say), for coordinators and administrators. */
@Injectable()
export class ReadOutboxStatusUseCase {
  constructor(
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(MailRegions) private readonly regions: Pick<MailRegions, 'regionOf'>,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, { outboxId }: ReadOutboxStatusCommand): Promise<OutboxMessageStatus> {
    if (!mayManageMail(actor)) {
      throw new AgendaRefusal(
        'MAIL_NOT_YOURS',
        'Enkel coördinatoren zien de mailstatus.',
        undefined,
        'forbidden',
      );
    }
    const found = await this.outbox.find(outboxId);
    const region = found && (await this.regions.regionOf(found));
    // Another region's mail is answered like an unknown one (issue #17); an unowned one is open.
    const row =
      found &&
      (!region ||
        (await withinRegion(
          this.audit,
          actor,
          region,
          {
            action: 'mail.status',
            entityType: 'mail_outbox',
            entityId: outboxId,
            dossierId: found.dossierId ?? null,
          },
          this.clock.now(),
        )))
        ? found
        : undefined;
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
