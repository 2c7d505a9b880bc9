import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ICAL_CHECK_DIR, ICAL_PYTHON, libicalAvailable, parseFeed } from '@overlegtafels/mail/testing';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/** The reminder a person chooses on /agenda-abonnement, in their invitations and their feed. */
describe('calendar reminder (VALARM)', () => {
  let t: TestApp;
  const now = new Date('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    if (!libicalAvailable && process.env.CI) {
      throw new Error(`CI needs libical (python3-gi, gir1.2-ical-3.0) and ${ICAL_CHECK_DIR}`);
    }
    t = await startTestApp({ withWorker: false, clock: { now: () => now } });
  }, 60_000);
  afterAll(async () => t?.close());

  const post = (cookie: string, action: string, fields: Record<string, string>) =>
    fetch(`${t.baseUrl}${action}`, {
      method: 'POST',
      headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });
  const page = async (cookie: string) =>
    (await fetch(`${t.baseUrl}/agenda-abonnement`, { headers: { cookie, accept: 'text/html' } })).text();
  const checked = (html: string) =>
    [...html.matchAll(/<input type="radio" name="herinnering" value="([^"]+)"( checked)?>/g)]
      .filter((m) => m[2])
      .map((m) => m[1]);
  const triggers = (ics: string) =>
    [...ics.replace(/\r\n[ \t]/g, '').matchAll(/^TRIGGER:(.+)\r$/gm)].map((m) => m[1]);

  function libical(content: string): [number | null, string] {
    const dir = mkdtempSync(path.join(tmpdir(), 'reminder-check-'));
    try {
      const file = path.join(dir, 'x.ics');
      writeFileSync(file, content);
      const run = spawnSync(ICAL_PYTHON, [path.join(ICAL_CHECK_DIR, 'libical_check.py'), file], {
        encoding: 'utf8',
      });
      return [run.status, run.stdout + run.stderr];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('offers none, 15 minutes, 1 hour and 1 day, with none chosen at first', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const html = await page(wim.cookie);
    expect(html).toContain('<legend>Herinnering</legend>');
    expect(checked(html)).toEqual(['geen']);
    for (const label of ['Geen herinnering', '15 minuten vooraf', '1 uur vooraf', '1 dag vooraf']) {
      expect(html).toContain(label);
    }
  });

  it.each(['2u', '', 'geen\u0000', '15'])(
    'refuses %j next to the field (400), keeping the earlier choice',
    async (value) => {
      const wim = await loginAs(t, 'wim.jacobs@example.be');
      const res = await post(wim.cookie, '/agenda-abonnement/herinnering', {
        _csrf: wim.csrfToken,
        herinnering: value,
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(
        /<fieldset id="herinnering" aria-describedby="herinnering-fout">\s*<legend>Herinnering<\/legend>\s*<p class="error" id="herinnering-fout"><span class="visually-hidden">Fout: <\/span>Kies een herinnering uit de lijst/,
      );
      expect(checked(html)).toEqual(['geen']);
    },
  );

  it('refuses the form without the CSRF token', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    expect((await post(wim.cookie, '/agenda-abonnement/herinnering', { herinnering: '1u' })).status).toBe(
      403,
    );
    expect(checked(await page(wim.cookie))).toEqual(['geen']);
  });

  it('applies the choice to the person’s invitations and feed, and only theirs; libical accepts both', async () => {
    const wim = await loginAs(t, 'wim.jacobs@example.be');
    const saved = await post(wim.cookie, '/agenda-abonnement/herinnering', {
      _csrf: wim.csrfToken,
      herinnering: '1u',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/agenda-abonnement?melding=herinnering');
    const html = await page(wim.cookie);
    expect(checked(html)).toEqual(['1u']);

    const prisma = createPrismaClient(t.db.url, 1);
    try {
      // The feed first (it stores the upcoming sessions it shows).
      const made = await post(wim.cookie, '/agenda-abonnement', { _csrf: wim.csrfToken });
      const url = /value="http:\/\/localhost:3999(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(
        await made.text(),
      )![1]!;
      const feed = await (await fetch(`${t.baseUrl}${url}`)).text();
      const entries = parseFeed(feed).entries;
      const live = entries.filter((e) => e.status === 'CONFIRMED').length;
      expect(live).toBeGreaterThan(10);
      expect(triggers(feed)).toEqual(Array<string>(live).fill('-PT1H'));
      if (libicalAvailable) expect(libical(feed)).toEqual([0, expect.any(String)]);

      const session = await prisma.session.findFirstOrThrow({
        where: { tableKey: 'weegploeg', scheduledStart: new Date('2026-12-15T12:00:00.000Z') },
      });
      // The Weegploeg has no item: the coordinator keeps it and sends it now (issue #15: an empty
      // agenda goes out as a meeting only then).
      const lotte = await loginAs(t, 'lotte.verbeke@example.be');
      expect((await lotte.post(`/api/sessions/${session.id}/send`, { keepEmpty: true })).status).toBe(200);
      const mails = await prisma.mailOutbox.findMany({
        where: { sessionId: session.id, icsContent: { not: null } },
        select: { recipientEmail: true, icsContent: true },
      });
      const mine = mails.filter((m) => m.recipientEmail === 'wim.jacobs@example.be');
      const others = mails.filter((m) => m.recipientEmail !== 'wim.jacobs@example.be');
      expect(mine).toHaveLength(1);
      expect(others.length).toBeGreaterThan(0);
      expect(triggers(mine[0]!.icsContent!)).toEqual(['-PT1H']);
      expect(mine[0]!.icsContent).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\n');
      expect(others.every((m) => !m.icsContent!.includes('VALARM'))).toBe(true);
      if (libicalAvailable) expect(libical(mine[0]!.icsContent!)).toEqual([0, expect.any(String)]);

      // Back to none: the next feed has no alarm.
      await post(wim.cookie, '/agenda-abonnement/herinnering', { _csrf: wim.csrfToken, herinnering: 'geen' });
      expect(triggers(await (await fetch(`${t.baseUrl}${url}`)).text())).toEqual([]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
