import type { MailSender } from '@overlegtafels/application/testing';
import type { MimeMessage } from '@overlegtafels/mail';

/** SMTP in memory: the messages handed over; `failWith` makes the next hand-offs fail. */
export class FakeMailSender implements MailSender {
  readonly sent: MimeMessage[] = [];
  failWith: Error | undefined;

  async send(message: MimeMessage): Promise<{ accepted: string[] }> {
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
    return { accepted: [message.envelope.to] };
  }
}
