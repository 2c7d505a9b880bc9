import { Browser, BrowserContext, Page } from 'playwright-core';
import { ControlledClock } from '@overlegtafels/testing';
import { tinyPdf } from '../support/page-client';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';
import { writePlan } from '../support/plan-van-aanpak';

/** Monday 16 November 2026, 10:00 in Brussels: the ICO of Friday 27 November is open. */
const MONDAY = '2026-11-16T09:00:00Z';
/** Friday 27 November 2026, 10:15 in Brussels: that ICO is under way. */
const ICO_FRIDAY = '2026-11-27T09:15:00Z';

browserSuite('in a browser: aanmelding, ICO decision, PvA on the Weegploeg, a member’s agenda', () => {
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

  /**
   * A fresh browser profile, logged in as this person. The server's clock is set in 2026 while the
   * browser runs on the real time, so the login cookie would already have expired for the browser:
   * the demo login runs over HTTP and its session token goes into the profile as a session cookie.
   */
  async function loggedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const session = await loggedInContext(browser, t, email);
    await session.page.goto('/');
    return session;
  }

  const screenshot = screenshotter('', { numbered: true });

  it('runs a family from aanmelding to the Weegploeg', async () => {
    const anonymous = await browser.newPage({ baseURL: t.baseUrl });
    await anonymous.goto('/login');
    await screenshot(anonymous, 'login');
    await anonymous.close();

    // 1. The aanmelder files an aanmelding.
    const eva = await loggedIn('eva.wouters@example.org');
    await screenshot(eva.page, 'aanmelder-overzicht');
    await eva.page.getByRole('link', { name: 'Aanmelden', exact: true }).click();
    await eva.page.waitForURL(/\/aanmelding$/);
    const form = eva.page;
    await form.fill('#aanmelding-whyNow', 'Nieuw incident na een periode van rust.');
    await form.fill('#aanmelding-violenceDescription', 'Partnergeweld; de kinderen waren getuige.');
    await form.fill('#aanmelding-situationAtStart', 'Samenwonend met twee kinderen.');
    await form.fill('#aanmelding-situationNow', 'Moeder verblijft tijdelijk bij familie.');
    await form.fill('#aanmelding-mainRisks', 'Herhaling en escalatie bij contact.');
    await form.fill('#aanmelding-clients-0-label', 'Moeder (M.)');
    await form.selectOption('#aanmelding-clients-0-role', 'slachtoffer');
    await form.fill('#aanmelding-clients-0-age', '34');
    await form.fill('#aanmelding-clients-1-label', 'Vader (V.)');
    await form.selectOption('#aanmelding-clients-1-role', 'pleger');
    await form.fill('#aanmelding-clientRelations', 'Ouders van twee kinderen.');
    await form.fill('#aanmelding-servicesInvolved', 'CAW en huisarts.');
    await form.check('#aanmelding-safetyPlanExists-nee');
    await form.fill('#aanmelding-questionsAndExpectations', 'Is ketenaanpak aangewezen?');
    await form.check('#aanmelding-familyInformed-ja');
    // First without the confidentiality confirmation: the form comes back with the error at the field.
    await form.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await form.locator('.error-summary').waitFor();
    await screenshot(form, 'aanmelding-fout');
    expect(await form.locator('#aanmelding-confidentialityConfirmed-fout').textContent()).toContain('458ter');
    expect(await form.inputValue('#aanmelding-clients-1-label')).toBe('Vader (V.)');
    await form.check('#aanmelding-confidentialityConfirmed');
    await form.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await form.getByRole('heading', { name: 'Aanmelding verstuurd' }).waitFor();
    await screenshot(form, 'aanmelding-bevestigd');
    expect(await form.locator('[data-slot]').textContent()).toBe(
      'vrijdag 27 november 2026, 09:30–10:00, onder voorbehoud tot donderdag 13:00',
    );
    const code = (await form.locator('[data-dossier-code]').textContent())!;
    expect(code).toMatch(/^CO3-2026-\d{4}$/);
    await eva.context.close();

    // 2. On the Friday, the coordinator finds it on the ICO agenda and records "met casusregie".
    clock.set(ICO_FRIDAY);
    const lotte = await loggedIn('lotte.verbeke@example.be');
    await lotte.page.getByRole('link', { name: 'Tafels', exact: true }).click();
    await screenshot(lotte.page, 'coordinator-tafels');
    await lotte.page.getByRole('link', { name: /ICO/ }).click();
    await screenshot(lotte.page, 'coordinator-ico-zittingen');
    await lotte.page.getByRole('link', { name: /vrijdag 27 november 2026/ }).click();
    const item = lotte.page.locator('li.agenda-item', { hasText: code });
    await expect(item.locator('h2').textContent()).resolves.toContain(`09:30–10:00 · ${code} · Aanmelding`);
    await screenshot(lotte.page, 'coordinator-ico-agenda');
    await item.locator('summary', { hasText: 'Agendapunt beheren' }).click();
    await item.getByLabel('ketenaanpak met casusregie').check();
    const regisseur = item.getByLabel('Casusregisseur', { exact: true });
    const saraOption = await regisseur
      .locator('option', { hasText: 'Sara El Idrissi' })
      .getAttribute('value');
    await regisseur.selectOption(saraOption!);
    await item.getByLabel('De instemming van minstens één meerderjarig gezinslid is nagegaan').check();
    await screenshot(lotte.page, 'coordinator-beslissing');
    await item.getByRole('button', { name: 'Beslissing registreren' }).click();
    await lotte.page.locator('.notice', { hasText: 'De beslissing is geregistreerd.' }).waitFor();
    expect(await lotte.page.locator('li.agenda-item', { hasText: code }).textContent()).toContain(
      'Beslissing: ketenaanpak met casusregie',
    );
    await screenshot(lotte.page, 'coordinator-beslissing-geregistreerd');
    await lotte.context.close();

    // 3. The appointed casusregisseur puts the written plan van aanpak on the Weegploeg, with a PDF attached.
    await writePlan(t, 'sara.elidrissi@example.org', code);
    const sara = await loggedIn('sara.elidrissi@example.org');
    await sara.page.getByRole('link', { name: 'Agenderen', exact: true }).click();
    await sara.page.selectOption('#agendering-soort', 'weegploeg:plan-van-aanpak');
    await sara.page.selectOption('#agendering-dossierCode', code);
    await sara.page.fill('#agendering-questions', 'Eerste plan van aanpak: graag feedback op de doelen.');
    await sara.page.fill('#agendering-brief-whyNow', 'Twee maanden casusregie.');
    await sara.page.fill('#agendering-brief-safetyAgreements', 'Veiligheidsplan met de moeder.');
    await sara.page.check('#agendering-brief-childrenOver12Heard-ja');
    await sara.page.setInputFiles('#agendering-document', {
      name: 'plan-van-aanpak.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(`Plan van aanpak ${code}`),
    });
    await screenshot(sara.page, 'casusregisseur-agendering');
    await sara.page.getByRole('button', { name: 'Agendering versturen' }).click();
    await sara.page.getByRole('heading', { name: 'Agendering verstuurd' }).waitFor();
    await screenshot(sara.page, 'casusregisseur-agendering-bevestigd');
    // The Weegploeg of 1 December closed on Monday 23 November: it is the one of 15 December.
    expect(await sara.page.locator('[data-slot]').textContent()).toMatch(
      /^dinsdag 15 december 2026, 13:00–13:30, onder voorbehoud tot/,
    );
    await sara.page.getByRole('link', { name: 'Naar het dossier' }).click();
    await sara.page.getByRole('link', { name: 'plan-van-aanpak.pdf' }).waitFor();
    await screenshot(sara.page, 'casusregisseur-dossier');
    await sara.context.close();

    // 4. A member of the Weegploeg sees the agenda: time, code, type, who — not the contents.
    const bram = await loggedIn('bram.hermans@example.org');
    await bram.page.getByRole('link', { name: 'Tafels', exact: true }).click();
    await bram.page.getByRole('link', { name: /Weegploeg/ }).click();
    await bram.page.getByRole('link', { name: /dinsdag 15 december 2026/ }).click();
    const entry = bram.page.locator('li.agenda-item', { hasText: code });
    const text = (await entry.textContent())!;
    expect(text).toContain('13:00–13:30');
    expect(text).toContain('Plan van aanpak');
    expect(text).toContain('Gebracht door Sara El Idrissi');
    expect(text).toContain('De inhoud is niet gedeeld met de leden van de zitting.');
    expect(await bram.page.content()).not.toContain('graag feedback op de doelen');
    expect(await entry.locator('a[href^="/dossiers/"]').count()).toBe(0);
    await screenshot(bram.page, 'lid-weegploeg-agenda');
    await bram.context.close();
  }, 180_000);
});
