import { IcsMethod } from './calendar-invitation';
import { RenderedMail } from './mail-renderer';

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
