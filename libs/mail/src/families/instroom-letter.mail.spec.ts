import { composer, decided } from '../testing/every-mail.test-util';
import { zdt } from '../testing/mail-fixtures.test-util';

describe('letter after "ketenaanpak met casusregie"', () => {
  it('gives the start and the first vervolgoverleg; who directs it is behind login', async () => {
    const mail = await composer.instroomLetter({
      ...decided,
      startDate: zdt('2026-12-07T00:00'),
      vervolgoverleg: zdt('2027-01-12T00:00'),
    });
    expect(mail.text).toContain(
      'Het dossier stroomt in de ketenaanpak in, met casusregie vanaf maandag 7 december 2026.',
    );
    expect(mail.text).toContain('Het eerste vervolgoverleg is vastgelegd op dinsdag 12 januari 2027.');
    expect(mail.text).toContain('Wie de casusregie voert en hoe u samenwerkt, ziet u na het inloggen');
  });

  it('without a date the first Weegploeg is the first vervolgoverleg', async () => {
    const mail = await composer.instroomLetter({ ...decided, startDate: zdt('2026-12-07T00:00') });
    expect(mail.text).toContain(
      'Het eerste vervolgoverleg is de eerste Weegploeg, waar het plan van aanpak besproken wordt.',
    );
  });

  it('when casusregie awaits the consent, says from when the casusregisseur takes it up, not why', async () => {
    const mail = await composer.instroomLetter({
      ...decided,
      startDate: zdt('2026-12-07T00:00'),
      awaitingConsent: true,
    });
    expect(mail.text).toContain(
      'Het dossier stroomt in de ketenaanpak in, de casusregisseur neemt het op vanaf maandag 7 december 2026.',
    );
    expect(mail.text).not.toContain('instemming');
  });
});
