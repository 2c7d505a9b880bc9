import { EVERY_MAIL } from '../testing/every-mail.test-util';

describe('letter after "herbespreking"', () => {
  it('invites the aanmelder to the aanvullend verkennend casusoverleg and says when the invitation comes', async () => {
    const mail = await EVERY_MAIL['herbespreking-letter']!();
    expect(mail.text).toContain(
      'Het dossier komt daarom terug op de zitting Verkennend casusoverleg (ICO) van vrijdag 18 december 2026, als aanvullend verkennend casusoverleg.',
    );
    expect(mail.text).toContain(
      'U bent daar uitgenodigd voor uw agendapunt. Het precieze tijdstip en de uitnodiging voor uw agenda krijgt u wanneer de agenda vertrekt, op donderdag 17 december 2026 om 13:00.',
    );
    expect(mail.text).toContain('Welke informatie ontbreekt en wie wat meebrengt, leest u na het inloggen');
  });
});
