import { webLink } from '../mail-values';
import { alice, code42, zdt } from '../testing/mail-fixtures.test-util';
import { composer } from '../testing/every-mail.test-util';

describe('casusregie change', () => {
  const dossierUrl = webLink('https://overlegtafels.example.be/dossiers/CO3-2026-0042');
  const opvolgingUrl = webLink('https://overlegtafels.example.be/opvolging');

  it('tells the new casusregisseur from when the dossier and its open tasks are theirs', async () => {
    const mail = await composer.casusregieChange({
      recipient: alice,
      dossier: code42,
      role: 'nieuw',
      effectiveDate: zdt('2026-12-07T00:00'),
      link: dossierUrl,
    });
    expect(mail.subject).toBe('Casusregie: CO3-2026-0042 – CO3 Antwerpen');
    expect(mail.text).toContain(
      'Vanaf maandag 7 december 2026 bent u de casusregisseur van dossier CO3-2026-0042. De openstaande opvolgingstaken van het dossier staan vanaf nu op uw naam',
    );
    expect(mail.text).toContain(dossierUrl);
    expect(mail.html).toContain(`href="${dossierUrl}"`);
    expect(mail.html).toContain('Naar het dossier');
    expect(mail.text).not.toContain('geen toegang meer');
  });

  it('tells the previous one that the casusregie and its tasks went to someone else, without saying who', async () => {
    const mail = await composer.casusregieChange({
      recipient: alice,
      dossier: code42,
      role: 'vorig',
      effectiveDate: zdt('2026-12-07T00:00'),
      link: opvolgingUrl,
    });
    expect(mail.subject).toBe('Casusregie: CO3-2026-0042 – CO3 Antwerpen');
    expect(mail.text).toContain(
      'Vanaf maandag 7 december 2026 is de casusregie van dossier CO3-2026-0042 overgedragen aan een andere casusregisseur.',
    );
    expect(mail.text).toContain('u hebt geen toegang meer tot het dossier.');
    expect(mail.text).toContain(opvolgingUrl);
    expect(mail.html).toContain('Naar mijn opvolging');
    expect(mail.text).not.toContain('bent u de casusregisseur');
  });
});
