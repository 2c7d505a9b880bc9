import { IcsMethod } from './calendar-invitation';
import { RenderedMail } from './mail-composer';
import { OutgoingMail } from './mail-transport';
import { LINE_BREAKING, MailValueError } from './mail-values';

/** The rendered columns of an outbox row (the rest — recipient, keys, ids — is the caller's). */
export interface OutboxContent {
  fromAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  icsMethod: IcsMethod | null;
  icsContent: string | null;
}

export function toOutboxContent(mail: RenderedMail): OutboxContent {
  return {
    fromAddress: mail.from,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    icsMethod: mail.ics?.method ?? null,
    icsContent: mail.ics?.content ?? null,
  };
}

/** What the send job reads back from an outbox row (structurally; no dependency on persistence). */
export interface StoredMail {
  recipientEmail: string;
  messageId: string;
  fromAddress: string;
  subject: string;
  textBody: string;
  htmlBody?: string | null;
  icsMethod?: string | null;
  icsContent?: string | null;
}

export const INVITATION_FILENAME = 'uitnodiging.ics';

/**
 * Turns a stored row into what MailTransport sends. With an invitation, nodemailer's `icalEvent`
 * puts the calendar twice into the message: as the `text/calendar; method=X` part inside
 * multipart/alternative (what Outlook, Gmail and Apple Mail act on, RFC 6047) and as an
 * application/ics attachment named uitnodiging.ics (for clients that only offer attachments).
 */
export function toOutgoingMail(row: StoredMail): OutgoingMail {
  if (
    LINE_BREAKING.test(row.subject) ||
    LINE_BREAKING.test(row.fromAddress) ||
    LINE_BREAKING.test(row.recipientEmail)
  ) {
    throw new MailValueError('UNSAFE_HEADER', 'stored mail has a line break in a header field');
  }
  const mail: OutgoingMail = {
    from: row.fromAddress,
    to: row.recipientEmail,
    subject: row.subject,
    text: row.textBody,
    messageId: row.messageId,
    ...(row.htmlBody ? { html: row.htmlBody } : {}),
  };
  if (row.icsContent) {
    const method = row.icsMethod;
    if (
      (method !== 'REQUEST' && method !== 'CANCEL') ||
      !row.icsContent.includes(`\r\nMETHOD:${method}\r\n`)
    ) {
      throw new MailValueError(
        'UNSAFE_ICS',
        `stored invitation has method ${method} that does not match its METHOD line`,
      );
    }
    mail.icalEvent = { method, content: row.icsContent, filename: INVITATION_FILENAME };
  }
  return mail;
}
