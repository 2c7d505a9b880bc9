import { Inject, Injectable, Logger } from '@nestjs/common';
import { EncodedBody, encodeBody, IcsMethod, MailValueError, mimeMessage } from '@overlegtafels/mail';
import { CLOCK, Clock } from '@overlegtafels/config';
import { MailSender } from '../ports/mail-sender.port';
import { MailOutbox, type OutboxRecord } from '../ports/mail-outbox.port';
import { SendOutboxBatchCommand, SendOutboxMailCommand } from './send-outbox-mail.command';

export type SendOutcome = 'sent' | 'already-sent' | 'missing' | 'refused' | 'rejected';

/** What a batch job did: how many of its rows went each way (a row it did not hold is skipped). */
export type BatchOutcome = Record<Exclude<SendOutcome, 'already-sent' | 'missing'> | 'skipped', number>;

/** Bodies encoded for sending, by body id: at most this many are kept. */
const ENCODED_BODIES = 64;

/**
 * A row claimed longer ago than this and still not sent or failed: its send died with its process
 * or with the database (the mark could not be written), and another job may take it over. No send
 * takes this long (SMTP timeouts).
 */
export const SENDING_LEASE_MS = 10 * 60_000;

/**
 * An SMTP answer in the 5xx range (nodemailer's responseCode): the server refuses this message or
 * recipient for good, so trying again will not help.
 */
function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends outbox rows exactly as they were rendered. A crash between the SMTP hand-off and
 * markSent can send the message once more — with the same Message-ID, so mail and calendar
 * clients take it as the same message — but a row marked sent is never sent again, and a row
 * another job holds is left to it.
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

  /** One row (`jobId`: the mail job sending it; a job retried or restarted keeps its claim). */
  async execute({ outboxId }: SendOutboxMailCommand, jobId?: string): Promise<SendOutcome> {
    const row = await this.outbox.claim(outboxId, this.clock.now(), jobId ? this.holder(jobId) : undefined);
    if (!row) {
      if (await this.outbox.exists(outboxId)) return 'already-sent';
      this.logger.warn(`outbox ${outboxId} not found; nothing to send`);
      return 'missing';
    }
    return this.sendClaimed(row, false);
  }

  /**
   * A batch of rows, claimed in one go and sent one after the other, each marked sent as soon as
   * SMTP accepted it: a crash repeats at most the one in flight, and the job's retry (or its run
   * after a crash) skips what was sent. A row refused for good (an unsafe value, a 5xx answer) is
   * marked failed with its reason and the others go on; any other error ends the batch, its rows
   * still held by the job for its next attempt.
   */
  async executeBatch({ outboxIds }: SendOutboxBatchCommand, jobId: string): Promise<BatchOutcome> {
    const rows = await this.outbox.claimMany(outboxIds, this.clock.now(), this.holder(jobId));
    const outcome: BatchOutcome = {
      sent: 0,
      refused: 0,
      rejected: 0,
      skipped: outboxIds.length - rows.length,
    };
    for (const row of rows) {
      const result = await this.sendClaimed(row, true);
      if (result === 'sent' || result === 'refused' || result === 'rejected') outcome[result]++;
    }
    return outcome;
  }

  /** The worker's last word on a job: back to pending for another attempt, or failed for good. */
  async recordFailure({ outboxId }: SendOutboxMailCommand, error: Error, final: boolean): Promise<void> {
    await this.outbox.markAttemptFailed(outboxId, error.message, this.clock.now(), final);
  }

  /**
   * A batch job gave up: each of its rows not sent and not failed already is failed with the
   * error, for a coordinator to see; what was sent stays sent.
   */
  async recordBatchFailure({ outboxIds }: SendOutboxBatchCommand, error: Error): Promise<void> {
    for (const id of outboxIds) {
      const row = await this.outbox.find(id);
      if (row && (row.status === 'pending' || row.status === 'sending'))
        await this.outbox.markAttemptFailed(id, error.message, this.clock.now(), true);
    }
  }

  private holder(jobId: string) {
    return { jobId, heldAfter: new Date(this.clock.now().getTime() - SENDING_LEASE_MS) };
  }

  private async sendClaimed(row: OutboxRecord, inBatch: boolean): Promise<SendOutcome> {
    const body = await this.bodyOf(row.bodyId);
    if (!body) throw new Error(`outbox ${row.id}: body ${row.bodyId} not found`);
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
      await this.outbox.markAttemptFailed(row.id, error.message, this.clock.now(), true);
      this.logger.error(`outbox ${row.id} refused: ${error.code}`);
      return 'refused';
    }
    try {
      await this.transport.send(message);
    } catch (error) {
      // In a batch, one recipient the server refuses for good must not hold back the others.
      if (!inBatch || !isPermanentRefusal(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      await this.outbox.markAttemptFailed(row.id, reason, this.clock.now(), true);
      this.logger.error(`outbox ${row.id} rejected by the SMTP server`);
      return 'rejected';
    }
    await this.outbox.markSent(row.id, this.clock.now());
    // Ids only in logs: the recipient and subject stay in the database.
    this.logger.log(`outbox ${row.id} sent (${row.purpose})`);
    return 'sent';
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
