import { MAX_REPLY_CHARS, parseItipReply } from './itip-reply.parser';

const UID = 'session-6f0c2a8e-4b7d-4c1e-9a3f-2d5e8b1c7a90@overlegtafels.example.be';

/** A reply as Outlook or Thunderbird writes one (fictitious attendee). */
function reply(overrides: { event?: string[]; calendar?: string[]; attendee?: string } = {}): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fictief//Agenda//NL',
    ...(overrides.calendar ?? ['METHOD:REPLY']),
    'BEGIN:VEVENT',
    `UID:${UID}`,
    'SEQUENCE:2',
    'DTSTAMP:20261124T091500Z',
    'ORGANIZER;CN="CO3 Antwerpen":mailto:overlegtafels@co3.example.be',
    overrides.attendee ?? 'ATTENDEE;PARTSTAT=ACCEPTED;CN="Lotte V":MAILTO:Lotte.Vermeulen@caw.example.org',
    ...(overrides.event ?? []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('parseItipReply', () => {
  it('reads UID, SEQUENCE, the attendee (lower case) and the answer', () => {
    expect(parseItipReply(reply())).toEqual({
      ok: true,
      reply: { uid: UID, sequence: 2, attendee: 'lotte.vermeulen@caw.example.org', partstat: 'ACCEPTED' },
    });
  });

  it.each(['ACCEPTED', 'TENTATIVE', 'DECLINED', 'declined'])('takes PARTSTAT %s', (partstat) => {
    const parsed = parseItipReply(reply({ attendee: `ATTENDEE;PARTSTAT=${partstat}:mailto:a@example.org` }));
    expect(parsed).toMatchObject({ ok: true, reply: { partstat: partstat.toUpperCase() } });
  });

  it('unfolds folded lines and takes a missing SEQUENCE as 0', () => {
    const folded = reply({ attendee: 'ATTENDEE;PARTSTAT=TENTA\r\n TIVE:mailto:a@exa\r\n mple.org' }).replace(
      'SEQUENCE:2\r\n',
      '',
    );
    expect(parseItipReply(folded)).toEqual({
      ok: true,
      reply: { uid: UID, sequence: 0, attendee: 'a@example.org', partstat: 'TENTATIVE' },
    });
  });

  it.each<[string, string, string]>([
    ['a REQUEST', reply({ calendar: ['METHOD:REQUEST'] }), 'NOT_A_REPLY'],
    ['no METHOD', reply({ calendar: [] }), 'NOT_A_REPLY'],
    ['a second METHOD', reply({ calendar: ['METHOD:REPLY', 'METHOD:REQUEST'] }), 'NOT_A_REPLY'],
    [
      'a second attendee',
      reply({ event: ['ATTENDEE;PARTSTAT=ACCEPTED:mailto:b@example.org'] }),
      'ONE_ATTENDEE_EXPECTED',
    ],
    ['no attendee', reply({ attendee: 'COMMENT:x' }), 'ONE_ATTENDEE_EXPECTED'],
    ['a second UID', reply({ event: ['UID:other@example.org'] }), 'DUPLICATE_PROPERTY'],
    ['a second SEQUENCE', reply({ event: ['SEQUENCE:9'] }), 'DUPLICATE_PROPERTY'],
    [
      'a second event',
      reply().replace('END:VCALENDAR', `BEGIN:VEVENT\r\nUID:${UID}\r\nEND:VEVENT\r\nEND:VCALENDAR`),
      'ONE_EVENT_EXPECTED',
    ],
    ['a recurrence', reply({ event: ['RECURRENCE-ID:20261201T120000Z'] }), 'RECURRENCE_UNSUPPORTED'],
    [
      'DELEGATED',
      reply({ attendee: 'ATTENDEE;PARTSTAT=DELEGATED:mailto:a@example.org' }),
      'UNSUPPORTED_PARTSTAT',
    ],
    ['no PARTSTAT', reply({ attendee: 'ATTENDEE:mailto:a@example.org' }), 'UNSUPPORTED_PARTSTAT'],
    ['a non-mailto attendee', reply({ attendee: 'ATTENDEE;PARTSTAT=ACCEPTED:urn:x' }), 'BAD_ATTENDEE'],
    [
      'a hostile address',
      reply({ attendee: 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@example.org,b@x.org' }),
      'BAD_ATTENDEE',
    ],
    ['a negative SEQUENCE', reply().replace('SEQUENCE:2', 'SEQUENCE:-1'), 'BAD_SEQUENCE'],
    ['a SEQUENCE that is no number', reply().replace('SEQUENCE:2', 'SEQUENCE:2x'), 'BAD_SEQUENCE'],
    ['a UID with a space', reply().replace(`UID:${UID}`, 'UID:a b'), 'BAD_UID'],
    ['a NUL byte', reply().replace('DTSTAMP', 'DT\u0000STAMP'), 'MALFORMED'],
    ['a line separator', reply().replace('DTSTAMP', 'X\u2028DTSTAMP'), 'MALFORMED'],
    ['an unknown component', reply({ event: ['BEGIN:VTODO', 'END:VTODO'] }), 'MALFORMED'],
    ['an unbalanced END', reply().replace('END:VEVENT', 'END:VTIMEZONE'), 'MALFORMED'],
    ['no calendar', 'hallo', 'MALFORMED'],
    ['a line without a colon', reply({ event: ['NOCOLON'] }), 'MALFORMED'],
    [
      'a duplicated parameter',
      reply({ attendee: 'ATTENDEE;PARTSTAT=ACCEPTED;PARTSTAT=DECLINED:mailto:a@example.org' }),
      'MALFORMED',
    ],
    ['an oversized file', reply({ event: [`COMMENT:${'x'.repeat(MAX_REPLY_CHARS)}`] }), 'TOO_LARGE'],
    ['an oversized line', reply({ event: [`COMMENT:${'x'.repeat(5000)}`] }), 'TOO_LARGE'],
  ])('refuses %s', (_what, text, code) => {
    expect(parseItipReply(text)).toEqual({ ok: false, code });
  });
});
