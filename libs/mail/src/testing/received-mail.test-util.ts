import { simpleParser } from 'mailparser';
import type { MailSink } from '../mail-sink';

/** One MIME part as it is on the wire: its type, parameters, disposition and decoded body. */
export interface MimePart {
  type: string;
  params: Record<string, string>;
  disposition: string | null;
  filename: string | null;
  body: string;
  parts: MimePart[];
}

function headerBlock(raw: string): { head: Map<string, string[]>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const headText = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const head = new Map<string, string[]>();
  for (const line of headText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    head.set(name, [...(head.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { head, body };
}

function parameters(value: string): { main: string; params: Record<string, string> } {
  const [main, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { main: (main ?? '').trim().toLowerCase(), params };
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    default:
      return body;
  }
}

/** The MIME tree of a raw message, with every leaf's body decoded. */
export function mimeTree(raw: string): MimePart & { headers: Map<string, string[]> } {
  const parse = (text: string): MimePart & { headers: Map<string, string[]> } => {
    const { head, body } = headerBlock(text);
    const type = parameters(head.get('content-type')?.[0] ?? 'text/plain');
    const disp = head.get('content-disposition')?.[0];
    const disposition = disp ? parameters(disp) : undefined;
    const part = {
      headers: head,
      type: type.main,
      params: type.params,
      disposition: disposition?.main ?? null,
      filename: disposition?.params.filename ?? type.params.name ?? null,
      body: '',
      parts: [] as MimePart[],
    };
    if (type.main.startsWith('multipart/') && type.params.boundary) {
      const chunks = body.split(`--${type.params.boundary}`).slice(1, -1);
      part.parts = chunks.map((c) => parse(c.replace(/^\r?\n/, '')));
    } else {
      part.body = decode(body, head.get('content-transfer-encoding')?.[0]);
    }
    return part;
  };
  return parse(raw);
}

export function leaves(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}

export interface ReceivedMail {
  raw: string;
  to: string;
  subject: string;
  messageId: string;
  headers: Map<string, string[]>;
  tree: MimePart;
  text: string;
  /** The text/calendar part inside multipart/alternative, if any. */
  calendar?: { method: string | undefined; content: string };
  /** The .ics attachment, if any. */
  attachment?: { filename: string | null; content: string };
}

/** Each sink's messages as parsed: a caught message never changes, and tests poll this. */
const parsedOf = new WeakMap<MailSink, Map<string, ReceivedMail>>();

/** Every message the sink holds, parsed (each once), oldest first. */
export async function receivedMails(sink: MailSink): Promise<ReceivedMail[]> {
  let parsed = parsedOf.get(sink);
  if (!parsed) {
    parsed = new Map();
    parsedOf.set(sink, parsed);
  }
  const out: ReceivedMail[] = [];
  for (const summary of (await sink.list(5_000)).reverse()) {
    const known = parsed.get(summary.id);
    if (known) {
      out.push(known);
      continue;
    }
    const mail = await parseReceived(sink, summary);
    parsed.set(summary.id, mail);
    out.push(mail);
  }
  return out;
}

async function parseReceived(sink: MailSink, summary: { id: string; to: string[] }): Promise<ReceivedMail> {
  const raw = sink.raw(summary.id)!.toString('utf8');
  const tree = mimeTree(raw);
  const parsed = await simpleParser(raw);
  const all = leaves(tree);
  const alternative = [tree, ...tree.parts].find((p) => p.type === 'multipart/alternative');
  const calendarPart = alternative?.parts.find((p) => p.type === 'text/calendar');
  const attachmentPart = all.find((p) => p.type !== 'text/calendar' && p.filename?.endsWith('.ics'));
  return {
    raw,
    to: summary.to.join(','),
    subject: parsed.subject ?? '',
    messageId: parsed.messageId ?? '',
    headers: tree.headers,
    tree,
    text: parsed.text ?? '',
    ...(calendarPart ? { calendar: { method: calendarPart.params.method, content: calendarPart.body } } : {}),
    ...(attachmentPart
      ? { attachment: { filename: attachmentPart.filename, content: attachmentPart.body } }
      : {}),
  };
}
