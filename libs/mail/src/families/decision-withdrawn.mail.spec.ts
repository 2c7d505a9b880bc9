import { alice, code42, zdt } from '../testing/mail-fixtures.test-util';
import { composer } from '../testing/every-mail.test-util';
import { label, webLink } from '../mail-values';

describe('decision withdrawn or changed', () => {
  const dossierUrl = webLink('https://overlegtafels.example.be/dossiers/CO3-2026-0042#beslissingen');
  const input = {
    recipient: alice,
    dossier: code42,
    session: { table: label('Verkennend casusoverleg (ICO)'), start: zdt('2026-12-04T09:30') },
    dossierUrl,
  };

  it('says the decision of that zitting was withdrawn, with the code only in the subject and no reason', async () => {
    const mail = await composer.decisionWithdrawn({ ...input, change: 'ingetrokken' });
    expect(mail.subject).toBe('Beslissing ingetrokken: CO3-2026-0042 – CO3 Antwerpen');
    expect(mail.text).toContain(
      'De beslissing van de zitting Verkennend casusoverleg (ICO) van vrijdag 4 december 2026 over dossier CO3-2026-0042, waarover u een e-mail kreeg, werd ingetrokken.',
    );
    expect(mail.text).toContain('de opvolgingstaken die ze plande zijn geannuleerd');
    expect(mail.text).toContain('Het agendapunt wacht opnieuw op een beslissing van de tafel.');
    expect(mail.text).toContain(dossierUrl);
    expect(mail.html).toContain(`href="${dossierUrl}"`);
    expect(mail.text).not.toContain('gewijzigd');
  });

  it('says a changed decision was changed and that a new one sends its own mail', async () => {
    const mail = await composer.decisionWithdrawn({ ...input, change: 'gewijzigd' });
    expect(mail.subject).toBe('Beslissing gewijzigd: CO3-2026-0042 – CO3 Antwerpen');
    expect(mail.text).toContain('werd gewijzigd.');
    expect(mail.text).toContain('Volgt er voor u iets uit de nieuwe beslissing, dan krijgt u daarover een aparte e-mail.');
    expect(mail.text).not.toContain('ingetrokken');
    expect(mail.html).toContain('Beslissing gewijzigd');
  });
});
