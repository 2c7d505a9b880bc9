import type { RenderedMail } from '@overlegtafels/mail';
import type { Transaction } from './unit-of-work.port';

export interface OutboxEntry {
  /** purpose|entity|recipient|sequence: the same change never mails twice. */
  readonly key: string;
  readonly purpose: string;
  readonly recipientEmail: string;
  readonly recipientPersonId?: string | null;
  readonly sessionId?: string | null;
  readonly agendaItemId?: string | null;
  readonly dossierId?: string | null;
  readonly sequence?: number;
}

export interface QueuedMail {
  readonly id: string;
  readonly key: string;
}

/**
 * Mail as part of a change: `write` stores it in the outbox inside the change's transaction,
 * `enqueue` hands what committed to the mail queue afterwards.
 */
export abstract class MailOutbox {
  abstract write(tx: Transaction, mail: RenderedMail, entry: OutboxEntry): Promise<QueuedMail>;
  abstract enqueue(mails: readonly QueuedMail[]): Promise<void>;
}
