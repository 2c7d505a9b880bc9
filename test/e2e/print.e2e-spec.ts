import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { confidentialityNotice } from '@overlegtafels/mail';
import { pdfText } from '@overlegtafels/pdf/testing';
import { ControlledClock } from '@overlegtafels/testing';
import { SHARED_QUESTION, UNSHARED_QUESTION, weegploegWithOneSharedItem } from '../support/print-flow';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/browser');
/** Monday 16 November 2026, 10:00 in Brussels: the Weegploeg of Tuesday 1 December is open. */
const MONDAY = '2026-11-16T09:00:00Z';
const NOTICE = confidentialityNotice().document;
const LONG = Array.from({ length: 120 }, (_, i) => `Regel ${i + 1} van de toelichting.`).join('\n');

// As the browser suite: a developer's run without Debian's Chromium skips and says why; CI must have it.
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) console.warn(`print tests skipped: ${CHROMIUM} is missing`);
const suite = available || process.env.CI ? describe : describe.skip;

suite('printing the agenda page in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sessionId: string;

  beforeAll(async () => {
    if (!available) throw new Error(`CI needs ${CHROMIUM} for the browser tests`);
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp({ withWorker: false, clock: new ControlledClock(MONDAY) });
    ({ sessionId } = await weegploegWithOneSharedItem(t, LONG));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('prints the content without navigation, buttons and forms, the notice at the foot of every page', async () => {
    // The server's clock is in 2026: the session token goes in as a session cookie (see browser-flow).
    const who = await loginAs(t, 'lotte.verbeke@example.be');
    const [name, ...value] = who.cookie.split('=');
    const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'nl-BE' });
    await context.addCookies([{ name: name!, value: value.join('='), url: t.baseUrl, httpOnly: true }]);
    const page = await context.newPage();
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
      'Afmelden',
      'Mijn opvolging',
      'Agendapunt beheren',
      'Niet meer delen',
      'Agenda als pdf',
    ])
      expect(all).not.toContain(hidden);
    await context.close();
  });
});
