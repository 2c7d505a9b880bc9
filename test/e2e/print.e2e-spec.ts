import path from 'node:path';
import { Browser } from 'playwright-core';
import { confidentialityNotice } from '@overlegtafels/mail';
import { pdfText } from '@overlegtafels/pdf/testing';
import { ControlledClock } from '@overlegtafels/testing';
import { SHARED_QUESTION, UNSHARED_QUESTION, weegploegWithOneSharedItem } from '../support/print-flow';
import { ARTIFACTS, browserSuite, launchChromium, loggedInContext } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels: the Weegploeg of Tuesday 1 December is open. */
const MONDAY = '2026-11-16T09:00:00Z';
const NOTICE = confidentialityNotice().document;
const LONG = Array.from({ length: 120 }, (_, i) => `Regel ${i + 1} van de toelichting.`).join('\n');

browserSuite('printing the agenda page in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock: new ControlledClock(MONDAY) });
    ({ sessionId } = await weegploegWithOneSharedItem(t, LONG));
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('prints the content without navigation, buttons and forms, the notice at the foot of every page', async () => {
    const { context, page } = await loggedInContext(browser, t, 'lotte.verbeke@example.be');
    await page.goto(`/agenda/${sessionId}`);
    const notice = page.locator('[data-confidentiality]');
    expect(await page.locator('header.top').isVisible()).toBe(true);
    expect(await notice.isVisible()).toBe(false);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('details').first().isVisible()).toBe(false);
    expect(await page.locator('[data-agenda-pdf]').isVisible()).toBe(false);
    expect(await notice.isVisible()).toBe(true);
    expect((await notice.textContent())?.trim()).toBe(NOTICE);
    await page.screenshot({ path: path.join(ARTIFACTS, 'print-agenda.png'), fullPage: true });

    const printed = await pdfText(
      await page.pdf({ format: 'A4', path: path.join(ARTIFACTS, 'print-agenda.pdf') }),
    );
    expect(printed.pages.length).toBeGreaterThan(1);
    printed.pages.forEach((text, i) => {
      expect(text).toContain(NOTICE);
      expect(text).toContain(`Pagina ${i + 1} van ${printed.pages.length}`);
    });
    const all = printed.pages.join(' ');
    expect(all).toContain('Weegploeg: dinsdag 1 december 2026');
    expect(all).toContain(SHARED_QUESTION);
    expect(all).toContain(UNSHARED_QUESTION);
    for (const hidden of [
      'Uitloggen',
      'Mijn opvolging',
      'Agendapunt beheren',
      'Niet meer delen',
      'Agenda als pdf',
    ])
      expect(all).not.toContain(hidden);
    await context.close();
  }, 120_000);
});
