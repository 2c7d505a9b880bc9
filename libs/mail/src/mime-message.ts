import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { IcsMethod } from './calendar-invitation';
import { isEmailAddress, LINE_BREAKING, MailValueError } from './mail-values';

/**
 * The MIME message of an outbox row, assembled here rather than by nodemailer's composer.
 *
 * Why: an agenda goes to every standing member with the same text and HTML (about 20 kB); only the
 * headers and the invitation differ. Composing each message from scratch means detecting the
 * encoding of and quoted-printable-encoding the same 20 kB once per recipient, which was most of
 * the sender's CPU. Here a body is encoded once (`encodeBody`, kept in memory by the sender) and
 * each message adds only its headers and its invitation (`mimeMessage`). nodemailer still does the
 * SMTP part, with the message handed over as is.
 *
 * The structure is the one nodemailer gives an `icalEvent` (RFC 6047 §2.4):
 *
 *   multipart/mixed
 *     multipart/alternative
 *       text/plain; charset=utf-8                      (quoted-printable)
 *       text/html; charset=utf-8                       (quoted-printable)
 *       text/calendar; charset=utf-8; method=REQUEST   (quoted-printable)
 *     application/ics; name=uitnodiging.ics            (base64, attachment)
 *
 * without the calendar parts (and the mixed level) when there is no invitation, and a lone
 * text/plain when there is no HTML either.
 */

/** A body encoded once, to be put into any number of messages. */
export interface EncodedBody {
  /** The text/plain part: its headers, a blank line and the quoted-printable content. */
  readonly text: string;
  /** The text/html part likewise, if the mail has HTML. */
  readonly html: string | null;
}

export const INVITATION_FILENAME = 'uitnodiging.ics';

const CRLF = '\r\n';

/** Every line break (CRLF, lone CR, lone LF) becomes CRLF, as SMTP and MIME require. */
function crlf(value: string): string {
  return value.replace(/\r\n|\r|\n/g, CRLF);
}

/** Quoted-printable content with lines of at most 76 characters (RFC 2045 §6.7). */
function quotedPrintable(value: string): string {
  return qpWrap(qpEncode(Buffer.from(crlf(value), 'utf8')), 76);
}

function part(contentType: string, content: string): string {
  return `Content-Type: ${contentType}${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${quotedPrintable(content)}`;
}

export function encodeBody(text: string, html: string | null): EncodedBody {
  return {
    text: part('text/plain; charset=utf-8', text),
    html: html === null ? null : part('text/html; charset=utf-8', html),
  };
}

export interface MimeMessageInput {
  /** From and Sender: `"Name" <address>` or a bare address (the sending mailbox). */
  readonly from: string;
  /** The one recipient: a bare address. */
  readonly to: string;
  readonly subject: string;
  /** `<local@host>`: fixed per outbox row, so a resend is recognisably the same message. */
  readonly messageId: string;
  readonly date: Date;
  readonly body: EncodedBody;
  readonly ics?: { readonly method: IcsMethod; readonly content: string } | null;
}

export interface MimeMessage {
  /** SMTP envelope: the sending mailbox and the recipient. */
  readonly envelope: { readonly from: string; readonly to: string };
  /** The message as it goes over the wire (ASCII, CRLF line ends). */
  readonly raw: Buffer;
}

/**
 * Assembles one message. Anything that could add a header (a line break in a header value) or a
 * MIME part (a boundary in the content) is refused or cannot occur: header values are checked,
 * and the boundaries start with "=_", which quoted-printable (where "=" is always followed by a
 * hex pair or a line end) and base64 never produce.
 */
