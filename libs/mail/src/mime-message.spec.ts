import { simpleParser } from 'mailparser';
import { MailComposer } from './mail-composer';
import { encodeBody, mimeMessage, MimeMessageInput, rfc5322Date } from './mime-message';
import { toOutboxContent } from './outgoing-mail';
import { alice, detailsUrl, ico, identity, icoSlot, stamp } from './testing/mail-fixtures.test-util';
import { findPart, mimeTree } from './testing/mime-tree.test-util';

const composer = new MailComposer(identity);

async function invitation() {
  return composer.guestInvitation({
    recipient: alice,
    session: ico,
    slot: icoSlot,
    detailsUrl,
    invitation: { sequence: 0, stamp },
  });
}

const SENT = new Date('2026-11-23T08:15:00Z');

async function messageOf(overrides: Partial<MimeMessageInput> = {}) {
  const mail = await invitation();
  const input: MimeMessageInput = {
    from: mail.from,
    to: alice.address,
    subject: mail.subject,
    messageId: '<x1@overlegtafels.example.be>',
    date: SENT,
    body: encodeBody(mail.text, mail.html),
    ics: mail.ics ?? null,
    ...overrides,
  };
  const message = mimeMessage(input);
  const raw = message.raw.toString('latin1');
  return { mail, message, raw, parsed: await simpleParser(message.raw) };
}

