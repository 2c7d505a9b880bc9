import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  MAIL_IDENTITY,
  MailIdentity,
  messageIdFor,
  RenderedMail,
  toOutboxContent,
} from '@overlegtafels/mail';
import type { Transaction } from '../ports/unit-of-work.port';
import { MailJobQueue } from '../ports/mail-job-queue.port';
import { Outbox } from '../ports/outbox.repository.port';
import type { MailOutbox, OutboxEntry as OutboxMeta, QueuedMail } from '../ports/mail-outbox.port';

/** What the outbox keeps beside a mail (the port's entry), and a written mail's id and key. */
export type { OutboxEntry as OutboxMeta, QueuedMail } from '../ports/mail-outbox.port';

/**
 * Writes a rendered mail as an outbox row inside the change's transaction; `enqueue` hands the
 * rows to the mail queue after the commit (a lost enqueue is picked up by the outbox relay).
 */
@Injectable()
export class OutboxWriter implements MailOutbox {
  constructor(
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(MailJobQueue) private readonly producer: MailJobQueue,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
  ) {}

  async write(tx: Transaction, mail: RenderedMail, meta: OutboxMeta): Promise<QueuedMail> {
    const { id } = await this.outbox.add(
      {
        idempotencyKey: meta.key,
        purpose: meta.purpose,
        templateKey: meta.purpose,
        recipientEmail: meta.recipientEmail,
        recipientPersonId: meta.recipientPersonId ?? null,
        sessionId: meta.sessionId ?? null,
        agendaItemId: meta.agendaItemId ?? null,
        dossierId: meta.dossierId ?? null,
        sequence: meta.sequence ?? 0,
        messageId: messageIdFor(this.identity.uidHost, randomUUID()),
        ...toOutboxContent(mail),
        payload: {
          ...(meta.sessionId ? { sessionId: meta.sessionId } : {}),
          ...(meta.agendaItemId ? { agendaItemId: meta.agendaItemId } : {}),
          ...(meta.dossierId ? { dossierId: meta.dossierId } : {}),
        },
      },
      tx,
    );
    return { id, key: meta.key };
  }

  async enqueue(mails: readonly QueuedMail[]): Promise<void> {
    await this.producer.enqueueMany(mails.map((m) => ({ outboxId: m.id, idempotencyKey: m.key })));
  }
}
