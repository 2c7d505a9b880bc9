import { alice, code42, ico } from '../testing/mail-fixtures.test-util';
import { composer } from '../testing/every-mail.test-util';
import { webLink } from '../mail-values';

const dossierUrl = webLink('https://overlegtafels.example.be/dossiers/CO3-2026-0042');
const letter = (parketmeldingAdvies: boolean) =>
  composer.adviceLetter({ recipient: alice, session: ico, dossier: code42, dossierUrl, parketmeldingAdvies });

describe('advice letter', () => {
  it('says the advice always covers a safety plan and links to the advice behind login', async () => {
    const mail = await letter(false);
    expect(mail.text).toContain(
      'Op vrijdag 4 december 2026 werd uw aanmelding CO3-2026-0042 besproken in de zitting Verkennend ' +
        'casusoverleg (ICO). De partners besloten dat een ketenaanpak nu niet aangewezen is.',
    );
    expect(mail.text).toContain(
      'Het advies bevat:\n– advies voor het opmaken van een veiligheidsplan, zoals bij elke aanmelding die niet instroomt;\n\n',
    );
    expect(mail.text).not.toContain('parket');
    expect(mail.text).toContain(
      'Het advies zoals de partners het formuleerden, leest u na het inloggen op de pagina van het dossier:\n' +
        'https://overlegtafels.example.be/dossiers/CO3-2026-0042',
    );
    expect(mail.html).toContain('href="https://overlegtafels.example.be/dossiers/CO3-2026-0042"');
    expect(mail.ics).toBeUndefined();
  });

  it('names the advice to report to the parket when the ICO gave it, with the support on offer', async () => {
    const mail = await letter(true);
    expect(mail.text).toContain('– het advies om het parket in te lichten (een parketmelding).');
    expect(mail.text).toContain('een sjabloon voor de parketmelding');
    expect(mail.html).toContain('<br>– het advies om het parket in te lichten (een parketmelding).');
  });
});
