import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { MailJobQueue } from '../ports/mail-job-queue.port';
import { AuditLog } from '../ports/audit-log.port';
import { MailOutbox } from '../ports/mail-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { withinRegion } from '../region-fence/region-fence';
import { MailRegions } from './mail-region';
import { RetryFailedMailCommand } from './retry-failed-mail.command';

/** Who may look after failed mails: the coordinators, and the administrators of the installation. */
export function mayManageMail(actor: Principal): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** The ledger's scope of a retry's one-time key. */
export const MAIL_RETRY_SCOPE = 'mail-retry';

/**
 * Sends a mail again after the worker gave up on it: the outbox row goes back to pending and gets a
 * new job. One place for it, so the JSON endpoint and the coordinators' page behave the same. One
 * press retries once: with the form's key (or the API's Idempotency-Key) a repeat answers the
 * first answer and queues nothing, even when the mail failed again meanwhile.
 */
@Injectable()
export class RetryFailedMailUseCase {
  constructor(
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(MailJobQueue) private readonly queue: MailJobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(MailRegions) private readonly regions: MailRegions,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  /** False when there is no failed row with this id (unknown, already retried or sent). */
  async execute(actor: Principal, { outboxId, submissionKey }: RetryFailedMailCommand): Promise<boolean> {
    if (!mayManageMail(actor)) {
      throw new AgendaRefusal(
        'MAIL_NOT_YOURS',
        'Enkel coördinatoren sturen mails opnieuw.',
        undefined,
        'forbidden',
      );
    }
    const row = await this.outbox.find(outboxId);
    const region = row && (await this.regions.regionOf(row));
    const admitted =
      !region ||
      (await withinRegion(
        this.audit,
        actor,
        region,
        {
          action: 'mail.retry',
          entityType: 'mail_outbox',
          entityId: outboxId,
          dossierId: row.dossierId ?? null,
        },
        this.clock.now(),
      ));
    if (!row || !admitted) return false;
    const now = this.clock.now();
    const { result, repeated } = await this.uow.run((tx) =>
      this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: MAIL_RETRY_SCOPE,
          key: submissionKey,
          content: { outboxId },
          at: now,
        },
        () => this.outbox.resetForRetry(outboxId, now, tx),
      ),
    );
    // A fresh job id: the failed job of the same key may still be kept for inspection.
    if (result && !repeated)
      await this.queue.enqueueSend(outboxId, `${row.idempotencyKey}|retry|${now.getTime()}`);
    return result;
  }
}
