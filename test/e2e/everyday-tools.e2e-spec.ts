import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { pageUser } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { startTestApp, TestApp } from '../support/test-app';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's serious and critical findings (written as text: the project has no DOM types). */
async function seriousFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const found = (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} } })
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))`)) as string[];
  return found;
}

const order = (page: Page) =>
  page.locator('ol.agenda > li').evaluateAll((lis) => lis.map((li) => li.id.replace('punt-', '')));

/**
 * Issue #15, item 8, in the browser: the coordinator drags an agendapunt to another place (the
 * script fills in the "Naar positie" form), and without JavaScript types the position; a member
 * finds the items to prepare on "Voor mij te doen". Both pages pass axe-core.
 */
browserSuite('moving agendapunten by position and by dragging, and the to-do list', () => {
  let t: TestApp;
  let browser: Browser;
  let sessionId: string;
  let ids: string[];
  let codes: string[];
  const clock = new ControlledClock('2026-11-16T10:00:00+01:00');
  const shot = screenshotter('everyday');

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    const eva = await pageUser(t, 'eva.wouters@example.org');
    const db = createPrismaClient(t.db.url, 1);
    const eva0 = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    for (const text of ['Eerste gezin.', 'Tweede gezin.', 'Derde gezin.'])
      await fileAanmelding(eva, eva0.organisationId!, eva0.email, text);
    const items = await db.agendaItem.findMany({
      where: { tableKey: 'ico', status: 'placed' },
      orderBy: { position: 'asc' },
      include: { dossier: { select: { code: true } } },
    });
    sessionId = items[0]!.sessionId;
    const onSession = items.filter((i) => i.sessionId === sessionId);
    ids = onSession.map((i) => i.id);
    codes = onSession.map((i) => i.dossier.code);
    await db.$disconnect();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('moves an item to a typed position without JavaScript', async () => {
    const { context, page } = await loggedInContext(browser, t, 'lotte.verbeke@example.be', {
      javaScriptEnabled: false,
    });
    await page.goto(`/agenda/${sessionId}`);
    expect(await order(page)).toEqual(ids);
    const last = ids.at(-1)!;
    await page.locator(`#punt-${last} summary`).click();
    await page.fill(`#volgorde-${last}-reason`, 'aanmelder kan enkel vroeg');
    await page.fill(`#volgorde-${last}-position`, '1');
    await page.locator(`#volgorde-${last} button:has-text("Naar positie")`).click();
    await page.waitForURL(/melding=volgorde/);
    expect(await order(page)).toEqual([last, ...ids.slice(0, -1)]);
    expect(await page.locator(`#punt-${last} .slot`).textContent()).toBe('09:30–10:00');
    await context.close();
  });

  it('moves an item by dragging it onto another, asking the reason first, and passes axe-core', async () => {
    const { context, page } = await loggedInContext(browser, t, 'lotte.verbeke@example.be', {
      bypassCSP: true,
    });
    await page.goto(`/agenda/${sessionId}`);
    const before = await order(page);
    expect(await page.locator('ol.agenda > li[draggable="true"]').count()).toBe(before.length);
    const [first, second] = before as [string, string];
    // Dropped without a reason: the form opens at the reason, the position filled in.
    await page.dragAndDrop(`#punt-${first} h2`, `#punt-${second} h2`);
    await expect_(page.locator(`#volgorde-${first}-position`)).toBe('2');
    expect(await page.locator(`#volgorde-${first} [data-order-status]`).textContent()).toContain(
      'Geef een reden',
    );
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      `volgorde-${first}-reason`,
    );
    expect(await order(page)).toEqual(before);
    // With the reason given, a drop sends the form at once.
    await page.fill(`#volgorde-${first}-reason`, 'eerst het dringende gezin');
    // Folded again (the reason stays in the field), both cards are in view for the drag.
    await page.locator(`#punt-${first} summary`).click();
    await page.locator(`#punt-${first} h2`).scrollIntoViewIfNeeded();
    await Promise.all([
      page.waitForURL(/melding=volgorde/),
      page.dragAndDrop(`#punt-${first} h2`, `#punt-${second} h2`),
    ]);
    expect(await order(page)).toEqual([second, first, ...before.slice(2)]);
    expect(await page.locator('p.notice').textContent()).toContain('De volgorde is aangepast.');
    await shot(page, 'agenda-na-slepen');
    expect(await seriousFindings(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('lists the items to prepare for a partner on "Voor mij te doen", and passes axe-core', async () => {
    clock.set('2026-11-23T10:00:00+01:00');
    const { context, page } = await loggedInContext(browser, t, 'wim.jacobs@example.be', { bypassCSP: true });
    await page.goto('/');
    await page.locator('nav[aria-label="Hoofdmenu"] a:has-text("Te doen")').click();
    expect(new URL(page.url()).pathname).toBe('/te-doen');
    const links = await page
      .locator('[data-section="preparation"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(ids.map((id) => `/voorbereiding/${id}`).sort());
    expect(await page.locator('[data-section="preparation"]').textContent()).toContain(codes[0]);
    await shot(page, 'te-doen');
    expect(await seriousFindings(page)).toEqual([]);
    await context.close();
  });
});

/** The value of an input once the page's script has set it. */
function expect_(locator: ReturnType<Page['locator']>) {
  return {
    toBe: async (value: string) => {
      await locator
        .page()
        .waitForFunction(
          ([id, v]) =>
            (
              globalThis as unknown as { document: { getElementById(i: string): { value: string } | null } }
            ).document.getElementById(id)?.value === v,
          [(await locator.getAttribute('id'))!, value] as const,
          { timeout: 5_000 },
        );
    },
  };
}
