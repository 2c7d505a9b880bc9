/**
 * The values the rendering layer accepts, as branded strings.
 *
 * Subjects, calendar summaries and descriptions may only carry dossier codes and configured
 * labels (table, region, item type), never names or case content. A plain `string` does not
 * type-check where one of these brands is expected, so free text cannot reach a subject or an
 * ICS summary by accident; the only way to get a brand is through the validating constructors
 * below, which also guarantee that no value can break a mail header or an ICS line.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A dossier code such as `CO3-2026-0042`. */
export type DossierCode = Brand<string, 'DossierCode'>;
/** A configured, single-line name: table, region, item type, obligation, location. */
export type Label = Brand<string, 'Label'>;
/** Where a session takes place: a room and an address on one line ("Zaal 2, Straat 1, 2000 Stad"). */
export type Place = Brand<string, 'Place'>;
/** A bare, conservative e-mail address (no display name). */
export type EmailAddress = Brand<string, 'EmailAddress'>;
/** An absolute http(s) link to a page of the service (behind login). */
export type WebLink = Brand<string, 'WebLink'>;
/** A UUID, as the database hands them out; used to derive calendar UIDs. */
export type Uuid = Brand<string, 'Uuid'>;
/** A DNS host name, the right-hand side of calendar UIDs. */
export type HostName = Brand<string, 'HostName'>;

export type MailValueErrorCode =
  | 'INVALID_DOSSIER_CODE'
  | 'INVALID_LABEL'
  | 'INVALID_EMAIL_ADDRESS'
  | 'INVALID_WEB_LINK'
  | 'INVALID_PLACE'
  | 'INVALID_UUID'
  | 'INVALID_HOST_NAME'
  | 'INVALID_DATE_TIME'
  | 'INVALID_SEQUENCE'
  | 'INVALID_ALARM'
  | 'INVALID_COUNT'
  | 'EMPTY_TEXT'
  | 'UNSAFE_HEADER'
  | 'UNSAFE_ICS';

/** A value the rendering layer refuses; `code` is stable, the message names the field. */
export class MailValueError extends Error {
  constructor(
    readonly code: MailValueErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MailValueError';
  }
}

// Regions other than CO3 use their own prefix (e.g. VH for Veilig Huis), so the prefix is not fixed.
const DOSSIER_CODE = /^[A-Z][A-Z0-9]{0,9}-\d{4}-\d{3,6}$/;
export function dossierCode(value: string): DossierCode {
  if (typeof value !== 'string' || !DOSSIER_CODE.test(value)) {
    throw new MailValueError('INVALID_DOSSIER_CODE', `not a dossier code: ${JSON.stringify(value)}`);
  }
  return value as DossierCode;
}

// Letters, digits, spaces and the punctuation the region configurations use ("Vraag (info- of
// expertisedeling)"). No comma, semicolon, backslash, quote or angle bracket: labels end up in
// mail headers, ICS TEXT values and quoted ICS parameters (CN), where those characters matter.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N} .'’()/&+-]{0,78}[\p{L}\p{N}.)])?$/u;
export function label(value: string): Label {
  if (typeof value !== 'string' || !LABEL.test(value) || /\s{2}/.test(value)) {
    throw new MailValueError('INVALID_LABEL', `not a label: ${JSON.stringify(value)}`);
  }
  return value as Label;
}

