import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: string;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  messageId?: string;
}

export interface CaughtMailDetail extends CaughtMail {
  text: string;
  html?: string;
  attachments: { filename: string; contentType: string; size: number }[];
}

/**
 * The default mode's mail catcher: a local SMTP server that accepts every message and stores it
 * as an .eml file, so nothing is ever delivered to the internet and a person can read what was
 * sent (the /dev/mail pages). Not used when SMTP_URL is set.
 */
export class MailSink {
  private server?: SMTPServer;
  private listeners: ((mail: CaughtMail) => void)[] = [];
  private readonly summaries = new Map<string, Promise<CaughtMail>>();

  private readonly logger = new Logger(MailSink.name);

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Where the caught messages are (the default mode's organiser mailbox reads it). */
  get directory(): string {
    return this.dir;
  }

  async start(port: number, host = '127.0.0.1'): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      banner: 'overlegtafels mail sink (nothing leaves this machine)',
      size: 30 * 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const id = `${Date.now().toString().padStart(14, '0')}-${createHash('sha256').update(raw).digest('hex').slice(0, 12)}`;
          writeFileSync(path.join(this.dir, `${id}.eml`), raw);
          // Parsed only when someone listens: most mail is never looked at (list() parses it then).
          if (this.listeners.length) void this.summary(id).then((m) => this.listeners.forEach((l) => l(m)));
          callback();
        });
        void session;
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        // A client that dies in the middle of a message (a killed worker) resets its connection;
        // smtp-server reports that as an error event, which must not take the process down.
        server.on('error', (error: NodeJS.ErrnoException) => {
          this.logger.warn(`a connection ended in the middle of a message (${error.code ?? 'error'})`);
        });
        resolve();
      });
    });
    const address = server.server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  onMail(listener: (mail: CaughtMail) => void): void {
    this.listeners.push(listener);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Newest first. */
  async list(limit = 200): Promise<CaughtMail[]> {
    const ids = readdirSync(this.dir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => f.slice(0, -4))
      .sort()
      .reverse()
      .slice(0, limit);
    return Promise.all(ids.map((id) => this.summary(id)));
  }

  async read(id: string): Promise<CaughtMailDetail | undefined> {
    const file = this.file(id);
    if (!file) return undefined;
    const parsed = await simpleParser(readFileSync(file));
    return {
      ...this.header(id, parsed),
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : undefined,
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename ?? '(zonder naam)',
        contentType: a.contentType,
        size: a.size,
      })),
    };
  }

  raw(id: string): Buffer | undefined {
    const file = this.file(id);
    return file ? readFileSync(file) : undefined;
  }

  private file(id: string): string | undefined {
    // Ids come from URLs: only our own file-name shape is accepted, never a path.
    if (!/^\d{14}-[0-9a-f]{12}$/.test(id)) return undefined;
    const file = path.join(this.dir, `${id}.eml`);
    try {
      return statSync(file).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * A message's summary, parsed once: a caught message never changes, and a page or a test that
   * polls list() would otherwise parse every message again on every call.
   */
  private summary(id: string): Promise<CaughtMail> {
    let summary = this.summaries.get(id);
    if (!summary) {
      summary = simpleParser(readFileSync(this.file(id)!), {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipImageLinks: true,
      }).then((parsed) => this.header(id, parsed));
      this.summaries.set(id, summary);
      // A read that failed is tried again next time.
      summary.catch(() => this.summaries.delete(id));
    }
    return summary;
  }

  private header(id: string, parsed: Awaited<ReturnType<typeof simpleParser>>): CaughtMail {
    const addresses = (v: unknown): string[] => {
      const list = Array.isArray(v) ? v : v ? [v] : [];
      return list
        .flatMap((a: { value?: { address?: string }[] }) => (a.value ?? []).map((x) => x.address ?? ''))
        .filter(Boolean);
    };
    return {
      id,
      receivedAt: new Date(Number(id.slice(0, 14))),
      from: addresses(parsed.from)[0] ?? '',
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      messageId: parsed.messageId,
    };
  }
}
