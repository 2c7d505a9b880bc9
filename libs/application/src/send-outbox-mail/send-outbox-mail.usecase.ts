import { Inject, Injectable, Logger } from '@nestjs/common';
import { MailTransport } from '@overlegtafels/mail';
import { OutboxRepository } from '@overlegtafels/persistence';
import { CLOCK, Clock } from '../clock';

export type SendOutcome = 'sent' | 'already-sent' | 'missing';

/**
 * Sends one outbox row exactly as it was rendered. A crash between the SMTP hand-off and
 * markSent can send the message once more — with the same Message-ID, so mail and calendar
 * clients take it as the same message — but a row marked sent is never sent again.
 */
@Injectable()
export class SendOutboxMailUseCase {
  private readonly logger = new Logger(SendOutboxMailUseCase.name);

  constructor(
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailTransport) private readonly transport: MailTransport,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(outboxId: string): Promise<SendOutcome> {
    const row = await this.outbox.claim(outboxId, this.clock.now());
    if (!row) {
      if (await this.outbox.exists(outboxId)) return 'already-sent';
      this.logger.warn(`outbox ${outboxId} not found; nothing to send`);
      return 'missing';
    }
    await this.transport.send({
      from: row.fromAddress,
      to: row.recipientEmail,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody ?? undefined,
      messageId: row.messageId,
      icalEvent:
        row.icsMethod && row.icsContent
          ? { method: row.icsMethod, content: row.icsContent, filename: 'uitnodiging.ics' }
          : undefined,
    });
    await this.outbox.markSent(outboxId, this.clock.now());
    // Ids only in logs: the recipient and subject stay in the database.
    this.logger.log(`outbox ${outboxId} sent (${row.purpose})`);
    return 'sent';
  }

  async recordFailure(outboxId: string, error: Error, final: boolean): Promise<void> {
    await this.outbox.markAttemptFailed(outboxId, error.message, this.clock.now(), final);
  }
}
