import { guestSlotUid, sessionUid } from '../calendar-invitation';
import { parseInvitation } from '../testing/ics.test-util';
import { ITEM_ID, ico, identity } from '../testing/mail-fixtures.test-util';
import { EVERY_MAIL } from '../testing/every-mail.test-util';

describe('a guest’s slot from aanmelding to move', () => {
  it('keeps one calendar entry for the guest through confirmation and move', async () => {
    const [received, confirmed, moved] = await Promise.all(
      ['aanmelding-received', 'slot-confirmed', 'item-moved'].map((n) => EVERY_MAIL[n]!()),
    );
    const [a, b, c] = [received!, confirmed!, moved!].map((m) => parseInvitation(m.ics!.content));
    expect(a!.uid).toBe(guestSlotUid(ITEM_ID, identity.uidHost));
    expect(new Set([a!.uid, b!.uid, c!.uid]).size).toBe(1);
    expect([a!.sequence, b!.sequence, c!.sequence]).toEqual([0, 1, 2]);
    expect([a!.status, b!.status, c!.status]).toEqual(['TENTATIVE', 'CONFIRMED', 'CONFIRMED']);
    expect(c!.start).toBe('2026-12-15T12:00:00.000Z');
    expect(a!.uid).not.toBe(sessionUid(ico.id, identity.uidHost));
  });
});