describe('mimeMessage', () => {
  it('builds an iMIP message: text, HTML and the invitation as alternatives, the .ics attached', async () => {
    const { mail, message, raw, parsed } = await messageOf();
    const tree = mimeTree(raw);
    expect(tree.contentType).toBe('multipart/mixed');
    expect(tree.children.map((c) => c.contentType)).toEqual(['multipart/alternative', 'application/ics']);
    const alternative = findPart(tree, 'multipart/alternative')!;
    expect(alternative.children.map((c) => [c.contentType, c.transferEncoding])).toEqual([
      ['text/plain', 'quoted-printable'],
      ['text/html', 'quoted-printable'],
      ['text/calendar', 'quoted-printable'],
    ]);
    expect(alternative.children[2]!.method).toBe('REQUEST');
    expect(tree.children[1]).toMatchObject({
      disposition: 'attachment',
      filename: 'uitnodiging.ics',
      transferEncoding: 'base64',
    });

    // What a mail client reads back is what was rendered.
    expect(parsed.text).toBe(mail.text.replace(/\r?\n/g, '\n'));
    expect(parsed.html).toBe(mail.html);
    expect(parsed.attachments.map((a) => [a.contentType, a.content.toString('utf8')])).toEqual([
      ['text/calendar', mail.ics!.content],
      ['application/ics', mail.ics!.content],
    ]);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.messageId).toBe('<x1@overlegtafels.example.be>');
    expect(parsed.from!.value).toEqual([{ address: 'overlegtafels@co3.example.be', name: 'CO3 Antwerpen' }]);
    expect(raw).toMatch(/^From: CO3 Antwerpen <overlegtafels@co3\.example\.be>\r$/m);
    expect(raw).toMatch(/^Sender: CO3 Antwerpen <overlegtafels@co3\.example\.be>\r$/m);
    expect(parsed.date?.toISOString()).toBe(SENT.toISOString());
    expect(message.envelope).toEqual({ from: 'overlegtafels@co3.example.be', to: alice.address });
  });

  it('writes only ASCII lines of at most 78 characters, ending in CRLF', async () => {
    const { raw } = await messageOf({
      subject:
        'Uitnodiging: CO3-2026-0042, aanmelding – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen',
    });
    expect(raw).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = raw.split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(78);
    const subjectHead = raw.slice(raw.indexOf('Subject:'), raw.indexOf('\r\nMessage-ID:'));
    expect(subjectHead.split('\r\n').length).toBeGreaterThan(1);
  });

  it('encodes a body once for any number of messages, and the same row twice to the same bytes', async () => {
    const mail = await invitation();
    const body = encodeBody(mail.text, mail.html);
    const one = (messageId: string, to: string = alice.address) =>
      mimeMessage({ from: mail.from, to, subject: mail.subject, messageId, date: SENT, body, ics: mail.ics });
    const a = one('<a@example.be>');
    expect(one('<a@example.be>').raw.equals(a.raw)).toBe(true);
    const b = one('<b@example.be>', 'pieter.claes@politie.example.org');
    expect(b.raw.equals(a.raw)).toBe(false);
    // Both carry the same encoded text part.
    expect(a.raw.toString('latin1')).toContain(body.text);
    expect(b.raw.toString('latin1')).toContain(body.text);
  });

  it('sends a mail without invitation as alternatives only, and one without HTML as plain text', async () => {
    const test = await composer.test({ recipient: alice, sentAt: stamp });
    const plain = {
      from: test.from,
      to: alice.address,
      subject: test.subject,
      messageId: '<t@example.be>',
      date: SENT,
    };
    const withHtml = mimeMessage({ ...plain, body: encodeBody(test.text, test.html) });
    expect(mimeTree(withHtml.raw.toString('latin1')).children.map((c) => c.contentType)).toEqual([
      'text/plain',
      'text/html',
    ]);
    expect(withHtml.raw.toString('latin1')).not.toMatch(/text\/calendar|application\/ics/);
    const textOnly = mimeMessage({ ...plain, body: encodeBody('Regel één\nRegel twee\r\nen\rdrie', null) });
    const parsed = await simpleParser(textOnly.raw);
    expect(mimeTree(textOnly.raw.toString('latin1')).contentType).toBe('text/plain');
    expect(parsed.text).toBe('Regel één\nRegel twee\nen\ndrie');
    expect(parsed.subject).toBe('Testbericht – CO3 Antwerpen');
  });

  it('keeps a body that imitates a boundary or a header inside its part', async () => {
    const mail = await invitation();
    const first = mimeMessage({
      from: mail.from,
      to: alice.address,
      subject: mail.subject,
      messageId: '<h@example.be>',
      date: SENT,
      body: encodeBody('x', null),
      ics: mail.ics,
    });
    const boundary = /boundary="([^"]+)"/.exec(first.raw.toString('latin1'))![1]!;
    const hostile = `begin\r\n--${boundary}\r\nContent-Type: text/html\r\n\r\n<script>x</script>\r\n--${boundary}--\r\n.\r\nBcc: evil@example.org\r\nend`;
    const message = mimeMessage({
      from: mail.from,
      to: alice.address,
      subject: mail.subject,
      messageId: '<h@example.be>',
      date: SENT,
      body: encodeBody(hostile, null),
      ics: mail.ics,
    });
    const parsed = await simpleParser(message.raw);
    expect(parsed.text).toBe(hostile.replace(/\r\n/g, '\n'));
    expect(parsed.html).toBeFalsy();
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.attachments).toHaveLength(2);
  });

  it('encodes a sender name that is not ASCII, and quotes one with quotes', async () => {
    const { parsed } = await messageOf({ from: '"Veilig Huis Oost-Vlaanderen – Gent" <vh@example.be>' });
    expect(parsed.from!.value).toEqual([
      { address: 'vh@example.be', name: 'Veilig Huis Oost-Vlaanderen – Gent' },
    ]);
    const quoted = await messageOf({ from: '"CO3 \\"Antwerpen\\", regio" <co3@example.be>' });
    expect(quoted.parsed.from!.value).toEqual([
      { address: 'co3@example.be', name: 'CO3 "Antwerpen", regio' },
    ]);
    expect(quoted.raw).toMatch(/^From: "CO3 \\"Antwerpen\\", regio" <co3@example\.be>\r$/m);
  });

  it('refuses header values that break lines, a second address, and an invitation whose method does not match', async () => {
    const mail = await invitation();
    const base: MimeMessageInput = {
      from: mail.from,
      to: alice.address,
      subject: mail.subject,
      messageId: '<r@example.be>',
      date: SENT,
      body: encodeBody('x', null),
      ics: mail.ics,
    };
    const refused = (overrides: Partial<MimeMessageInput>, code: string, field: string) =>
      expect(() => mimeMessage({ ...base, ...overrides })).toThrow(
        expect.objectContaining({ code, message: expect.stringContaining(field) }),
      );
    refused({ subject: 'a\r\nBcc: evil@example.org' }, 'UNSAFE_HEADER', 'subject');
    refused({ subject: 'a\rb' }, 'UNSAFE_HEADER', 'subject');
    refused({ subject: 'a\u2028b' }, 'UNSAFE_HEADER', 'subject');
    refused({ to: 'lotte@example.org\nBcc: evil@example.org' }, 'UNSAFE_HEADER', 'to');
    refused({ to: 'lotte@example.org, evil@example.org' }, 'INVALID_EMAIL_ADDRESS', 'to');
    refused({ from: 'a@example.be, b@example.be' }, 'INVALID_EMAIL_ADDRESS', 'from');
    refused({ messageId: '<a b@example.be>' }, 'UNSAFE_HEADER', 'messageId');
    refused({ messageId: 'x@example.be' }, 'UNSAFE_HEADER', 'messageId');
    refused({ ics: { method: 'CANCEL', content: mail.ics!.content } }, 'UNSAFE_ICS', 'ics');
    refused(
      {
        ics: {
          method: 'PUBLISH' as 'REQUEST',
          content: mail.ics!.content.replace('METHOD:REQUEST', 'METHOD:PUBLISH'),
        },
      },
      'UNSAFE_ICS',
      'ics',
    );
  });

  it('dates the message in Brussels time with its offset', () => {
    expect(rfc5322Date(new Date('2026-11-23T08:15:00Z'))).toBe('Mon, 23 Nov 2026 09:15:00 +0100');
    expect(rfc5322Date(new Date('2026-07-02T22:30:05Z'))).toBe('Fri, 03 Jul 2026 00:30:05 +0200');
  });

  it('stores a rendered mail in the outbox columns', async () => {
    const mail = await invitation();
    expect(toOutboxContent(mail)).toEqual({
      fromAddress: '"CO3 Antwerpen" <overlegtafels@co3.example.be>',
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      icsMethod: 'REQUEST',
      icsContent: mail.ics!.content,
    });
    const test = await composer.test({ recipient: alice, sentAt: stamp });
    expect(toOutboxContent(test)).toMatchObject({ icsMethod: null, icsContent: null });
  });
});
