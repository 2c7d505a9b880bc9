import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { browserSuite, launchChromium } from '../support/browser';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * The login in a real browser (issue #17, item 5): the login page's forms carry the token of the
 * pre-session cookie it sets, so clicking a demo person or asking for a link works as before; a
 * link opened from the mail (a profile without the cookie) gets its own; a form another page
 * posts to /login is refused without logging the browser in.
 */
browserSuite('in a browser: logging in with the login forms', () => {
  let t: TestApp;
  let browser: Browser;
  let evil: http.Server;
  let evilUrl: string;

  beforeAll(async () => {
    // The real clock: the browser keeps the cookies by its own time.
    t = await startTestApp({ withWorker: true });
    browser = await launchChromium();
    const lotte = await (await fetch(`${t.baseUrl}/login`)).text();
    const personId = /name="personId" value="([^"]+)"/.exec(lotte)![1]!;
    // Another site's page (another port: the same site for the browser, so the cookie goes along).
    evil = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<form id="f" method="post" action="${t.baseUrl}/login/demo"><input name="personId" value="${personId}"><input name="_csrf" value="geraden"><input name="next" value="/"></form><script>document.getElementById('f').submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => evil?.close(r));
    await t?.close();
  });

  it('logs in by clicking a demo person', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('button[data-email="lotte.verbeke@example.be"]').click();
    await page.waitForURL(`${t.baseUrl}/`);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await context.close();
  });

  it('logs in with a link asked for on the login page and opened in another profile', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.fill('#email', 'bram.hermans@example.org');
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.getByRole('heading', { name: 'Kijk in uw mailbox' }).waitFor();
    const mail = await eventually(
      async () => (await t.sink.list()).find((m) => m.to.includes('bram.hermans@example.org')),
      'the login link is mailed',
    );
    const link = /http:\/\/localhost:3999(\/login\/link\/[\w-]+)/.exec(
      (await t.sink.read(mail.id))!.text,
    )![1]!;
    await context.close();

    const mailApp = await browser.newContext({ baseURL: t.baseUrl, locale: 'nl-BE' });
    const opened = await mailApp.newPage();
    await opened.goto(link);
    await opened.getByRole('button', { name: 'Inloggen' }).click();
    await opened.waitForURL(`${t.baseUrl}/`);
    await opened.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await mailApp.close();
  });

  it('refuses a login form another page posts, even with the pre-session cookie in the browser', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl, locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto('/login');
    const answered = page.waitForResponse((r) => r.url() === `${t.baseUrl}/login/demo`);
    await page.goto(evilUrl);
    expect((await answered).status()).toBe(403);
    expect((await context.cookies(t.baseUrl)).map((c) => c.name)).not.toContain('ot_sessie');
    await context.close();
  });
});
