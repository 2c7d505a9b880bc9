import { guestSlotUid, sessionUid } from '../calendar-invitation';
import { parseInvitation } from '../testing/ics.test-util';
import { ITEM_ID, bob, detailsUrl, identity, stamp, weegploeg } from '../testing/mail-fixtures.test-util';
import { EVERY_MAIL, composer, weegploegSlot } from '../testing/every-mail.test-util';

describe('session cancelled', () => {
  it('cancels the session entry (METHOD:CANCEL, STATUS:CANCELLED) and says where items go', async () => {
    const mail = await EVERY_MAIL['session-cancelled']!();
    expect(mail.ics!.method).toBe('CANCEL');
    const parsed = parseInvitation(mail.ics!.content);
    expect(parsed).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: 3,
      uid: sessionUid(weegploeg.id, identity.uidHost),
    });
    expect(mail.text).toContain(
      'De zitting Weegploeg van dinsdag 1 december 2026 (13:00–16:00) gaat niet door.',
    );
    expect(mail.text).toContain('volgende zitting op dinsdag 15 december 2026');
  });

  it('cancels a guest’s own slot entry when asked', async () => {
    const mail = await composer.sessionCancelled({
      recipient: bob,
      session: weegploeg,
      detailsUrl,
      cancellation: { sequence: 1, stamp, slot: weegploegSlot },
    });
    const parsed = parseInvitation(mail.ics!.content);
    expect(parsed.uid).toBe(guestSlotUid(ITEM_ID, identity.uidHost));
    expect(parsed.start).toBe('2026-12-01T12:30:00.000Z');
    expect(mail.text).not.toMatch(/Reden|volgende zitting/);
  });
});
