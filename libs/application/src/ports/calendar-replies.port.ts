import type { ReplyPartstat } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** One attendee's latest answer to a session's invitation, or to their own slot's on it. */
export interface AttendanceAnswer {
  readonly sessionId: string;
  /** The agendapunt when the answer was to a guest's slot invitation; null for the session's own. */
  readonly agendaItemId: string | null;
  readonly email: string;
  readonly personId: string | null;
  readonly partstat: ReplyPartstat;
  /** The SEQUENCE of the invitation it answered (the slot's own for a slot answer). */
  readonly sequence: number;
  readonly receivedAt: Date;
}

/** What became of one message of the organiser mailbox: its key, and the outcome's code. */
export interface ProcessedReply {
  /** SHA-256 of the Message-ID (or of the message when it has none): what logs and the table name. */
  readonly messageKey: string;
  readonly outcome: string;
  readonly at: Date;
}

/**
 * The answers to session invitations and the messages they came in: a message is processed once
 * (its key is unique), and its answer is written in the same transaction, so a restart between
 * the two never applies a reply twice or loses one.
 */
export abstract class CalendarReplies {
  /** The outcome recorded for the message, or undefined when it was never processed. */
  abstract outcomeOf(messageKey: string): Promise<string | undefined>;
  /** Records the message and, with `answer`, the attendee's answer; false when the key was there. */
  abstract record(tx: Transaction, processed: ProcessedReply, answer?: AttendanceAnswer): Promise<boolean>;
  abstract answersFor(sessionId: string): Promise<AttendanceAnswer[]>;
}

/** One message in the organiser's mailbox, before it is read. */
export interface MailboxMessage {
  /** The mailbox's own id of the message (an IMAP UID, a file name). */
  readonly id: string;
  readonly size: number;
}

export type ReplyFolder = 'Verwerkt' | 'Geweigerd';

/** An open organiser mailbox: its messages, each read and, once handled, moved to a folder. */
export interface OpenReplyMailbox {
  list(): Promise<MailboxMessage[]>;
  read(id: string): Promise<Buffer>;
  /** Moves a handled message out of the inbox; other mail is never moved. */
  moveTo(id: string, folder: ReplyFolder): Promise<void>;
}

/** The mailbox the invitations' answers arrive in (IMAP in production, the local sink by default). */
export abstract class ReplyMailbox {
  abstract open<T>(work: (mailbox: OpenReplyMailbox) => Promise<T>): Promise<T>;
}