export function mimeMessage(input: MimeMessageInput): MimeMessage {
  for (const [field, value] of [
    ['from', input.from],
    ['to', input.to],
    ['subject', input.subject],
    ['messageId', input.messageId],
  ] as const) {
    if (LINE_BREAKING.test(value)) {
      throw new MailValueError('UNSAFE_HEADER', `${field}: a line break or control character in a header`);
    }
  }
  if (!isEmailAddress(input.to))
    throw new MailValueError('INVALID_EMAIL_ADDRESS', 'to: not an e-mail address');
  if (!/^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/.test(input.messageId)) {
    throw new MailValueError('UNSAFE_HEADER', 'messageId: not of the form <local@host>');
  }
  const sender = mailbox(input.from);
  const ics = input.ics ?? null;
  if (
    ics &&
    ((ics.method !== 'REQUEST' && ics.method !== 'CANCEL') ||
      !ics.content.includes(`${CRLF}METHOD:${ics.method}${CRLF}`))
  ) {
    throw new MailValueError(
      'UNSAFE_ICS',
      `ics: method ${String(ics.method)} does not match its METHOD line`,
    );
  }

  const boundary = boundaryFor(input.messageId);
  const headers = [
    `From: ${sender.header}`,
    `Sender: ${sender.header}`,
    `To: ${input.to}`,
    foldLines(`Subject: ${headerText(input.subject)}`, 76),
    `Message-ID: ${input.messageId}`,
    `Date: ${rfc5322Date(input.date)}`,
    'MIME-Version: 1.0',
  ];
  const { text, html } = input.body;
  let body: string;
  if (!ics && html === null) {
    body = `${headers.join(CRLF)}${CRLF}${text}`;
  } else {
    const alternatives = [text, ...(html === null ? [] : [html])];
    if (ics) alternatives.push(part(`text/calendar; charset=utf-8; method=${ics.method}`, ics.content));
    const alternative = multipart('alternative', `${boundary}a`, alternatives);
    if (!ics) {
      body = `${headers.join(CRLF)}${CRLF}${alternative}`;
    } else {
      const attachment =
        `Content-Type: application/ics; name=${INVITATION_FILENAME}${CRLF}` +
        `Content-Disposition: attachment; filename=${INVITATION_FILENAME}${CRLF}` +
        `Content-Transfer-Encoding: base64${CRLF}${CRLF}` +
        base64Lines(ics.content);
      body = `${headers.join(CRLF)}${CRLF}${multipart('mixed', `${boundary}m`, [alternative, attachment])}`;
    }
  }
  return { envelope: { from: sender.address, to: input.to }, raw: Buffer.from(body, 'latin1') };
}

/** A multipart entity: its Content-Type header, a blank line, the parts between boundaries. */
function multipart(subtype: 'mixed' | 'alternative', boundary: string, parts: readonly string[]): string {
  let out = `Content-Type: multipart/${subtype};${CRLF} boundary="${boundary}"${CRLF}${CRLF}`;
  for (const p of parts) out += `--${boundary}${CRLF}${p}${CRLF}`;
  return `${out}--${boundary}--${CRLF}`;
}

/** Derived from the Message-ID, so a resend of the same row is the same message byte for byte (but its Date). */
function boundaryFor(messageId: string): string {
  return `=_ot_${createHash('sha256').update(messageId).digest('hex').slice(0, 32)}_`;
}

function base64Lines(content: string): string {
  const encoded = Buffer.from(content, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

/** Printable ASCII stays as it is; anything else becomes RFC 2047 encoded words. */
function headerText(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : encodeWords(value, 'Q', 52);
}

/** `Name <address>`, the name quoted when it needs to be or, when it is not ASCII, encoded (RFC 5322, RFC 2047). */
function mailbox(value: string): { header: string; address: string } {
  const parsed = addressparser(value, { flatten: true });
  const first = parsed[0];
  if (parsed.length !== 1 || !first || !isEmailAddress(first.address)) {
    throw new MailValueError('INVALID_EMAIL_ADDRESS', 'from: not one mailbox');
  }
  const name = first.name.trim();
  if (!name) return { header: first.address, address: first.address };
  // Words of atext stand as they are (RFC 5322 §3.2.5 phrase); other ASCII is quoted; anything
  // beyond ASCII becomes encoded words.
  const shown = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/.test(name)
    ? name
    : /^[\x20-\x7e]*$/.test(name)
      ? `"${name.replace(/(["\\])/g, '\\$1')}"`
      : encodeWords(name, 'Q', 52);
  return { header: `${shown} <${first.address}>`, address: first.address };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** RFC 5322 §3.3 date-time in Brussels time with its offset, e.g. "Mon, 23 Nov 2026 21:05:00 +0100". */
export function rfc5322Date(instant: Date): string {
  const t = DateTime.fromJSDate(instant, { zone: 'Europe/Brussels' });
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = t.offset;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${DAYS_EN[t.weekday - 1]}, ${two(t.day)} ${MONTHS_EN[t.month - 1]} ${t.year} ` +
    `${two(t.hour)}:${two(t.minute)}:${two(t.second)} ${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`
  );
}
