import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { loginAs, TestApp } from './test-app';

/** Debian's Chromium, the only browser the suites drive (no browser download ever). */
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots of the browser suites (not committed). */
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/browser');

/** The flags the machine needs: no sandbox as root, and no background connections to a closed network. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const available = existsSync(CHROMIUM);

/**
 * `describe` for a browser suite: without Debian's Chromium a developer's run skips it and says why
 * once; in CI (`CI` set) the suite runs and its `launchChromium` fails, so a missing browser is red.
 */
export function browserSuite(title: string, body: () => void): void {
  if (!available && !process.env.CI) {
    console.warn(`${title}: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);
    describe.skip(title, body);
    return;
  }
  describe(title, body);
}

/** Starts Chromium with the machine's flags; fails with the reason when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!available) throw new Error(`CI needs ${CHROMIUM} for the browser tests (.ci/run installs it)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A fresh browser profile holding the demo login's session cookie of the person with this address. */
export async function loggedInContext(
  browser: Browser,
  t: TestApp,
  email: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const who = await loginAs(t, email);
  const [name, ...value] = who.cookie.split('=');
  const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'nl-BE', ...options });
  await context.addCookies([
    { name: name!, value: value.join('='), url: t.baseUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
  return { context, page: await context.newPage() };
}

/**
 * Full-page screenshots in the artifacts folder, named `<prefix>-<name>.png`; numbered ones are
 * `<prefix>-01-<name>.png`, `<prefix>-02-…` in the order they are taken (an empty prefix drops it).
 */
export function screenshotter(
  prefix: string,
  { numbered = false }: { numbered?: boolean } = {},
): (page: Page, name: string) => Promise<void> {
  let shot = 0;
  return async (page, name) => {
    shot += 1;
    const parts = [prefix, numbered ? String(shot).padStart(2, '0') : '', name].filter(Boolean);
    await page.screenshot({ path: path.join(ARTIFACTS, `${parts.join('-')}.png`), fullPage: true });
  };
}
