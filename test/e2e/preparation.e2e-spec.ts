import { Browser } from 'playwright-core';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels: an aanmelding goes to the ICO of Friday 27 November. */
const MONDAY = '2026-11-16T09:00:00Z';
/** Tuesday 24 November 2026: the partners prepare that ICO. */
const TUESDAY = '2026-11-24T09:00:00Z';

browserSuite('in a browser: a partner prepares an ICO item, the coordinator sees it prepared', () => {
  let t: TestApp;
  let browser: Browser;
  const clock = new ControlledClock(MONDAY);
  let code: string;
  let itemId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    const db = createPrismaClient(t.db.url, 1);
    const eva = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    code = await fileAanmelding(await pageUser(t, eva.email), eva.organisationId!, eva.email, 'Zorgen.');
    const item = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code } } });
    [itemId, sessionId] = [item.id, item.sessionId];
    await db.$disconnect();
    clock.set(TUESDAY);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const loggedIn = (email: string) => loggedInContext(browser, t, email);
  const screenshot = screenshotter('voorbereiding');

  it('lets the city’s member fill in the form from the agenda, and the coordinator see it and remind the others', async () => {
    const griet = await loggedIn('griet.willems@example.be');
    await griet.page.goto(`/agenda/${sessionId}`);
    await griet.page.locator(`#punt-${itemId}`).getByRole('link', { name: 'Voorbereiding' }).click();
    await griet.page.waitForURL(new RegExp(`/voorbereiding/${itemId}$`));
    await griet.page.getByRole('heading', { name: `Voorbereiding: ${code}` }).waitFor();

    // Known, but without a summary or a choice of who sees it: both errors at their fields.
    await griet.page.check('#voorbereiding-known');
    await griet.page.fill('#voorbereiding-riskSignals', 'Huurachterstal, dreigende uithuiszetting.');
    await griet.page.getByRole('button', { name: 'Voorbereiding opslaan' }).click();
    await griet.page.locator('.error-summary').waitFor();
    await screenshot(griet.page, 'fout');
    expect(await griet.page.locator('#voorbereiding-summary-fout').textContent()).toContain(
      'Vat kort samen wat uw organisatie over het gezin kent.',
    );
    expect(await griet.page.locator('#voorbereiding-visibility-fout').textContent()).toContain(
      'Kies wie dit mag zien',
    );
    expect(await griet.page.inputValue('#voorbereiding-riskSignals')).toBe(
      'Huurachterstal, dreigende uithuiszetting.',
    );
    expect(await griet.page.isChecked('#voorbereiding-known')).toBe(true);

    await griet.page.fill('#voorbereiding-summary', 'Leefloon sinds 2025; schuldbemiddeling loopt.');
    await griet.page.check('#voorbereiding-visibility');
    await griet.page.getByRole('button', { name: 'Voorbereiding opslaan' }).click();
    await griet.page.locator('.notice').waitFor();
    expect(await griet.page.locator('.notice').textContent()).toContain('Uw voorbereiding is opgeslagen');
    expect(await griet.page.inputValue('#voorbereiding-summary')).toBe(
      'Leefloon sinds 2025; schuldbemiddeling loopt.',
    );
    expect(await griet.page.locator('[data-organisation]').allTextContents()).toEqual([
      expect.stringContaining('Sociale Dienstverlening Stad (fictief): gekend'),
    ]);
    await screenshot(griet.page, 'opgeslagen');
    await griet.context.close();

    const lotte = await loggedIn('lotte.verbeke@example.be');
    await lotte.page.goto(`/agenda/${sessionId}`);
    await lotte.page.getByRole('link', { name: 'Voorbereiding door de partners' }).click();
    await lotte.page.waitForURL(new RegExp(`/voorbereiding/zitting/${sessionId}$`));
    const item = lotte.page.locator(`[data-item="${code}"]`);
    expect(await item.getByRole('heading').textContent()).toContain('1 van 3 voorbereid');
    expect(await item.locator('[data-prepared="ja"]').allTextContents()).toEqual([
      'Sociale Dienstverlening Stad (fictief): voorbereid',
    ]);
    expect(await item.locator('[data-prepared="nee"]').count()).toBe(2);
    await screenshot(lotte.page, 'overzicht');
    await item.getByRole('button', { name: /Herinner de 2 partners/ }).click();
    await lotte.page.locator('.notice').waitFor();
    expect(await lotte.page.locator('.notice').textContent()).toContain('De herinnering is verstuurd');

    // The chair reads the city's entry on the item's own page.
    await lotte.page.locator(`[data-item="${code}"]`).getByRole('link', { name: code }).click();
    await lotte.page.waitForURL(new RegExp(`/voorbereiding/${itemId}$`));
    expect(await lotte.page.locator('#gedeeld').textContent()).toContain('Leefloon sinds 2025');
    await screenshot(lotte.page, 'voorzitter');
    await lotte.context.close();
  }, 120_000);
});
