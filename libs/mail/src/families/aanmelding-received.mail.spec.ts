import { DateTime } from 'luxon';
import { parseInvitation } from '../testing/ics.test-util';
import { alice, detailsUrl, ico, icoSlot, stamp, zdt } from '../testing/mail-fixtures.test-util';
import { EVERY_MAIL, composer } from '../testing/every-mail.test-util';

describe('aanmelding received', () => {
  it('says the slot is provisional until the freeze, in the agreed words', async () => {
    const mail = await EVERY_MAIL['aanmelding-received']!();
    expect(mail.text).toContain('vrijdag 4 december 2026, 10:00–10:30, onder voorbehoud tot donderdag 13:00');
    expect(mail.html).toContain('vrijdag 4 december 2026, 10:00–10:30, onder voorbehoud tot donderdag 13:00');
    expect(mail.text).toContain('Op donderdag 3 december 2026 om 13:00 wordt de agenda definitief.');
    const parsed = parseInvitation(mail.ics!.content);
    expect(parsed.status).toBe('TENTATIVE');
    expect(parsed.summary).toBe('Verkennend casusoverleg (ICO): CO3-2026-0042, aanmelding');
    expect(parsed.start).toBe('2026-12-04T09:00:00.000Z');
  });
});

describe('time zones', () => {
  it('renders the same mail whatever zone the inputs are in', async () => {
    const render = (shift: (d: DateTime) => DateTime) =>
      composer.aanmeldingReceived({
        recipient: alice,
        session: { ...ico, start: shift(ico.start), end: shift(ico.end) },
        slot: { ...icoSlot, start: shift(icoSlot.start), end: shift(icoSlot.end) },
        freezeAt: shift(zdt('2026-12-03T13:00')),
        detailsUrl,
        invitation: { sequence: 0, stamp: shift(stamp) },
      });
    const base = await render((d) => d);
    for (const zone of ['utc', 'America/New_York', 'Pacific/Kiritimati']) {
      const other = await render((d) => d.setZone(zone));
      expect(other).toEqual(base);
    }
  });
});
