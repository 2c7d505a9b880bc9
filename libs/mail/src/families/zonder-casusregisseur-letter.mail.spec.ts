import { EVERY_MAIL } from '../testing/every-mail.test-util';

describe('letter after "ketenaanpak zonder casusregisseur"', () => {
  it('tells the aanmelder the ketenaanpak is needed, that they go on with the tables, and how to reach the criminologists', async () => {
    const mail = await EVERY_MAIL['zonder-casusregisseur-letter']!();
    expect(mail.text).toContain(
      'De partners oordelen dat er nood is aan een ketenaanpak, omwille van de hoog-risicosituatie. Er is nu echter geen casusregisseur beschikbaar.',
    );
    expect(mail.text).toContain('u kunt de overlegtafels gebruiken voor een herbespreking en voor feedback');
    expect(mail.text).toContain('U bereikt hen op criminologen@co3.example.be.');
    expect(mail.html).toContain('<strong>criminologen@co3.example.be</strong>');
  });
});
