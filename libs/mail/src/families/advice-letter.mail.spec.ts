import { alice, code42, ico } from '../testing/mail-fixtures.test-util';
import { composer } from '../testing/every-mail.test-util';

describe('advice letter', () => {
  it('escapes the advice in HTML, keeps it verbatim in text, and keeps its line breaks', async () => {
    const mail = await composer.adviceLetter({
      recipient: alice,
      session: ico,
      dossier: code42,
      adviceText: 'Eerste lijn.\r\nTweede lijn met <script>alert("x")</script> & meer.\n\nNieuwe alinea.',
      safetyPlanAdvice: 'Maak een veiligheidsplan met de moeder.',
    });
    expect(mail.html).toContain(
      'Eerste lijn.<br>\nTweede lijn met &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer.<br>\n<br>\nNieuwe alinea.',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain(
      'Eerste lijn.\nTweede lijn met <script>alert("x")</script> & meer.\n\nNieuwe alinea.',
    );
    expect(mail.text).toContain('ADVIES OVER EEN VEILIGHEIDSPLAN\n\nMaak een veiligheidsplan met de moeder.');
    expect(mail.html).toContain('Advies over een veiligheidsplan');
    expect(mail.text).toContain('besproken in de zitting Verkennend casusoverleg (ICO)');
    expect(mail.ics).toBeUndefined();
  });

  it('is never sent without safety-plan advice', async () => {
    const input = { recipient: alice, session: ico, dossier: code42, adviceText: 'Advies.' };
    await expect(composer.adviceLetter({ ...input, safetyPlanAdvice: ' \n\t ' })).rejects.toMatchObject({
      code: 'EMPTY_TEXT',
    });
    await expect(
      composer.adviceLetter({ ...input, adviceText: '', safetyPlanAdvice: 'x' }),
    ).rejects.toMatchObject({ code: 'EMPTY_TEXT' });
  });
});
