import { Browser, BrowserContext, Page } from 'playwright-core';
import { ControlledClock } from '@overlegtafels/testing';
import { fileFamilyAanmelding } from '../support/family-aanmelding';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels: the ICO of Friday 27 November is open. */
const MONDAY = '2026-11-16T09:00:00Z';
/** Friday 27 November 2026, 10:15 in Brussels: that ICO is under way. */
const ICO_FRIDAY = '2026-11-27T09:15:00Z';

browserSuite('in a browser: the risk picture at the ICO decision and the casusregisseur’s update', () => {
  let t: TestApp;
  let browser: Browser;
  const clock = new ControlledClock(MONDAY);

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh profile logged in as this person, on the home page. */
  async function loggedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const session = await loggedInContext(browser, t, email);
    await session.page.goto('/');
    return session;
  }

  const screenshot = screenshotter('risicotaxatie', { numbered: true });

  it('records the picture with the decision, then a new version with an error next to the factor', async () => {
    const filed = await fileFamilyAanmelding(t, [
      { label: 'moeder', role: 'slachtoffer', age: 35 },
      { label: 'vader', role: 'pleger', age: 38 },
    ]);
    const code = filed.dossierCode;

    // At the ICO the coordinator records "met casusregie" with the picture at instroom.
    clock.set(ICO_FRIDAY);
    const lotte = await loggedIn('lotte.verbeke@example.be');
    await lotte.page.getByRole('link', { name: 'Tafels', exact: true }).click();
    await lotte.page.getByRole('link', { name: /ICO/ }).click();
    await lotte.page.getByRole('link', { name: /vrijdag 27 november 2026/ }).click();
    const item = lotte.page.locator('li.agenda-item', { hasText: code });
    await item.locator('summary', { hasText: 'Agendapunt beheren' }).click();
    await item.getByLabel('ketenaanpak met casusregie').check();
    const regisseur = item.getByLabel('Casusregisseur', { exact: true });
    const sara = await regisseur.locator('option', { hasText: 'Sara El Idrissi' }).getAttribute('value');
    await regisseur.selectOption(sara!);
    await item.getByLabel('De instemming van minstens één meerderjarig gezinslid is nagegaan').check();
    await item.locator('summary', { hasText: 'Risicotaxatie bij instroom' }).click();
    const angst = item.locator('[data-factor="geweld-angst"]');
    await angst.getByLabel('aanwezig', { exact: true }).check();
    await angst.getByLabel('Motivering').fill('Vreest voor haar leven.');
    await angst.getByLabel('moeder (slachtoffer)').check();
    const middelen = item.locator('[data-factor="individu-middelen"]');
    await middelen.getByLabel('niet gekend', { exact: true }).check();
    await screenshot(lotte.page, 'ico-beslissing');
    await item.getByRole('button', { name: 'Beslissing registreren' }).click();
    await lotte.page.locator('.notice', { hasText: 'De beslissing is geregistreerd.' }).waitFor();
    await lotte.context.close();

    // The casusregisseur sees it on the dossier page and records a new version.
    clock.set('2026-12-01T10:00:00Z');
    const cr = await loggedIn('sara.elidrissi@example.org');
    await cr.page.goto(`/dossiers/${code}`);
    const section = cr.page.locator('#risicotaxatie');
    expect(await section.locator('[data-risk-version]').textContent()).toContain(
      'Versie 1, bij instroom (ICO)',
    );
    expect(await section.locator('tr[data-factor="geweld-angst"]').textContent()).toContain(
      'moeder (slachtoffer)',
    );
    await screenshot(cr.page, 'dossier-risicotaxatie');
    await section.getByRole('link', { name: 'Risicotaxatie bijwerken' }).click();
    await cr.page.waitForURL(/\/risicotaxatie\/nieuw$/);
    // The form starts from the current version.
    expect(await cr.page.isChecked('#risicotaxatie-risico-geweld-angst-aanwezig')).toBe(true);
    expect(await cr.page.inputValue('#risicotaxatie-motivering-geweld-angst')).toBe(
      'Vreest voor haar leven.',
    );
    // A protective factor marked present without its motivation comes back with the error at the factor.
    await cr.page.check('#risicotaxatie-risico-geweld-angst-niet-gekend');
    await cr.page.fill('#risicotaxatie-motivering-geweld-angst', 'Geen recente signalen.');
    await cr.page.check('#risicotaxatie-risico-geweld-veiligheidsplan-aanwezig');
    await cr.page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await cr.page.locator('.error-summary').waitFor();
    await screenshot(cr.page, 'risicotaxatie-fout');
    expect(
      await cr.page.locator('#risicotaxatie-motivering-geweld-veiligheidsplan-fout').textContent(),
    ).toContain('Motiveer waarom deze factor aanwezig is.');
    expect(await cr.page.inputValue('#risicotaxatie-motivering-geweld-angst')).toBe('Geen recente signalen.');
    expect(await cr.page.isChecked('#risicotaxatie-risico-geweld-angst-niet-gekend')).toBe(true);
    await cr.page.fill(
      '#risicotaxatie-motivering-geweld-veiligheidsplan',
      'Afspraken werken sinds november.',
    );
    await cr.page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await cr.page
      .locator('.notice', { hasText: 'De nieuwe versie van de risicotaxatie is geregistreerd.' })
      .waitFor();
    const updated = cr.page.locator('#risicotaxatie');
    expect(await updated.locator('[data-risk-version]').textContent()).toContain('Versie 2');
    const comparison = updated.locator('[data-risk-comparison]');
    expect(await comparison.locator('tr[data-factor="geweld-angst"]').getAttribute('data-change')).toBe(
      'gewijzigd',
    );
    expect(
      await comparison.locator('tr[data-factor="geweld-veiligheidsplan"]').getAttribute('data-change'),
    ).toBe('nieuw');
    await screenshot(cr.page, 'dossier-vergelijking');
    await cr.context.close();
  }, 180_000);
});
