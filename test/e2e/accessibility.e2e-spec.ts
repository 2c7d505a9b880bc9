import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { familyInCasusregie } from '../support/plan-van-aanpak';
import { startTestApp, TestApp } from '../support/test-app';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA, the level Flemish public services must meet. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
}

/**
 * What runs in the page is written as text: the project compiles without the DOM's types, and
 * these few lines are the browser's, not ours.
 */
const RUN_AXE = (tags: string[]) => `axe
  .run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } })
  .then((r) => r.violations.map((v) => ({ rule: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })))`;

/** How far the page is wider than the window ('' when it fits), and the elements that stick out. */
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const extra = document.documentElement.scrollWidth - width;
  if (extra <= 0) return '';
  const out = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
    .slice(0, 3)
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
  return '+' + extra + 'px: ' + out.join(', ');
})()`;

/** The element that has the focus, and whether it shows it (an outline or a box shadow). */
const FOCUSED = `(() => {
  const el = document.activeElement;
  // Past the last control the focus leaves the page (to the browser's own bar).
  if (!el || el === document.body) return { html: 'body', marked: true };
  const style = getComputedStyle(el);
  return {
    html: el.outerHTML.slice(0, 80),
    marked: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
  };
})()`;

/** axe-core's serious and critical WCAG 2.1 AA findings on the page as it is now. */
async function axeFindings(page: Page, name: string): Promise<Finding[]> {
  await page.addScriptTag({ content: AXE });
  const violations = (await page.evaluate(RUN_AXE(WCAG))) as Omit<Finding, 'page'>[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: name, ...v }));
}

const overflow = (page: Page) => page.evaluate(OVERFLOW) as Promise<string>;

/**
 * Every page a person opens in a week, for each role, on a laptop and on a phone: no serious or
 * critical WCAG 2.1 AA violation (axe-core), no horizontal scroll at 390 px, and one navigation
 * that is the same on every page of that person.
 */
browserSuite('accessibility and layout of every page, for every role', () => {
  let t: TestApp;
  let browser: Browser;
  const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
  let code = '';
  let icoSession = '';
  // A person with seats and an organisation with people: the beheer pages at their fullest.
  let beheerPerson = '';
  let beheerOrganisation = '';
  let icoItem = '';
  const screenshot = screenshotter('a11y');

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    code = await familyInCasusregie(t, clock, [
      { label: 'Persoon A', role: 'slachtoffer', age: 38 },
      { label: 'Kind A', role: 'kind', age: 9 },
    ]);
    const db = createPrismaClient(t.db.url, 1);
    const item = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code }, tableKey: 'ico' } });
    icoSession = item.sessionId;
    const member = await db.person.findFirstOrThrow({
      where: { email: 'wim.jacobs@example.be' },
      select: { id: true, organisationId: true },
    });
    beheerPerson = member.id;
    beheerOrganisation = member.organisationId!;
    icoItem = item.id;
    await db.$disconnect();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const pagesOf = (): Record<string, string[]> => ({
    'eva.wouters@example.org': ['/', '/aanmelding', '/agenda-abonnement', '/te-doen'],
    'lotte.verbeke@example.be': [
      '/',
      '/tafels',
      '/tafels/ico',
      `/agenda/${icoSession}`,
      `/verslag/${icoSession}`,
      `/voorbereiding/zitting/${icoSession}`,
      '/tafels/ico/archief',
      '/dossiers',
      `/dossiers/${code}`,
      '/coordinatie',
      '/casusregie-capaciteit',
      '/audit',
      '/beheer/mails',
      '/te-doen',
      `/agendapunten/${icoItem}/bijlage`,
    ],
    'tom.peeters@example.org': [
      '/',
      '/dossiers',
      `/dossiers/${code}`,
      `/dossiers/${code}/plan-van-aanpak`,
      '/agendering',
      '/opvolging',
      '/agenda-abonnement',
      '/te-doen',
    ],
    'wim.jacobs@example.be': ['/', '/tafels', `/agenda/${icoSession}`, '/te-doen'],
    'hanne.vermeersch@example.be': ['/', '/audit'],
    'beheer@example.be': [
      '/',
      '/beheer',
      '/beheer/personen',
      `/beheer/personen/${beheerPerson}`,
      '/beheer/organisaties',
      `/beheer/organisaties/${beheerOrganisation}`,
      '/beheer/tafels',
      '/beheer/tafels/weegploeg',
      '/beheer/gesloten-periodes',
      '/beheer/mails',
      '/agenda-abonnement',
    ],
  });

  it('finds no serious or critical violation and no horizontal scroll, with one navigation per person', async () => {
    const findings: Finding[] = [];
    const tooWide: string[] = [];
    const navigations = new Map<string, Set<string>>();

    const anonymous = await browser.newPage({ baseURL: t.baseUrl, viewport: PHONE, bypassCSP: true });
    await anonymous.goto('/login');
    findings.push(...(await axeFindings(anonymous, '/login')));
    const loginOverflow = await overflow(anonymous);
    if (loginOverflow) tooWide.push(`/login ${loginOverflow}`);
    await anonymous.close();

    for (const [email, paths] of Object.entries(pagesOf())) {
      // axe-core goes in as a script of the test; the pages' CSP rightly refuses inline scripts.
      const { context, page } = await loggedInContext(browser, t, email, { bypassCSP: true });
      const navs = new Set<string>();
      for (const p of paths) {
        for (const viewport of [LAPTOP, PHONE]) {
          await page.setViewportSize(viewport);
          const res = await page.goto(p);
          expect([p, res?.status()]).toEqual([p, 200]);
          if (viewport === LAPTOP) {
            findings.push(...(await axeFindings(page, `${email} ${p}`)));
            const links = page.locator('nav[aria-label="Hoofdmenu"] a');
            navs.add((await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).join(' '));
          } else {
            const extra = await overflow(page);
            if (extra) {
              tooWide.push(`${email} ${p} ${extra}`);
              await screenshot(page, `${email.split('@')[0]}-${p.replace(/\W+/g, '_')}-390`);
            }
          }
        }
      }
      navigations.set(email, navs);
      await context.close();
    }

    expect(findings).toEqual([]);
    expect(tooWide).toEqual([]);
    for (const [email, navs] of navigations) expect([email, [...navs]]).toEqual([email, [[...navs][0]]]);
  }, 240_000);

  it('can be used by keyboard alone: skip link first, focus visible on every control', async () => {
    const { context, page } = await loggedInContext(browser, t, 'lotte.verbeke@example.be');
    await page.goto(`/agenda/${icoSession}`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const first = { text: (await focused.textContent())?.trim(), href: await focused.getAttribute('href') };
    expect(first).toEqual({ text: 'Naar de inhoud', href: '#inhoud' });
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#inhoud');
    // Tab through the whole page: every control the focus lands on shows it.
    const invisible: string[] = [];
    const count = await page.locator('a[href], button, input, select, textarea, summary').count();
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(FOCUSED)) as { html: string; marked: boolean };
      if (!focused.marked) invisible.push(focused.html);
    }
    expect(invisible).toEqual([]);
    await context.close();
  });
});
