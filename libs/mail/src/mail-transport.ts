import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Fixed per outbox row, so a resend after a crash is recognisably the same message. */
  messageId: string;
  headers?: Record<string, string>;
  icalEvent?: { method: string; content: string; filename?: string };
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

/** The one class that talks SMTP. */
export class MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    const url = new URL(smtpUrl);
    // An explicit pool keeps a few connections open for agenda fan-outs.
    url.searchParams.set('pool', 'true');
    if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '3');
    this.transporter = nodemailer.createTransport(url.toString());
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string; accepted: string[] }> {
    const info = await this.transporter.sendMail({
      from: mail.from,
      sender: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
      icalEvent: mail.icalEvent,
      attachments: mail.attachments,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return { messageId: info.messageId, accepted: (info.accepted as string[]).map(String) };
  }

  async verify(timeoutMs = 2_000): Promise<boolean> {
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    return Promise.race([
      this.transporter.verify().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  }

  close(): void {
    this.transporter.close();
  }
}
