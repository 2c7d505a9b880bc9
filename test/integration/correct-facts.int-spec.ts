import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, inputValue, pageUser, textOf } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 3, with literal dates: the agendering preview names the deadline of the session
 * it names (a full session sends the item on, with the next session's own deadline); capacity
 * cannot go below what is planned; a session whose end has passed is gehouden, apart from the
 * coming ones.
 */
const clock = new ControlledClock('2026-12-02T10:00:00+01:00');

interface Summary {
  id: string;
  startsAt: string;
  status: string;
  deadline: string;
  usedMinutes: number;
  capacityMinutes: number;
}

describe('correct facts on the agendering and table pages', () => {
  let t: TestApp;
  let lotte: Awaited<ReturnType<typeof loginAs>>;

  const json = (who: { cookie: string; csrfToken: string }, method: string, url: string, body?: unknown) =>
    fetch(`${t.baseUrl}${url}`, {
      method,
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const sessionsOf = async (table: string) =>
    ((await (await json(lotte, 'GET', `/api/tables/${table}/agenda`)).json()) as { sessions: Summary[] })
      .sessions;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    lotte = await loginAs(t, 'lotte.verbeke@example.be');
  }, 60_000);
  afterAll(async () => t?.close());

  it('previews the next session with ITS deadline when the first is full (29 December with 21 December)', async () => {
    clock.set('2026-12-02T10:00:00+01:00');
    const sessions = await sessionsOf('weegploeg');
    const dec15 = sessions.find((s) => s.startsAt.startsWith('2026-12-15'))!;
    const dec29 = sessions.find((s) => s.startsAt.startsWith('2026-12-29'))!;
    expect(dec15).toBeDefined();
    expect(dec29).toBeDefined();
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    const before = (await (
      await json(sara, 'GET', '/api/agendering/preview?table=weegploeg&type=plan-van-aanpak')
    ).json()) as { sessionText: string; deadlineText: string; deadline: string };
    expect(before.sessionText).toBe('dinsdag 15 december 2026');
    expect(before.deadline).toBe(dec15.deadline);
    // The coordinator fills 15 December: no minute left.
    const full = await json(lotte, 'POST', `/api/sessions/${dec15.id}/capacity`, {
      capacityMinutes: dec15.usedMinutes,
      reason: 'Korte zitting',
    });
    expect(full.status).toBe(204);
    const preview = (await (
      await json(sara, 'GET', '/api/agendering/preview?table=weegploeg&type=plan-van-aanpak')
    ).json()) as { sessionText: string; deadlineText: string; deadline: string; notice: string };
    expect(preview.sessionText).toBe('dinsdag 29 december 2026');
    expect(preview.deadline).toBe(dec29.deadline);
    expect(preview.deadline).not.toBe(dec15.deadline);
    expect(preview.deadlineText).toBe('maandag 21 december 2026 om 12:00');
    expect(preview.notice).toContain('Weegploeg van dinsdag 15 december 2026 is volzet.');
    // The page says the same.
    const page = await (
      await pageUser(t, 'sara.elidrissi@example.org')
    ).get('/agendering?dossier=CO3-2026-0001&tafel=weegploeg&type=plan-van-aanpak');
    const zitting = textOf(/<p class="notice" id="agendering-zitting">[\s\S]*?<\/p>/.exec(page.html)![0]);
    expect(zitting).toContain('dinsdag 29 december 2026');
    expect(zitting).toContain('maandag 21 december 2026 om 12:00');
  });

  it('refuses a capacity below what is planned, next to the field, and changes nothing', async () => {
    clock.set('2026-12-02T10:00:00+01:00');
    // An aanmelding takes a slot of the coming ICO.
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const db = createPrismaClient(t.db.url, 1);
    const organisationId = (await db.organisation.findFirstOrThrow({ where: { kind: 'caw' } })).id;
    await db.$disconnect();
    const filed = await json(eva, 'POST', '/api/aanmeldingen', {
      organisationId,
      contactEmail: 'eva.wouters@example.org',
      whyNow: 'Nieuw incident.',
      violenceDescription: 'Partnergeweld.',
      situationAtStart: 'Begin.',
      situationNow: 'Nu.',
      mainRisks: 'Herhaling.',
      clients: [{ label: 'Persoon A', role: 'slachtoffer' }],
      clientRelations: 'Alleen.',
      servicesInvolved: 'CAW.',
      safetyPlanExists: false,
      questionsAndExpectations: 'Advies.',
      confidentialityConfirmed: true,
      familyInformed: true,
    });
    expect(filed.status).toBe(201);
    const planned = (await sessionsOf('ico')).find((s) => s.usedMinutes > 0 && s.status === 'planned')!;
    expect(planned).toBeDefined();
    const api = await json(lotte, 'POST', `/api/sessions/${planned.id}/capacity`, {
      capacityMinutes: planned.usedMinutes - 1,
      reason: 'Kortere zitting',
    });
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({
      field: 'capacityMinutes',
      message: expect.stringContaining(`de capaciteit kan niet lager dan ${planned.usedMinutes} minuten`),
    });
    const coordinator = await pageUser(t, 'lotte.verbeke@example.be');
    const page = await coordinator.post(`/tafels/ico/zittingen/${planned.id}/capaciteit`, {
      capacityMinutes: String(planned.usedMinutes - 1),
      reason: 'Kortere zitting',
    });
    expect(page.status).toBe(400);
    expect(errorNextTo(page.html, `capaciteit-${planned.id}-capacityMinutes`)).toBe(
      `Op deze zitting staan al agendapunten voor ${planned.usedMinutes} minuten; de capaciteit kan niet lager dan ` +
        `${planned.usedMinutes} minuten. Verplaats eerst agendapunten naar een andere zitting.`,
    );
    expect(inputValue(page.html, `capaciteit-${planned.id}-capacityMinutes`)).toBe(
      String(planned.usedMinutes - 1),
    );
    const after = (await sessionsOf('ico')).find((s) => s.id === planned.id)!;
    expect([after.capacityMinutes, after.usedMinutes]).toEqual([
      planned.capacityMinutes,
      planned.usedMinutes,
    ]);
  });

  it('reads a session that ended hours ago as gehouden, under the held and not the coming sessions', async () => {
    // Friday 4 December 2026, 15:00 in Brussels: the ICO of 09:30–12:00 ended three hours ago.
    clock.set('2026-12-04T15:00:00+01:00');
    lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const ico = await sessionsOf('ico');
    const today = ico.find((s) => s.startsAt === '2026-12-04T08:30:00.000Z')!;
    expect(today.status).toBe('held');
    const next = ico.find((s) => s.startsAt === '2026-12-11T08:30:00.000Z')!;
    expect(next.status).toBe('planned');
    const page = await (await pageUser(t, 'lotte.verbeke@example.be')).get('/tafels/ico');
    expect(page.status).toBe(200);
    const coming = /<h2 id="komende-zittingen">[\s\S]*?<\/table>/.exec(page.html)![0];
    expect(coming).not.toContain(`zitting-${today.id}`);
    expect(coming).toContain(`zitting-${next.id}`);
    const held = textOf(new RegExp(`<li id="gehouden-${today.id}">[\\s\\S]*?</li>`).exec(page.html)![0]);
    expect(held).toContain('vrijdag 4 december 2026');
    expect(held).toContain('gehouden');
    expect(held).not.toContain('in voorbereiding');
  });
});
