import { webLink } from '../mail-values';
import { alice, code42, zdt } from '../testing/mail-fixtures.test-util';
import { composer } from '../testing/every-mail.test-util';

describe('no consent found after the ICO', () => {
  const link = webLink('https://overlegtafels.example.be/dossiers/CO3-2026-0042');
  const base = { recipient: alice, dossier: code42, establishedOn: zdt('2026-12-07T00:00'), link };

  it('tells the aanmelder that casusregie does not start and how often they may come back', async () => {
    const mail = await composer.noConsentFound({ ...base, role: 'aanmelder', returnsLeft: 2 });
    expect(mail.subject).toBe('Geen instemming: CO3-2026-0042 – CO3 Antwerpen');
    expect(mail.text).toContain(
      'Op maandag 7 december 2026 bleek dat geen van de gezinsleden instemt. De casusregie start daarom niet.',
    );
    expect(mail.text).toContain('U kunt nog 2 keer terugkomen naar het verkennend casusoverleg');
    expect(mail.text).toContain('Bij acuut gevaar belt u 112.');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.text).not.toContain('De aanmelder kan');
  });

  it('says so when no return is left', async () => {
    const mail = await composer.noConsentFound({ ...base, role: 'aanmelder', returnsLeft: 0 });
    expect(mail.text).toContain('U kwam al zo vaak terug naar het verkennend casusoverleg als mogelijk is.');
    expect(mail.text).not.toContain('U kunt');
  });

  it('tells the ICO’s coordinators, with the returns the aanmelder has left', async () => {
    const mail = await composer.noConsentFound({ ...base, role: 'coordinator', returnsLeft: 1 });
    expect(mail.subject).toBe('Geen instemming: CO3-2026-0042 – CO3 Antwerpen');
    expect(mail.text).toContain(
      'Voor dossier CO3-2026-0042 stelde de casusregisseur op maandag 7 december 2026 vast dat geen volwassen gezinslid instemt met de ketenaanpak.',
    );
    expect(mail.text).toContain('De aanmelder kan nog één keer terugkomen naar het verkennend casusoverleg.');
    expect(mail.text).not.toContain('uw aanmelding');
  });

  it('refuses a count that is not one', async () => {
    await expect(composer.noConsentFound({ ...base, role: 'aanmelder', returnsLeft: -1 })).rejects.toThrow(
      'returnsLeft is not a count',
    );
  });
});
