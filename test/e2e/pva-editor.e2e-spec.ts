import type { Browser } from 'playwright-core';
import { ControlledClock } from '@overlegtafels/testing';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { familyInCasusregie } from '../support/plan-van-aanpak';

const CODE = 'CO3-2026-0007';

/**
 * The plan van aanpak's editor in a browser (no script of ours on the page): a casusregisseur
 * records the risk picture, marks the IFG profiles, adds rows (one refused first, its input kept), changes and removes one,
 * agendeert the plan on the Weegploeg with the leidraad's answers, and opens the frozen version.
 */
browserSuite('in a browser: the plan van aanpak editor', () => {
  let t: TestApp;
  let browser: Browser;
  const clock = new ControlledClock('2026-11-23T09:00:00+01:00');

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    // A family in casusregie through the real use cases: the aanmelding, then the ICO's decision.
    await familyInCasusregie(t, clock, [
      { label: 'Persoon A', role: 'slachtoffer', age: 41 },
      { label: 'Persoon B', role: 'pleger', age: 43 },
    ]);
    // The casusregisseur's risk picture: escalation present, the social network not known yet.
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const recorded = await tom.post(`/api/dossiers/${CODE}/risicotaxatie`, {
      factors: [
        { factorKey: 'geweld-escalatie', mark: 'aanwezig', motivation: 'Escalatie sinds de scheiding.' },
        { factorKey: 'sociaal-geen-steun', mark: 'niet-gekend' },
      ],
    });
    if (recorded.status !== 201) throw new Error(`risk picture answered ${recorded.status}`);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const loggedIn = (email: string) => loggedInContext(browser, t, email, { javaScriptEnabled: false });
  const screenshot = screenshotter('pva');

  it('edits the plan without JavaScript, agendeert it and shows the frozen version', async () => {
    const { context, page } = await loggedIn('tom.peeters@example.org');
    await page.goto(`/dossiers/${CODE}`);
    await page.getByRole('link', { name: 'Plan van aanpak', exact: true }).click();
    await page.getByRole('heading', { name: `Plan van aanpak ${CODE}` }).waitFor();

    await page.getByLabel('Situationeel geweld').check();
    await page.getByLabel('Opvoedstress').check();
    await page.getByRole('button', { name: 'Profielen bewaren' }).click();
    await page.locator('.notice', { hasText: 'De IFG-profielen zijn bewaard.' }).waitFor();
    expect(await page.getByLabel('Opvoedstress').isChecked()).toBe(true);

    // A row without its factor comes back with the error next to the field and the rest kept.
    const add = page.locator('#rij-nieuw-formulier');
    await add.getByLabel('Persoon B').check();
    await add.getByLabel('Actie').fill('Agressieregulatie bij het CAW');
    await add.getByRole('button', { name: 'Rij toevoegen' }).click();
    expect(await page.locator('#rij-nieuw-factorKey-fout').textContent()).toContain(
      'Kies een risico- of beschermende factor.',
    );
    expect(await page.locator('#rij-nieuw-formulier').getByLabel('Actie').inputValue()).toBe(
      'Agressieregulatie bij het CAW',
    );
    expect(await page.locator('#rij-nieuw-formulier').getByLabel('Persoon B').isChecked()).toBe(true);
    await screenshot(page, '01-rij-geweigerd');

    // The risk picture's present factor heads its domain, marked; the form picks it by its label.
    const again = page.locator('#rij-nieuw-formulier');
    const geweldOptions = again.locator('select[name="factorKey"] optgroup[label="Geweld"] option');
    expect(await geweldOptions.first().getAttribute('value')).toBe('geweld-escalatie');
    const marked = (await geweldOptions.first().textContent())!;
    expect(marked).toMatch(/^risico: Escalatie van het geweld.*\(aanwezig in de risicotaxatie\)$/);
    await again.locator('select[name="factorKey"]').selectOption({ label: marked });
    await again
      .locator('select[name="begeleidingOrganisationId"]')
      .selectOption({ label: 'CAW Regio Noord (fictief)' });
    await again.getByLabel('Stand van zaken').fill('Aangemeld');
    await again.getByRole('button', { name: 'Rij toevoegen' }).click();
    await page.locator('.notice', { hasText: 'De rij is toegevoegd.' }).waitFor();

    const second = page.locator('#rij-nieuw-formulier');
    await second.locator('select[name="factorKey"]').selectOption('sociaal-geen-steun');
    await second.getByLabel('Persoon A').check();
    await second.getByLabel('Of een andere dienst').fill('Burgers Aan Zet');
    await second.getByRole('button', { name: 'Rij toevoegen' }).click();
    await page.locator('.notice', { hasText: 'De rij is toegevoegd.' }).waitFor();
    expect(await page.locator('article.plan-row').count()).toBe(2);
    // Each row says how the current risk picture marks its factor.
    expect(await page.locator('article.plan-row > p').allTextContents()).toEqual([
      expect.stringMatching(/^Risico: Escalatie van het geweld.* aanwezig in de risicotaxatie$/),
      expect.stringMatching(/^Risico: .*sociale ondersteuning.* niet gekend in de risicotaxatie$/),
    ]);

    // Change the first row: its form opens from the row.
    // A row by the factor it names (every row's form lists all factors, so not by any text in it).
    const row = (factor: string) =>
      page.locator('article.plan-row').filter({ has: page.locator('> p', { hasText: factor }) });
    const geweld = row('Escalatie van het geweld');
    await geweld.locator('summary', { hasText: 'Rij wijzigen' }).click();
    await geweld.getByLabel('Stand van zaken').fill('Gestart, wekelijks');
    await geweld.getByRole('button', { name: 'Rij bewaren' }).click();
    await page.locator('.notice', { hasText: 'De rij is bijgewerkt.' }).waitFor();
    expect(await row('Escalatie van het geweld').locator('dl').textContent()).toContain('Gestart, wekelijks');
    // Remove the other.
    await row('sociale ondersteuning').getByRole('button', { name: 'Rij verwijderen' }).click();
    await page.locator('.notice', { hasText: 'De rij is verwijderd.' }).waitFor();
    expect(await page.locator('article.plan-row').count()).toBe(1);
    await screenshot(page, '02-editor');

    // Agendering on the Weegploeg with the leidraad's answers, no file: version 1.
    await page.getByRole('link', { name: 'Agenderen' }).last().click();
    await page.selectOption('#agendering-soort', 'weegploeg:plan-van-aanpak');
    await page.selectOption('#agendering-dossierCode', CODE);
    await page.fill('#agendering-questions', 'Graag feedback op de doelen.');
    await page.fill('#agendering-brief-whyNow', 'Het eerste plan.');
    await page.check('#agendering-brief-domains-geweld');
    await page.fill('#agendering-brief-safetyAgreements', 'Veiligheidsplan met Persoon A.');
    await page.check('#agendering-brief-childrenOver12Heard-geen-kinderen');
    await page.getByRole('button', { name: 'Agendering versturen' }).click();
    await page.getByRole('heading', { name: 'Agendering verstuurd' }).waitFor();
    expect(await page.locator('[data-plan-version]').textContent()).toContain(
      'Versie 1 van het plan van aanpak is vastgelegd',
    );

    await page.goto(`/dossiers/${CODE}/plan-van-aanpak`);
    await page.getByRole('link', { name: 'Versie 1' }).click();
    await page.getByRole('heading', { name: `Plan van aanpak ${CODE}, versie 1` }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Dit is de eerste versie die Weegploeg ziet.');
    expect(text).toContain('Situationeel geweld, Opvoedstress');
    expect(text).toContain('Gestart, wekelijks');
    expect(text).toContain('Veiligheidsplan met Persoon A.');
    expect(text).not.toContain('Burgers Aan Zet');
    await screenshot(page, '03-versie');
    await context.close();
  }, 120_000);
});
