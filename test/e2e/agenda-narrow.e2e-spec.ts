import { Browser, Page } from 'playwright-core';
import { MailComposer, MailTemplates, label } from '@overlegtafels/mail';
import {
  agendaUrl,
  code42,
  code43,
  identity,
  planVanAanpak,
  weegploeg,
  zdt,
} from '@overlegtafels/mail/testing';
import { ControlledClock } from '@overlegtafels/testing';
import { weegploegWithOneSharedItem } from '../support/print-flow';
import { browserSuite, launchChromium, loggedInContext, screenshotter } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels: the Weegploeg of Tuesday 1 December is open. */
const MONDAY = '2026-11-16T09:00:00Z';
const NARROW = { width: 400, height: 800 };

/**
 * How many lines each matching element's text takes: the distinct tops of the client rects of a
 * range over its text (a word broken over two lines gives two). Written as text: the project
 * compiles without the DOM's types, and these lines are the browser's.
 */
async function linesOf(page: Page, selector: string): Promise<{ text: string; lines: number }[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return { text: (element.textContent || '').trim(), lines: new Set(rects.map((r) => Math.round(r.top))).size };
  })`);
}

browserSuite('the agenda at 400 px keeps times and dossier codes on one line', () => {
  let t: TestApp;
  let browser: Browser;
  let sessionId: string;
  const shot = screenshotter('agenda-400');

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock: new ControlledClock(MONDAY) });
    ({ sessionId } = await weegploegWithOneSharedItem(t));
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('in the agenda mail’s HTML table', async () => {
    const long =
      'casusregisseur, Centrum Algemeen Welzijnswerk Regio Antwerpen Noord; met aanmelder, consulent';
    const mail = await new MailComposer(identity, new MailTemplates()).agenda({
      recipient: { address: identity.sender.address },
      session: weegploeg,
      rows: [
        {
          start: zdt('2026-12-01T13:00'),
          end: zdt('2026-12-01T13:30'),
          dossier: code42,
          itemType: planVanAanpak,
          broughtBy: long,
        },
        {
          start: zdt('2026-12-01T13:30'),
          end: zdt('2026-12-01T14:15'),
          dossier: code43,
          itemType: label('Tussentijdse evaluatie van het plan van aanpak'),
          broughtBy: long,
        },
      ],
      agendaUrl,
    });
    const context = await browser.newContext({ viewport: NARROW });
    try {
      const page = await context.newPage();
      await page.setContent(mail.html);
      await shot(page, 'mail');
      const cells = await linesOf(page, 'td');
      const times = cells.filter((c) => /^\d\d:\d\d–\d\d:\d\d$/.test(c.text));
      const codes = cells.filter((c) => /^CO3-\d{4}-\d{4}$/.test(c.text));
      expect(times.map((c) => c.text)).toEqual(['13:00–13:30', '13:30–14:15']);
      expect(codes.map((c) => c.text)).toEqual(['CO3-2026-0042', 'CO3-2026-0043']);
      expect([...times, ...codes].map((c) => [c.text, c.lines])).toEqual(
        [...times, ...codes].map((c) => [c.text, 1]),
      );
      // The headers keep their words whole as well ("Agendapunt", not "Agendapun|t").
      expect((await linesOf(page, 'th')).map((c) => [c.text, c.lines])).toEqual([
        ['Tijd', 1],
        ['Dossier', 1],
        ['Agendapunt', 1],
        ['Brengt in', 1],
      ]);
      // The free text still wraps: the page does not grow sideways beyond what it must.
      const brought = cells.filter((c) => c.text === long);
      expect(brought.every((c) => c.lines > 1)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['100%', 'page'],
    // Text enlarged to 200% (WCAG 1.4.4): the heading must wrap, and only between the parts.
    ['200%', 'page-200'],
  ])('on the agenda page, text size %s', async (style, name) => {
    const { context, page } = await loggedInContext(browser, t, 'lotte.verbeke@example.be', {
      viewport: NARROW,
    });
    try {
      await page.goto(`/agenda/${sessionId}`);
      // Through the CSSOM (the page's CSP refuses an inline style sheet).
      if (style) await page.evaluate(`document.documentElement.style.fontSize = ${JSON.stringify(style)}`);
      await shot(page, name);
      const slots = await linesOf(page, '.agenda-item .slot');
      const codes = await linesOf(page, '.agenda-item .dossier-code');
      expect(slots.length).toBe(2);
      expect(slots.every((s) => /^\d\d:\d\d\D+\d\d:\d\d$/.test(s.text))).toBe(true);
      expect(codes.map((c) => c.text).sort()).toEqual(['CO3-2026-0001', 'CO3-2026-0002']);
      expect([...slots, ...codes].map((c) => [c.text, c.lines])).toEqual(
        [...slots, ...codes].map((c) => [c.text, 1]),
      );
    } finally {
      await context.close();
    }
  });
});
