import { bob, detailsUrl, weegploeg, zdt } from '../testing/mail-fixtures.test-util';
import { EVERY_MAIL, composer, weegploegSlot } from '../testing/every-mail.test-util';

describe('item moved', () => {
  it('tells a moved guest where the item went, and why', async () => {
    const mail = await EVERY_MAIL['item-moved']!();
    expect(mail.text).toContain(
      'staat niet meer op de zitting Weegploeg van dinsdag 1 december 2026. Het komt aan bod op dinsdag 15 december 2026, 13:00–13:30.',
    );
    expect(mail.text).toContain('Reden: x\nATTENDEE:mailto:evil@example.org\nBCC: x@example.org');
    expect(mail.html).toContain('Reden: x<br>\nATTENDEE:mailto:evil@example.org<br>\nBCC: x@example.org');
  });

  it('leaves out what was not given', async () => {
    const mail = await composer.itemMoved({
      recipient: bob,
      from: weegploeg,
      to: { ...weegploeg, start: zdt('2026-12-15T13:00'), end: zdt('2026-12-15T16:00') },
      slot: { ...weegploegSlot, start: zdt('2026-12-15T13:00'), end: zdt('2026-12-15T13:30') },
      reason: ' \r\n ',
      detailsUrl,
    });
    expect(mail.text).not.toContain('Reden');
    expect(mail.ics).toBeUndefined();
    expect(mail.text).toContain('Beste Pieter Claes,');
  });
});
