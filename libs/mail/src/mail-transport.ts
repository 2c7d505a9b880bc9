import nodemailer, { Transporter } from 'nodemailer';
import { MimeMessage } from './mime-message';

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

  /** Hands a message assembled by mimeMessage() to the pool as it is, with its envelope. */
  async send(message: MimeMessage): Promise<{ accepted: string[] }> {
    const info = await this.transporter.sendMail({
      envelope: { from: message.envelope.from, to: [message.envelope.to] },
      raw: message.raw,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return { accepted: (info.accepted as string[]).map(String) };
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
