import { label, webLink } from '../mail-values';
import { alice, code42, formUrl, zdt } from '../testing/mail-fixtures.test-util';
import { EVERY_MAIL, composer } from '../testing/every-mail.test-util';

describe('reminder', () => {
  it('reminds the owner with the due date and the pre-filled form', async () => {
    const mail = await EVERY_MAIL.reminder!();
    expect(mail.text).toContain(
      'Voor dossier CO3-2026-0042 staat het volgende gepland: eerste plan van aanpak, uiterlijk op maandag 1 februari 2027.',
    );
    expect(mail.text).toContain(formUrl);
    expect(mail.html).toContain(`href="${formUrl.replace(/&/g, '&amp;')}"`);
  });

  it('sends the owner of a manual obligation to the follow-up page instead of the agendering form', async () => {
    const opvolging = webLink('https://overlegtafels.example.be/opvolging');
    const mail = await composer.reminder({
      recipient: alice,
      dossier: code42,
      obligation: label('Afstemming met de consulent van OCJ/SDJ'),
      due: zdt('2027-02-01T09:00'),
      formUrl: opvolging,
      manual: true,
    });
    expect(mail.subject).toBe('Herinnering: CO3-2026-0042 – uiterlijk 1 februari 2027 – CO3 Antwerpen');
    expect(mail.text).toContain('Een taak die u zelf afrondt, markeert u daar als afgerond');
    expect(mail.text).not.toContain('agenderingsformulier');
    expect(mail.html).toContain('Naar mijn opvolging');
    expect(mail.html).not.toContain('Agendering indienen');
  });

  it('sends the owner of an obligation done by its form to the obligation’s page', async () => {
    const page = webLink('https://overlegtafels.example.be/opvolging/0b9e4d2c-8a71-4f3e-b6c5-1a2d3e4f5a6b');
    const mail = await composer.reminder({
      recipient: alice,
      dossier: code42,
      obligation: label('Controle zes maanden na de afronding'),
      due: zdt('2027-03-08T09:00'),
      formUrl: page,
      form: true,
    });
    expect(mail.text).toContain(
      'Op de pagina van de taak vult u het korte formulier in; daarmee is ze afgerond:',
    );
    expect(mail.text).toContain(page);
    expect(mail.text).not.toContain('korte notitie');
    expect(mail.html).toContain('Formulier invullen');
    expect(mail.html).not.toContain('Agendering indienen');
  });
});
