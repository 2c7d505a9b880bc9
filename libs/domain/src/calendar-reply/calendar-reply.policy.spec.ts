import { decideReply, ReplyContext } from './calendar-reply.policy';
import type { ItipReply } from './itip-reply.parser';

const reply: ItipReply = {
  uid: 'session-s1@overlegtafels.example.be',
  sequence: 3,
  attendee: 'lotte.vermeulen@caw.example.org',
  partstat: 'TENTATIVE',
};
const context: ReplyContext = {
  session: { id: 's1', ofThisRegion: true, sequence: 3 },
  senders: ['Lotte.Vermeulen@caw.example.org'],
  invited: [
    { email: 'pieter.claes@politie.example.org', personId: 'p2' },
    { email: 'LOTTE.vermeulen@caw.example.org', personId: 'p1' },
  ],
};

describe('decideReply', () => {
  it('applies the answer of an invited attendee, sent by them, to the current version', () => {
    expect(decideReply(reply, context)).toEqual({
      kind: 'apply',
      sessionId: 's1',
      agendaItemId: null,
      email: 'lotte.vermeulen@caw.example.org',
      personId: 'p1',
      partstat: 'TENTATIVE',
      sequence: 3,
    });
  });

  it('ignores an answer to an older version (a lower SEQUENCE)', () => {
    expect(decideReply({ ...reply, sequence: 2 }, context)).toEqual({
      kind: 'ignore',
      code: 'STALE_SEQUENCE',
    });
  });

  it.each<[string, Partial<ReplyContext>, Partial<ItipReply>, string]>([
    ['a UID that is none of our sessions', { session: undefined }, {}, 'UNKNOWN_SESSION'],
    [
      'a session of another region',
      { session: { id: 's1', ofThisRegion: false, sequence: 3 } },
      {},
      'OTHER_REGION',
    ],
    [
      'a From that is not the attendee',
      { senders: ['pieter.claes@politie.example.org'] },
      {},
      'SENDER_NOT_ATTENDEE',
    ],
    [
      'a Sender besides the attendee’s From',
      { senders: ['lotte.vermeulen@caw.example.org', 'x@example.org'] },
      {},
      'SENDER_NOT_ATTENDEE',
    ],
    ['no sender at all', { senders: [] }, {}, 'SENDER_NOT_ATTENDEE'],
    [
      'an attendee who holds no invitation',
      { senders: ['eva@example.org'] },
      { attendee: 'eva@example.org' },
      'NOT_INVITED',
    ],
    ['a SEQUENCE we never sent', {}, { sequence: 4 }, 'FUTURE_SEQUENCE'],
  ])('refuses %s', (_what, ctx, r, code) => {
    expect(decideReply({ ...reply, ...r }, { ...context, ...ctx })).toEqual({ kind: 'refuse', code });
  });

  it('checks the region before anything the reply claims', () => {
    expect(
      decideReply(reply, {
        ...context,
        session: { id: 's1', ofThisRegion: false, sequence: 3 },
        senders: [],
      }),
    ).toEqual({ kind: 'refuse', code: 'OTHER_REGION' });
  });

  describe('an answer to a guest’s slot invitation', () => {
    const slot: ReplyContext = {
      // The slot's own SEQUENCE (its agendapunt's), not the session's.
      session: { id: 's1', ofThisRegion: true, sequence: 1, agendaItemId: 'item-1' },
      senders: ['eva.aanmelder@example.org'],
      invited: [{ email: 'eva.aanmelder@example.org', personId: null }],
    };
    const answer: ItipReply = {
      uid: 'slot-item-1@overlegtafels.example.be',
      sequence: 1,
      attendee: 'eva.aanmelder@example.org',
      partstat: 'DECLINED',
    };

    it('counts for the session the slot is on, marked with its agendapunt', () => {
      expect(decideReply(answer, slot)).toEqual({
        kind: 'apply',
        sessionId: 's1',
        agendaItemId: 'item-1',
        email: 'eva.aanmelder@example.org',
        personId: null,
        partstat: 'DECLINED',
        sequence: 1,
      });
    });

    it.each<[string, Partial<ReplyContext>, Partial<ItipReply>, object]>([
      ['an older slot SEQUENCE', {}, { sequence: 0 }, { kind: 'ignore', code: 'STALE_SEQUENCE' }],
      [
        'a guest answering for another',
        { senders: ['pieter.claes@politie.example.org'] },
        {},
        { kind: 'refuse', code: 'SENDER_NOT_ATTENDEE' },
      ],
      [
        'someone who holds the session but not this slot',
        { senders: ['lotte.vermeulen@caw.example.org'] },
        { attendee: 'lotte.vermeulen@caw.example.org' },
        { kind: 'refuse', code: 'NOT_INVITED' },
      ],
    ])('%s changes nothing', (_what, ctx, r, outcome) => {
      expect(decideReply({ ...answer, ...r }, { ...slot, ...ctx })).toEqual(outcome);
    });
  });
});
