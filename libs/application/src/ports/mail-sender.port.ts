import type { MimeMessage } from '@overlegtafels/mail';

/** Hands an assembled message to SMTP as it is. */
export abstract class MailSender {
  abstract send(message: MimeMessage): Promise<{ accepted: string[] }>;
}
