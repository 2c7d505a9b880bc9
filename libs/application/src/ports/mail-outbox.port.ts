import type { KeysetPage, PageRequest } from './keyset-page.port';
import { toOutboxContent, type RenderedMail } from '@overlegtafels/mail';
import type { Transaction } from './unit-of-work.port';

/** A rendered mail to be sent, as the outbox keeps it until the worker hands it to SMTP. */
export interface OutboxMail {
  /** purpose|entity|recipient|sequence: the same change never mails twice. */
  readonly idempotencyKey: string;
  readonly purpose: string;
  readonly templateKey: string;
  readonly recipientEmail: string;
  readonly recipientPersonId?: string | null;
  readonly sessionId?: string | null;
  readonly agendaItemId?: string | null;
  readonly dossierId?: string | null;
  readonly sequence?: number;
  readonly messageId: string;
  readonly fromAddress: string;
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody?: string | null;
  readonly icsMethod?: string | null;
  readonly icsContent?: string | null;
  /** Ids only, for the record of why this message exists. */
  readonly payload?: Record<string, string | number | null>;
}

/** What the outbox keeps beside a rendered mail: its key, purpose, recipient and what it is about. */
export interface OutboxEntry extends Pick<
  OutboxMail,
  'purpose' | 'recipientEmail' | 'recipientPersonId' | 'sessionId' | 'agendaItemId' | 'dossierId' | 'sequence'
> {
  /** purpose|entity|recipient|sequence: the same change never mails twice. */
  readonly key: string;
}

/** A written mail: its outbox row and key (the key is also its mail job's id). */
export interface QueuedMail {
  readonly id: string;
  readonly key: string;
}

/** An outbox row that still has to be sent, by the key its mail job carries. */
export interface PendingMail {
  readonly id: string;
  readonly idempotencyKey: string;
}

/**
 * The row `write` stores for a rendered mail: the entry's fields, the purpose as its template
 * key, and the ids it is about (only those) as its payload.
 */
export function outboxMailOf(entry: OutboxEntry, mail: RenderedMail, messageId: string): OutboxMail {
  return {
    idempotencyKey: entry.key,
    purpose: entry.purpose,
    templateKey: entry.purpose,
    recipientEmail: entry.recipientEmail,
    recipientPersonId: entry.recipientPersonId ?? null,
    sessionId: entry.sessionId ?? null,
    agendaItemId: entry.agendaItemId ?? null,
    dossierId: entry.dossierId ?? null,
    sequence: entry.sequence ?? 0,
    messageId,
    ...toOutboxContent(mail),
    payload: {
      ...(entry.sessionId ? { sessionId: entry.sessionId } : {}),
      ...(entry.agendaItemId ? { agendaItemId: entry.agendaItemId } : {}),
      ...(entry.dossierId ? { dossierId: entry.dossierId } : {}),
    },
  };
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** A stored outbox row: what to send, except the body, which is stored (and shared) on its own. */
export interface OutboxRecord extends Omit<OutboxMail, 'textBody' | 'htmlBody'> {
  readonly id: string;
  /** The row's body; rows with the same text and HTML share it. */
  readonly bodyId: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

/** A body as stored: it never changes once written. */
export interface OutboxBody {
  readonly id: string;
  readonly textBody: string;
  readonly htmlBody: string | null;
}

/** A mail the worker gave up on, as a coordinator sees it. */
export interface FailedOutboxEntry extends Pick<
  OutboxRecord,
  'id' | 'idempotencyKey' | 'purpose' | 'recipientEmail' | 'subject' | 'attempts' | 'lastError'
> {
  readonly updatedAt: Date;
}

/**
 * The mail job claiming rows (its id stays the same through its retries and a restart after a
 * crash), and the moment before which another job's claim no longer counts (the sending lease).
 */
export interface ClaimHolder {
  readonly jobId: string;
  readonly heldAfter: Date;
}

/**
 * The outbox: every mail is first a row, written in the transaction of the change that caused it;
 * the mail queue only carries the row's id. `write` stores a rendered mail inside the change's
 * transaction and `enqueue` hands what committed to the mail queue afterwards; `add` stores a row
 * its caller made itself. The rest is the sender's and the operators' side.
 */
export abstract class MailOutbox {
  abstract write(tx: Transaction, mail: RenderedMail, entry: OutboxEntry): Promise<QueuedMail>;
  abstract enqueue(mails: readonly QueuedMail[]): Promise<void>;
  /** Adds the message unless one with its idempotency key exists; the row's id either way. */
  abstract add(message: OutboxMail, tx?: Transaction): Promise<{ id: string; created: boolean }>;
  abstract find(id: string): Promise<OutboxRecord | undefined>;
  /** The rows that carry these Message-IDs (how a caught or returned mail finds its row). */
  abstract byMessageIds(messageIds: readonly string[]): Promise<OutboxRecord[]>;
  /**
   * Takes a row that is not sent yet for one sending attempt; undefined when there is none to take.
   * A row another job holds (claimed at or after `holder.heldAfter`) is not taken.
   */
  abstract claim(id: string, now: Date, holder?: ClaimHolder): Promise<OutboxRecord | undefined>;
  /**
   * A batch job's rows, all claimed in one go for `holder`, in the order asked: those pending, or
   * sending and not held by another job. A sent or failed row is not taken.
   */
  abstract claimMany(ids: readonly string[], now: Date, holder: ClaimHolder): Promise<OutboxRecord[]>;
  abstract body(bodyId: string): Promise<OutboxBody | undefined>;
  abstract exists(id: string): Promise<boolean>;
  abstract markSent(id: string, now: Date): Promise<void>;
  /** Back to pending for the next attempt, or failed for good (`final`). */
  abstract markAttemptFailed(id: string, error: string, now: Date, final: boolean): Promise<void>;
  /** A page of the failed rows, most recently failed first (by the moment they failed, then id). */
  abstract failed(page: PageRequest): Promise<KeysetPage<FailedOutboxEntry>>;
  /** Pending rows created before `before`, whose enqueue may have been lost; oldest first. */
  abstract pendingOlderThan(before: Date, limit?: number): Promise<PendingMail[]>;
  /** Rows claimed for sending whose claim is older than `before`: their send died; oldest first. */
  abstract sendingSince(before: Date, limit?: number): Promise<PendingMail[]>;
  /** A failed row back to pending; false when the row is not (or no longer) failed. */
  abstract resetForRetry(id: string, now: Date, tx?: Transaction): Promise<boolean>;
}
