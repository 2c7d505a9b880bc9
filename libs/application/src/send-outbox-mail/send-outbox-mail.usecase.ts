import { Inject, Injectable, Logger } from '@nestjs/common';
import { EncodedBody, encodeBody, IcsMethod, MailValueError, mimeMessage } from '@overlegtafels/mail';
import { CLOCK, Clock } from '@overlegtafels/config';
import { MailSender } from '../ports/mail-sender.port';
import { MailOutbox } from '../ports/mail-outbox.port';
import { SendOutboxMailCommand } from './send-outbox-mail.command';

export type SendOutcome = 'sent' | 'already-sent' | 'missing' | 'refused';

/** Bodies encoded for sending, by body id: at most this many are kept. */
const ENCODED_BODIES = 64;

/**
 * Sends one outbox row exactly as it was rendered. A crash between the SMTP hand-off and
 * markSent can send the message once more — with the same Message-ID, so mail and calendar
 * clients take it as the same message — but a row marked sent is never sent again.
 */
@Injectable()
export class SendOutboxMailUseCase {
  private readonly logger = new Logger(SendOutboxMailUseCase.name);
  /**
   * Bodies never change once stored, so their encoding is kept: the 500 agendas of one session
   * share one body, read and encoded by the first of their jobs. Least recently used go first.
   */
  private readonly encoded = new Map<string, Promise<EncodedBody | undefined>>();

  constructor(
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(MailSender) private readonly transport: MailSender,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ outboxId }: SendOutboxMailCommand): Promise<SendOutcome> {
    const row = await this.outbox.claim(outboxId, this.clock.now());
    if (!row) {
      if (await this.outbox.exists(outboxId)) return 'already-sent';
      this.logger.warn(`outbox ${outboxId} not found; nothing to send`);
      return 'missing';
    }
    const body = await this.bodyOf(row.bodyId);
    if (!body) throw new Error(`outbox ${outboxId}: body ${row.bodyId} not found`);
    let message;
    try {
      message = mimeMessage({
        from: row.fromAddress,
        to: row.recipientEmail,
        subject: row.subject,
        messageId: row.messageId,
        date: this.clock.now(),
        body,
        ics: row.icsContent ? { method: row.icsMethod as IcsMethod, content: row.icsContent } : null,
      });
    } catch (error) {
      if (!(error instanceof MailValueError)) throw error;
      // A stored row that cannot be sent safely will not improve with retries: failed at once,
      // for a coordinator to see. The code only in the log; the row keeps the message.
      await this.outbox.markAttemptFailed(outboxId, error.message, this.clock.now(), true);
      this.logger.error(`outbox ${outboxId} refused: ${error.code}`);
      return 'refused';
    }
    await this.transport.send(message);
    await this.outbox.markSent(outboxId, this.clock.now());
    // Ids only in logs: the recipient and subject stay in the database.
    this.logger.log(`outbox ${outboxId} sent (${row.purpose})`);
    return 'sent';
  }

  /** The worker's last word on a job: back to pending for another attempt, or failed for good. */
  async recordFailure({ outboxId }: SendOutboxMailCommand, error: Error, final: boolean): Promise<void> {
    await this.outbox.markAttemptFailed(outboxId, error.message, this.clock.now(), final);
  }

  private bodyOf(bodyId: string): Promise<EncodedBody | undefined> {
    let entry = this.encoded.get(bodyId);
    if (entry) {
      // Most recently used: to the end of the map's order.
      this.encoded.delete(bodyId);
    } else {
      entry = this.outbox.body(bodyId).then((b) => b && encodeBody(b.textBody, b.htmlBody));
      // A failed read is not remembered: the job's retry reads again.
      entry.catch(() => this.encoded.delete(bodyId));
      while (this.encoded.size >= ENCODED_BODIES) this.encoded.delete(this.encoded.keys().next().value!);
    }
    this.encoded.set(bodyId, entry);
    return entry;
  }
}
