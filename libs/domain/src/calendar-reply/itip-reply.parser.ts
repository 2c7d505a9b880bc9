/**
 * An iTIP REPLY (RFC 5546 §3.2.3) as the organiser's mailbox receives it: one VEVENT with the UID
 * and SEQUENCE of the invitation it answers and one ATTENDEE whose PARTSTAT is the answer. The
 * parser is strict on purpose: anything a calendar client does not write for a plain answer (a
 * second attendee or event, a second METHOD, a recurrence, control characters, an oversized file)
 * is refused with a code, never half-read.
 */

export const REPLY_PARTSTATS = ['ACCEPTED', 'TENTATIVE', 'DECLINED'] as const;
export type ReplyPartstat = (typeof REPLY_PARTSTATS)[number];

export interface ItipReply {
  readonly uid: string;
  readonly sequence: number;
  /** The answering attendee's address, lower case, without "mailto:". */
  readonly attendee: string;
  readonly partstat: ReplyPartstat;
}

export const REPLY_REFUSALS = [
  'TOO_LARGE',
  'MALFORMED',
  'NOT_A_REPLY',
  'ONE_EVENT_EXPECTED',
  'ONE_ATTENDEE_EXPECTED',
  'DUPLICATE_PROPERTY',
  'RECURRENCE_UNSUPPORTED',
  'BAD_UID',
  'BAD_SEQUENCE',
  'BAD_ATTENDEE',
  'UNSUPPORTED_PARTSTAT',
] as const;
export type ReplyParseRefusal = (typeof REPLY_REFUSALS)[number];

export type ReplyParse =
  { readonly ok: true; readonly reply: ItipReply } | { readonly ok: false; readonly code: ReplyParseRefusal };

/** More than any answer a client writes (a few kB with its VTIMEZONE). */
export const MAX_REPLY_CHARS = 64 * 1024;
const MAX_LINES = 500;
const MAX_LINE = 4096;
const COMPONENTS = new Set(['VCALENDAR', 'VEVENT', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT', 'VALARM']);
/** Properties a VEVENT of a reply holds once at most. */
const ONCE = new Set(['UID', 'SEQUENCE', 'DTSTAMP', 'DTSTART', 'DTEND', 'ORGANIZER', 'SUMMARY', 'STATUS']);
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

interface Line {
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
  readonly value: string;
}

/** One content line: NAME *(;PARAM=VALUE) : VALUE, the parameter values quoted or plain. */
function parseLine(raw: string): Line | undefined {
  const name = /^[A-Za-z][A-Za-z0-9-]*/.exec(raw)?.[0];
  if (!name) return undefined;
  const params = new Map<string, string>();
  let at = name.length;
  while (raw[at] === ';') {
    const m = /^;([A-Za-z][A-Za-z0-9-]*)=("[^"]*"|[^";:,]*(?:,[^";:,]*)*)/.exec(raw.slice(at));
    if (!m) return undefined;
    const key = m[1]!.toUpperCase();
    if (params.has(key)) return undefined;
    params.set(key, m[2]!.replace(/^"|"$/g, ''));
    at += m[0].length;
  }
  if (raw[at] !== ':') return undefined;
  return { name: name.toUpperCase(), params, value: raw.slice(at + 1) };
}

export function parseItipReply(text: string): ReplyParse {
  const no = (code: ReplyParseRefusal): ReplyParse => ({ ok: false, code });
  if (text.length > MAX_REPLY_CHARS) return no('TOO_LARGE');
  // Only TAB, CR and LF of the control characters; a bare CR, or LF without CR, is read as a break.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029]/.test(text)) return no('MALFORMED');
  const lines = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  if (lines.length > MAX_LINES || lines.some((l) => l.length > MAX_LINE)) return no('TOO_LARGE');
  const stack: string[] = [];
  let method: string | undefined;
  let methods = 0;
  let events = 0;
  let calendars = 0;
  const event = new Map<string, Line[]>();
  for (const raw of lines) {
    const line = parseLine(raw);
    if (!line) return no('MALFORMED');
    if (line.name === 'BEGIN' || line.name === 'END') {
      const component = line.value.toUpperCase();
      if (!COMPONENTS.has(component)) return no('MALFORMED');
      if (line.name === 'BEGIN') {
        if (component === 'VCALENDAR' && (stack.length > 0 || ++calendars > 1)) return no('MALFORMED');
        if (component !== 'VCALENDAR' && stack.length === 0) return no('MALFORMED');
        if (component === 'VEVENT' && (stack.at(-1) !== 'VCALENDAR' || ++events > 1))
          return no('ONE_EVENT_EXPECTED');
        stack.push(component);
      } else if (stack.pop() !== component) return no('MALFORMED');
      continue;
    }
    const inside = stack.at(-1);
    if (!inside) return no('MALFORMED');
    if (inside === 'VCALENDAR' && line.name === 'METHOD') {
      methods += 1;
      method = line.value.toUpperCase();
    }
    if (inside === 'VEVENT') event.set(line.name, [...(event.get(line.name) ?? []), line]);
  }
  if (stack.length > 0 || calendars !== 1) return no('MALFORMED');
  if (methods !== 1 || method !== 'REPLY') return no('NOT_A_REPLY');
  if (events !== 1) return no('ONE_EVENT_EXPECTED');
  for (const [name, found] of event) if (ONCE.has(name) && found.length > 1) return no('DUPLICATE_PROPERTY');
  if (event.has('RECURRENCE-ID') || event.has('RRULE')) return no('RECURRENCE_UNSUPPORTED');
  const attendees = event.get('ATTENDEE') ?? [];
  if (attendees.length !== 1) return no('ONE_ATTENDEE_EXPECTED');
  const uid = event.get('UID')?.[0]?.value ?? '';
  if (!/^[\x21-\x7e]{1,255}$/.test(uid)) return no('BAD_UID');
  const sequenceText = event.get('SEQUENCE')?.[0]?.value ?? '0';
  if (!/^\d{1,9}$/.test(sequenceText)) return no('BAD_SEQUENCE');
  const attendee = attendees[0]!;
  const address = /^mailto:(.+)$/i.exec(attendee.value)?.[1]?.toLowerCase() ?? '';
  if (address.length > 254 || !EMAIL.test(address)) return no('BAD_ATTENDEE');
  const partstat = (attendee.params.get('PARTSTAT') ?? '').toUpperCase();
  if (!(REPLY_PARTSTATS as readonly string[]).includes(partstat)) return no('UNSUPPORTED_PARTSTAT');
  return {
    ok: true,
    reply: { uid, sequence: Number(sequenceText), attendee: address, partstat: partstat as ReplyPartstat },
  };
}
