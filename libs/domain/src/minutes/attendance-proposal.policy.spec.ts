import { proposedGuestPresence, proposedPartnerAttendance } from './attendance-proposal.policy';

const answer = (partstat: 'ACCEPTED' | 'TENTATIVE' | 'DECLINED' | null, beforeChange = false) => ({
  partstat,
  beforeChange,
});

describe('the verslag’s attendance proposed from the calendar answers', () => {
  it.each([
    ['one accepted', [answer('ACCEPTED')], 'aanwezig'],
    ['one accepted, a colleague declined', [answer('DECLINED'), answer('ACCEPTED')], 'aanwezig'],
    ['everyone declined', [answer('DECLINED'), answer('DECLINED')], 'verontschuldigd'],
    ['one declined, a colleague did not answer', [answer('DECLINED'), answer(null)], null],
    ['tentative only', [answer('TENTATIVE')], null],
    ['no answer', [answer(null)], null],
    ['nobody invited', [], null],
    ['accepted before the session moved', [answer('ACCEPTED', true)], null],
    ['declined before the session moved', [answer('DECLINED', true)], null],
  ] as const)('%s: %s', (_what, answers, expected) => {
    expect(proposedPartnerAttendance(answers)).toBe(expected);
  });

  it('proposes a guest present only on an accepted answer to their slot’s current invitation', () => {
    expect(proposedGuestPresence(answer('ACCEPTED'))).toBe(true);
    expect(proposedGuestPresence(answer('ACCEPTED', true))).toBe(false);
    expect(proposedGuestPresence(answer('TENTATIVE'))).toBe(false);
    expect(proposedGuestPresence(answer('DECLINED'))).toBe(false);
    expect(proposedGuestPresence(undefined)).toBe(false);
  });
});
