import { Browser } from 'playwright-core';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

browserSuite('in a browser: the verslaggever writes the verslag of an ICO with an action point', () => {
  let t: TestApp;
  let browser: Browser;
  let db: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
  let sessionId = '';
  let itemId = '';
  let code = '';

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    db = createPrismaClient(t.db.url, 1);
    // An aanmelding for the ICO of Friday 4 December, through the API.
    const karim = await loginAs(t, 'karim.bouzid@example.be');
    const organisationId = (await db.person.findFirstOrThrow({ where: { email: 'karim.bouzid@example.be' } }))
      .organisationId!;
    const res = await karim.post(
      '/api/aanmeldingen',
      aanmeldingInput(organisationId, 'karim.bouzid@example.be', 'Nieuwe interventie.'),
    );
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { dossierCode: string; agendaItemId: string };
    code = filed.dossierCode;
    itemId = filed.agendaItemId;
    sessionId = (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).sessionId;
    // The ICO is under way; the coordinator shares the item and records its decision.
    clock.set('2026-12-04T09:45:00+01:00');
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    expect((await lotte.post(`/api/agenda-items/${itemId}/share`, { shared: true })).status).toBe(204);
    const decided = await lotte.post(`/api/agenda-items/${itemId}/decision`, {
      kind: 'geen_ketenaanpak',
      adviceText: 'Advies aan de aanmelder.',
      safetyPlanAdvice: 'Een veiligheidsplan opmaken.',
    });
    expect(decided.status).toBe(201);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await t?.close();
  });

  const loggedIn = (email: string) => loggedInContext(browser, t, email);
  const screenshot = screenshotter('verslag');

  it('records attendance, the verslag and an action point, and the voorzitter closes it', async () => {
    const jonas = await loggedIn('jonas.maes@example.be');
    await jonas.page.goto(`/agenda/${sessionId}`);
    await jonas.page.getByRole('link', { name: 'Verslag', exact: true }).click();
    await jonas.page.waitForURL(new RegExp(`/verslag/${sessionId}$`));
    expect(await jonas.page.locator('h1').textContent()).toBe(
      'Verslag Verkennend casusoverleg (ICO): vrijdag 4 december 2026',
    );

    await jonas.page.check('#aanw-politie-aanwezig');
    await jonas.page.check('#aanw-parket-verontschuldigd');
    await jonas.page.getByRole('button', { name: 'Aanwezigheid bewaren' }).click();
    await jonas.page.locator('.notice', { hasText: 'De aanwezigheid is bewaard.' }).waitFor();
    expect(await jonas.page.isChecked('#aanw-parket-verontschuldigd')).toBe(true);

    await jonas.page.fill(`#verslag-${itemId}-text`, 'De politie kent twee eerdere interventies.');
    await jonas.page.locator(`#verslag-${itemId}`).getByRole('button', { name: 'Verslag bewaren' }).click();
    await jonas.page.locator('.notice', { hasText: 'Het verslag van het agendapunt is bewaard.' }).waitFor();
    expect(await jonas.page.inputValue(`#verslag-${itemId}-text`)).toBe(
      'De politie kent twee eerdere interventies.',
    );

    // Without an owner the form comes back with the error at the field and what was typed kept.
    const form = jonas.page.locator(`#actiepunt-${itemId}`);
    await form.locator(`#actiepunt-${itemId}-what`).fill('Overzicht van de interventies bezorgen.');
    await form.locator(`#actiepunt-${itemId}-dueDate`).fill('2026-12-18');
    await form.getByRole('button', { name: 'Actiepunt toevoegen' }).click();
    await jonas.page.locator(`#actiepunt-${itemId}-ownerPersonId-fout`).waitFor();
    await screenshot(jonas.page, 'actiepunt-fout');
    expect(await jonas.page.locator(`#actiepunt-${itemId}-ownerPersonId-fout`).textContent()).toContain(
      'Kies wie',
    );
    expect(await jonas.page.inputValue(`#actiepunt-${itemId}-what`)).toBe(
      'Overzicht van de interventies bezorgen.',
    );
    const owner = jonas.page.locator(`#actiepunt-${itemId}-ownerPersonId`);
    const wim = await owner.locator('option', { hasText: 'Wim Jacobs' }).getAttribute('value');
    await owner.selectOption(wim!);
    await jonas.page
      .locator(`#actiepunt-${itemId}`)
      .getByRole('button', { name: 'Actiepunt toevoegen' })
      .click();
    await jonas.page.locator('.notice', { hasText: 'Het actiepunt is toegevoegd' }).waitFor();
    expect(await jonas.page.locator('ul.action-points').textContent()).toContain(
      'Overzicht van de interventies bezorgen. — Wim Jacobs',
    );
    await screenshot(jonas.page, 'verslaggever');
    await jonas.context.close();

    const lotte = await loggedIn('lotte.verbeke@example.be');
    await lotte.page.goto(`/verslag/${sessionId}`);
    await lotte.page.getByRole('button', { name: 'Verslag afsluiten' }).click();
    await lotte.page.locator('.notice', { hasText: 'Het verslag is afgesloten' }).waitFor();
    expect(await lotte.page.locator(`#verslag-${itemId}-text`).count()).toBe(0);
    await screenshot(lotte.page, 'afgesloten');
    await lotte.context.close();

    // The member reads it, and finds the action point on Mijn opvolging.
    const member = await loggedIn('wim.jacobs@example.be');
    await member.page.goto(`/verslag/${sessionId}`);
    expect(await member.page.locator(`#punt-${itemId}`).textContent()).toContain(
      'De politie kent twee eerdere interventies.',
    );
    await member.page.goto('/opvolging');
    expect(await member.page.locator('main').textContent()).toContain(code);
    await screenshot(member.page, 'mijn-opvolging');
    await member.context.close();
  }, 120_000);
});
