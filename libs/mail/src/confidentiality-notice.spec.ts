import { readFileSync } from 'node:fs';
import path from 'node:path';
import { confidentialityNotice } from './confidentiality-notice';
import { defaultTemplatesDir } from './mail-templates';

describe('the confidentiality notice', () => {
  it('is the mails’ footer paragraph, the same in the text and the HTML footer', () => {
    const notice = confidentialityNotice();
    expect(notice.mail).toMatch(/^Vertrouwelijk: deze e-mail is alleen bestemd voor de geadresseerde/);
    expect(notice.mail).toContain('gedeeld beroepsgeheim (art. 458ter Strafwetboek)');
    const mjml = readFileSync(path.join(defaultTemplatesDir(), 'partials', 'footer.mjml'), 'utf8');
    expect(mjml).toContain(notice.mail);
  });

  it('speaks of the document on paper, with the same legal basis', () => {
    const { document } = confidentialityNotice();
    expect(document).toBe(
      'Vertrouwelijk: dit document is alleen bestemd voor de geadresseerde en valt onder het gedeeld ' +
        'beroepsgeheim (art. 458ter Strafwetboek). Stuur het niet door. Kreeg u het per vergissing? ' +
        'Laat het ons weten en verwijder het.',
    );
  });
});
