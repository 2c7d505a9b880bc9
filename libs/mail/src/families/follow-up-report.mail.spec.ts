import { webLink } from '../mail-values';
import { alice, code42 } from '../testing/mail-fixtures.test-util';
import { composer } from '../testing/every-mail.test-util';

describe('follow-up report', () => {
  it('tells the Ronde Tafel coordinators the six-month report is in, the answer behind login', async () => {
    const link = webLink('https://overlegtafels.example.be/dossiers/CO3-2026-0042#vervolghulp');
    const mail = await composer.followUpReport({ recipient: alice, dossier: code42, link });
    expect(mail.subject).toBe('Vervolghulp: CO3-2026-0042 – CO3 Antwerpen');
    expect(mail.text).toContain(
      'Voor dossier CO3-2026-0042 heeft de casusregisseur de controle zes maanden na de afronding ingevuld',
    );
    expect(mail.text).toContain('Het antwoord leest u na inloggen op de pagina van het dossier');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
  });
});
