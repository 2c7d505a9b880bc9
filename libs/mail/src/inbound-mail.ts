import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';

/** A message of the organiser mailbox as far as its replies matter. */
export interface InboundMail {
  /** SHA-256 (hex) of the Message-ID, or of the whole message when it has none. */
  readonly key: string;
  /** From and Sender addresses, lower case. */
  readonly senders: string[];
  /** Its text/calendar parts: the METHOD the Content-Type names, and the text when it is UTF-8. */
  readonly calendars: InboundCalendar[];
}

export interface InboundCalendar {
  readonly method: string | undefined;
  /** undefined when the part's charset is not UTF-8 (or US-ASCII) or its bytes are no valid UTF-8. */
  readonly text: string | undefined;
}

const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii']);

function addresses(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((v: { value?: { address?: string }[] }) =>
    (v.value ?? []).flatMap((a) => (a.address ? [a.address.trim().toLowerCase()] : [])),
  );
}

/**
 * Reads the headers and calendar parts of a received message (mailparser). The calendar text is
 * decoded here, strictly: a part that declares another charset, or whose bytes are not UTF-8, has
 * no text (iCalendar is UTF-8, RFC 5545 §3.1.4), so no other decoding ever reaches the parser.
 */
export async function readInboundMail(raw: Buffer): Promise<InboundMail> {
  const parsed = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const messageId = parsed.messageId?.trim();
  const key = createHash('sha256')
    .update(messageId ? `id:${messageId}` : raw)
    .digest('hex');
  const calendars: InboundCalendar[] = [];
  for (const part of parsed.attachments) {
    if (part.contentType?.toLowerCase() !== 'text/calendar' && !/\.ics$/i.test(part.filename ?? '')) continue;
    const params =
      (part.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params ?? {};
    const charset = (params.charset ?? 'utf-8').toLowerCase();
    let text: string | undefined;
    if (UTF8.has(charset)) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(part.content);
      } catch {
        text = undefined;
      }
    }
    calendars.push({ method: params.method?.toUpperCase(), text });
  }
  return {
    key,
    senders: [...new Set([...addresses(parsed.from), ...addresses(parsed.headers.get('sender'))])],
    calendars,
  };
}
