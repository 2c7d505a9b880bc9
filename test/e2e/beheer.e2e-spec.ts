import type { Browser } from 'playwright-core';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The beheerder's pages in a browser without JavaScript (issue #14): from the navigation to the
 * people, a new person refused first (an address the region has, their input kept), then added;
 * on their page a seat at the Weegploeg as a standing participant; the table's page lists them.
 */
browserSuite('in a browser: the beheerder adds a person and seats them at a table', () => {
  let t: TestApp;
  let browser: Browser;
  const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
  const screenshot = screenshotter('beheer', { numbered: true });

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds the person and the seat through the forms, with JavaScript off', async () => {
    const { context, page } = await loggedInContext(browser, t, 'beheer@example.be', {
      javaScriptEnabled: false,
    });
    await page.goto('/');
    await page.locator('nav[aria-label="Hoofdmenu"]').getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { name: 'Beheer', exact: true }).waitFor();
    await page.locator('nav[aria-label="Beheer"]').getByRole('link', { name: 'Personen' }).click();

    const form = page.locator('#persoon');
    await form.getByLabel('Naam').fill('Fien Fictief');
    await form.getByLabel('E-mailadres').fill('wim.jacobs@example.be');
    await form.getByLabel('Organisatie').selectOption({ label: 'Politiezone Scheldeland (fictief)' });
    await form.getByLabel('aanmelder', { exact: true }).check();
    await form.getByLabel('Reden').fill('Nieuwe vertegenwoordiger van de politie');
    await form.getByRole('button', { name: 'Persoon toevoegen' }).click();
    expect(await page.locator('#persoon-email-fout').textContent()).toContain(
      'Er is in de regio al een persoon met dit e-mailadres.',
    );
    const kept = page.locator('#persoon');
    expect(await kept.getByLabel('Naam').inputValue()).toBe('Fien Fictief');
    expect(await kept.getByLabel('aanmelder', { exact: true }).isChecked()).toBe(true);
    expect(await kept.getByLabel('Reden').inputValue()).toBe('Nieuwe vertegenwoordiger van de politie');
    await screenshot(page, 'adres-geweigerd');

    await kept.getByLabel('E-mailadres').fill('fien.fictief@example.org');
    await kept.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.locator('.notice', { hasText: 'De persoon is toegevoegd.' }).waitFor();
    await page.getByRole('heading', { name: 'Fien Fictief' }).waitFor();

    const seat = page.locator('#tafel');
    await seat.getByLabel('Tafel', { exact: true }).selectOption({ label: 'Weegploeg' });
    await seat.getByLabel('Functie aan de tafel').selectOption('lid');
    expect(await seat.getByLabel(/Vaste deelnemer/).isChecked()).toBe(true);
    await seat.getByLabel('Reden').fill('Vaste deelnemer voor de politie');
    await seat.getByRole('button', { name: 'Plaats bewaren' }).click();
    await page.locator('.notice', { hasText: 'De plaats aan de tafel is bewaard.' }).waitFor();
    const rows = page.locator('table', {
      has: page.locator('caption', { hasText: 'Plaatsen aan de tafels' }),
    });
    expect((await rows.locator('tbody tr').first().locator('td').allTextContents()).slice(0, 3)).toEqual([
      'Weegploeg',
      'lid',
      'ja, ontvangt elke agenda',
    ]);
    await screenshot(page, 'persoon');

    await page.getByRole('link', { name: 'Weegploeg' }).first().click();
    await page.getByRole('heading', { name: 'Weegploeg' }).waitFor();
    expect(
      await page.locator('tbody tr', { hasText: 'Fien Fictief' }).locator('td').allTextContents(),
    ).toEqual(['Fien Fictief', 'Politiezone Scheldeland (fictief)', 'lid', 'ja']);
    await context.close();

    const db = createPrismaClient(t.db.url, 1);
    const people = await db.person.findMany({
      where: { email: 'fien.fictief@example.org' },
      include: { tableMemberships: true, roleAssignments: true },
    });
    await db.$disconnect();
    expect(people).toHaveLength(1);
    expect(people[0]!.tableMemberships.map((m) => [m.tableKey, m.function, m.standing])).toEqual([
      ['weegploeg', 'lid', true],
    ]);
    expect(people[0]!.roleAssignments.map((r) => [r.role, r.tableKey]).sort()).toEqual([
      ['aanmelder', null],
      ['member', 'weegploeg'],
    ]);
  }, 90_000);
});