// A label with commas and a few address characters; still no semicolon, backslash, quote or angle
// bracket, and one line: a place ends up in a mail body and in an ICS LOCATION.
const PLACE = /^[\p{L}\p{N}](?:[\p{L}\p{N} .,'’()/&+:#-]{0,198}[\p{L}\p{N}.)])?$/u;
export function place(value: string): Place {
  if (typeof value !== 'string' || !PLACE.test(value) || /\s{2}/.test(value)) {
    throw new MailValueError(
      'INVALID_PLACE',
      "not a place (one line, letters, digits, spaces and .,'()/&+:#-)",
    );
  }
  return value as Place;
}

// Deliberately stricter than RFC 5322: what we cannot put unquoted in a header and in an ICS
// mailto: URI (quotes, spaces, commas, semicolons, backslashes) is refused, not escaped.
const EMAIL =
  /^[A-Za-z0-9._%+-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
/** The same rule as emailAddress(), as a check for form and API validation. */
export function isEmailAddress(value: unknown): value is EmailAddress {
  return typeof value === 'string' && EMAIL.test(value) && !value.includes('..');
}

export function emailAddress(value: string): EmailAddress {
  if (typeof value !== 'string' || !EMAIL.test(value) || value.includes('..')) {
    throw new MailValueError('INVALID_EMAIL_ADDRESS', `not an e-mail address: ${JSON.stringify(value)}`);
  }
  return value as EmailAddress;
}

// Links go into href attributes (HTML-escaped), plain text and ICS TEXT (escaped): they must be
// http(s) — never javascript: or data: — and free of anything that could end an attribute,
// a line or a word in a plain-text mail.
const LINK_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&()*+=%]+$/;
export function webLink(value: string): WebLink {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username !== '' ||
    url.password !== '' ||
    value.length > 2000 ||
    !LINK_CHARS.test(value)
  ) {
    throw new MailValueError('INVALID_WEB_LINK', `not an http(s) link: ${JSON.stringify(value)}`);
  }
  return value as WebLink;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function uuid(value: string): Uuid {
  if (typeof value !== 'string' || !UUID.test(value.toLowerCase())) {
    throw new MailValueError('INVALID_UUID', `not a UUID: ${JSON.stringify(value)}`);
  }
  // Lower case, so the same id always yields the same calendar UID.
  return value.toLowerCase() as Uuid;
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
export function hostName(value: string): HostName {
  if (typeof value !== 'string' || !HOST.test(value)) {
    throw new MailValueError('INVALID_HOST_NAME', `not a host name: ${JSON.stringify(value)}`);
  }
  return value as HostName;
}

/** The sending mailbox of a region: From, Sender and ORGANIZER of every message. */
export interface MailSender {
  readonly address: EmailAddress;
  readonly name: Label;
}

/** `"CO3 Antwerpen" <co3@example.be>`; labels contain no quote or backslash, so quoting is safe. */
export function formatSender(sender: MailSender): string {
  return `"${sender.name}" <${sender.address}>`;
}

// C0 and C1 controls (except TAB and LF, handled separately), DEL, the Unicode line and paragraph
// separators, and bidirectional overrides (which can make a text read differently than it is).
const STRIP =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Free text a user typed (advice text, a reason, a name) made fit for a mail body: every kind of
 * line break becomes LF (or a space for single-line values), other control characters go.
 * Escaping for HTML happens in the template engine; this only removes what no output wants.
 */
export function cleanText(value: string, options: { multiline?: boolean; maxLength?: number } = {}): string {
  const max = options.maxLength ?? (options.multiline ? 20_000 : 300);
  let text = String(value)
    .replace(/\r\n|\r|\n|\u0085|\u2028|\u2029/g, '\n')
    .replace(/\t/g, ' ')
    .replace(STRIP, '');
  if (options.multiline) {
    text = text
      .split('\n')
      .map((line) => line.replace(/\s+$/u, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } else {
    text = text.replace(/\s+/gu, ' ').trim();
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Any character that could end or fold a header line (or an ICS content line). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const LINE_BREAKING = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

/** Last line of defence for subjects: they are built from brands, but a header is never trusted blindly. */
export function assertHeaderSafe(value: string, field: string): string {
  if (LINE_BREAKING.test(value) || value.length === 0 || value.length > 250) {
    throw new MailValueError('UNSAFE_HEADER', `${field} is not a safe single header line`);
  }
  return value;
}
