import { HOSTILE, composer, decided, EVERY_MAIL } from '../testing/every-mail.test-util';
import { zdt } from '../testing/mail-fixtures.test-util';
import { webLink } from '../mail-values';

describe('mail to the appointed casusregisseur', () => {
  it('gives the start, the bijkomend casusoverleg, the first obligations with their due dates and both links', async () => {
    const mail = await EVERY_MAIL['casusregie-appointed']!();
    expect(mail.text).toContain(
      'De zitting Verkennend casusoverleg (ICO) van vrijdag 4 december 2026 stelde u aan als casusregisseur van dossier CO3-2026-0042. De casusregie start op maandag 7 december 2026.',
    );
    expect(mail.text).toContain(
      'U was niet op het verkennend casusoverleg. Op donderdag 10 december 2026 volgt een bijkomend casusoverleg',
    );
    expect(mail.text).toContain(
      'Het eerste vervolgoverleg is de eerste Weegploeg, met het eerste plan van aanpak.',
    );
    expect(mail.text).toContain(
      'Uw eerste opvolging:\n– Bijkomend casusoverleg met de casusregisseur: uiterlijk donderdag 10 december 2026 om 17:00\n' +
        `– Eerste plan van aanpak op de Weegploeg x ATTENDEE:mailto:evil@example.org BCC: x@example.org\\;,<script>alert(1)</script>{{subject}}: uiterlijk maandag 1 februari 2027 om 12:00`,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="https://overlegtafels.example.be/opvolging"');
    expect(mail.text).toContain(
      'Uw opvolging, waar u taken als afgerond markeert:\nhttps://overlegtafels.example.be/opvolging',
    );
    expect(HOSTILE).toContain('<script>');
  });

  it('gives the vervolgoverleg date the ICO set, and says so when nothing is planned yet', async () => {
    const mail = await composer.casusregieAppointed({
      ...decided,
      startDate: zdt('2026-12-07T00:00'),
      vervolgoverleg: zdt('2027-01-12T00:00'),
      obligations: [],
      opvolgingUrl: webLink('https://overlegtafels.example.be/opvolging'),
    });
    expect(mail.text).toContain('Het eerste vervolgoverleg is vastgelegd op dinsdag 12 januari 2027.');
    expect(mail.text).not.toContain('bijkomend');
    expect(mail.text).toContain('Uw eerste opvolging: er staat nog niets gepland.');
  });

  it('says casusregie waits for the consent when the ICO appointed the casusregisseur without it', async () => {
    const mail = await composer.casusregieAppointed({
      ...decided,
      startDate: zdt('2026-12-07T00:00'),
      awaitingConsent: true,
      obligations: [],
      opvolgingUrl: webLink('https://overlegtafels.example.be/opvolging'),
    });
    expect(mail.text).toContain(
      'U neemt het dossier op vanaf maandag 7 december 2026. De casusregie start zodra u de instemming van ' +
        'minstens één volwassen gezinslid registreert op de pagina van het dossier; tot dan is ze in afwachting van instemming.',
    );
    expect(mail.text).not.toContain('De casusregie start op');
    expect(mail.html).toContain('in afwachting van instemming');
  });
});
