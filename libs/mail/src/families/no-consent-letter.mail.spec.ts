import { composer, decided } from '../testing/every-mail.test-util';

describe('letter after "geen instemming"', () => {
  it('says casusregie waits for an adult family member, points to the advice and counts the returns', async () => {
    const mail = await composer.noConsentLetter({ ...decided, hasAdvice: true, returnsLeft: 1 });
    expect(mail.text).toContain(
      'maar geen van de gezinsleden stemt ermee in. Casusregie kan pas starten zodra minstens één volwassen gezinslid instemt.',
    );
    expect(mail.text).toContain(
      'De partners geven u advies om intussen de veiligheid te verhogen. U leest het na het inloggen op de pagina van het dossier. ' +
        'U kunt nog één keer terugkomen naar het verkennend casusoverleg',
    );
    expect(mail.text).toContain('https://overlegtafels.example.be/dossiers/CO3-2026-0042');
  });

  it('without advice says nothing of it, and says when no return is left', async () => {
    const mail = await composer.noConsentLetter({ ...decided, hasAdvice: false, returnsLeft: 0 });
    expect(mail.text).not.toContain('advies');
    expect(mail.text).toContain('U kwam al zo vaak terug naar het verkennend casusoverleg als mogelijk is.');
    await expect(
      composer.noConsentLetter({ ...decided, hasAdvice: false, returnsLeft: -1 }),
    ).rejects.toMatchObject({
      code: 'INVALID_COUNT',
    });
  });
});
