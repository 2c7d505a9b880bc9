import { Logger } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { OpenReplyMailbox, REPLY_FOLDERS } from './reply-mailbox';

export interface ImapMailboxOptions {
  /** imap://host:port or imaps://host:port (TLS from the start). */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /** Connection and greeting limit, ms. */
  readonly timeoutMs?: number;
}

/**
 * The organiser mailbox over IMAP (imapflow): one connection per run, the INBOX locked while it is
 * read, handled messages moved (MOVE, or COPY and expunge) to Verwerkt or Geweigerd, created when
 * missing. Everything else in the INBOX is left as it is, flags included: a message is read with
 * BODY.PEEK, so it is not even marked \Seen. imapflow's own logger is off: it would log addresses.
 */
export class ImapReplyMailbox {
  private readonly logger = new Logger(ImapReplyMailbox.name);

  constructor(private readonly options: ImapMailboxOptions) {}

  async open<T>(work: (mailbox: OpenReplyMailbox) => Promise<T>): Promise<T> {
    const url = new URL(this.options.url);
    const secure = url.protocol === 'imaps:';
    const client = new ImapFlow({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 993 : 143,
      secure,
      auth: { user: this.options.user, pass: this.options.password },
      logger: false,
      connectionTimeout: this.options.timeoutMs ?? 15_000,
      greetingTimeout: this.options.timeoutMs ?? 15_000,
      // Plain IMAP only where it is asked for (a mailbox on the same host, a test server).
      doSTARTTLS: secure ? undefined : false,
    });
    // A dropped connection surfaces as an 'error' event besides the failed command.
    client.on('error', (error: { code?: string }) =>
      this.logger.warn(`IMAP connection error (${error.code ?? 'error'})`),
    );
    await client.connect();
    try {
      for (const folder of REPLY_FOLDERS) await client.mailboxCreate(folder);
      const lock = await client.getMailboxLock('INBOX');
      try {
        return await work({
          list: async () => {
            const exists = client.mailbox ? client.mailbox.exists : 0;
            if (exists === 0) return [];
            const messages = await client.fetchAll('1:*', { uid: true, size: true });
            return messages.map((m) => ({ id: String(m.uid), size: m.size ?? 0 }));
          },
          read: async (id) => {
            const message = await client.fetchOne(id, { source: true }, { uid: true });
            if (!message || !message.source) throw new Error(`IMAP message ${id} is gone`);
            return message.source;
          },
          moveTo: async (id, folder) => {
            await client.messageMove(id, folder, { uid: true });
          },
        });
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}
