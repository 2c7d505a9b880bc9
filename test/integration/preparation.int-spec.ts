import { ListItemPreparationUseCase, type ItemPreparationView } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { errorNextTo, pageUser, PageUser, textareaValue, textOf } from '../support/page-client';
import { fileAanmelding } from '../support/page-flow';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { otherRegionCoordinator, WITH_OTHER_REGION } from '../support/other-region';
import { eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/** Monday 16 November 2026, 10:00 in Brussels: an aanmelding now goes to the ICO of Friday 27 November. */
const MONDAY = '2026-11-16T09:00:00Z';
/** Tuesday 24 November: the preparation of that ICO started on Friday 20 November, 00:00. */
const TUESDAY = '2026-11-24T09:00:00Z';
/** Friday 27 November, 10:15: the ICO (09:30–12:00) is in progress. */
const IN_SESSION = '2026-11-27T09:15:00Z';
/** The same Friday, 12:30: the session is over. */
const AFTER = '2026-11-27T11:30:00Z';

const POLITIE = 'Politiezone Scheldeland (fictief)';
const PARKET = 'Parket, afdeling familie (fictief)';
const STAD = 'Sociale Dienstverlening Stad (fictief)';

type Client = Awaited<ReturnType<typeof loginAs>>;

/**
 * Issue 13, item 1: an ICO prepared by three partners — politie for the coordinators only, parket
 * and the city's social services for the table — read by each kind of person over HTTP, with the
 * coordinator's reminder to the partners that had not prepared yet.
 */
describe('the partners’ preparation of an ICO item (infodeling)', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  const clock = new ControlledClock(MONDAY);
  let code: string;
  let itemId: string;
  let sessionId: string;
  let otherRegionPerson: string;
  const people: Record<string, Client> = {};
  let griet: PageUser;
  let lottePage: PageUser;

  const put = (who: Client, body: unknown) =>
    fetch(`${t.baseUrl}/api/agenda-items/${itemId}/voorbereiding`, {
      method: 'PUT',
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
    });
  const read = async (who: Client) => {
    const res = await who.get(`/api/agenda-items/${itemId}/voorbereiding`);
    return { status: res.status, body: (await res.json()) as ItemPreparationView & { code?: string } };
  };
  const orgsSeenBy = async (who: Client) =>
    (await read(who)).body.entries.map((e) => [e.organisationName, e.visibility]);

  /** Logins expire with the clock: everyone logs in again after it moves. */
  const at = async (instant: string) => {
    clock.set(instant);
    await logIn();
  };
  const logIn = async () => {
    for (const [key, email] of Object.entries({
      wim: 'wim.jacobs@example.be',
      an: 'an.vermeulen@example.be',
      griet: 'griet.willems@example.be',
      lotte: 'lotte.verbeke@example.be',
      jonas: 'jonas.maes@example.be',
      eva: 'eva.wouters@example.org',
      bram: 'bram.hermans@example.org',
      rik: 'rik.elders@example.org',
    })) {
      people[key] = await loginAs(t, email);
    }
    griet = await pageUser(t, 'griet.willems@example.be');
    lottePage = await pageUser(t, 'lotte.verbeke@example.be');
  };

  beforeAll(async () => {
    t = await startTestApp({ clock, env: WITH_OTHER_REGION });
    db = createPrismaClient(t.db.url, 1);
    const eva = await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } });
    code = await fileAanmelding(
      await pageUser(t, eva.email),
      eva.organisationId!,
      eva.email,
      'Ongerust over de kinderen.',
    );
    const item = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code } } });
    itemId = item.id;
    sessionId = item.sessionId;
    // Another region with a coordinator and member of its own ICO.
    otherRegionPerson = await otherRegionCoordinator(t);
    await logIn();
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('refuses a preparation before the session’s preparation start, with a clear message', async () => {
    const res = await put(people.wim!, { known: true, summary: 'Twee pv’s.', visibility: 'coordinatoren' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'PREPARATION_NOT_STARTED',
      message: 'De voorbereiding van deze zitting is nog niet gestart.',
    });
    const page = await griet.get(`/voorbereiding/${itemId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-closed');
    expect(page.html).not.toContain(`action="/voorbereiding/${itemId}"`);
  });

  it('takes politie’s entry for the coordinators only, and reminds the two partners that have not prepared', async () => {
    await at(TUESDAY);
    const bad = await put(people.wim!, { known: true, visibility: 'geheim' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'summary',
      'visibility',
    ]);
    const saved = await put(people.wim!, {
      known: true,
      summary: 'Twee pv’s partnergeweld, laatste in oktober.',
      riskSignals: 'Wapenvergunning op naam van de vader.',
      visibility: 'coordinatoren',
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ itemId, dossierCode: code, created: true });
    // The chair and coordinators do not prepare as a partner.
    expect((await put(people.lotte!, { known: false, visibility: 'tafel' })).status).toBe(403);

    const overview = (await (await people.lotte!.get(`/api/sessions/${sessionId}/voorbereiding`)).json()) as {
      items: { partners: { organisationName: string; prepared: boolean }[] }[];
    };
    expect(overview.items).toEqual([
      expect.objectContaining({ itemId, dossierCode: code, prepared: 1, expected: 3 }),
    ]);
    expect(overview.items[0]!.partners.map((p) => [p.organisationName, p.prepared])).toEqual([
      [PARKET, false],
      [POLITIE, true],
      [STAD, false],
    ]);
    // A member has no overview and no reminder button.
    expect((await people.griet!.get(`/api/sessions/${sessionId}/voorbereiding`)).status).toBe(403);

    const reminded = await people.lotte!.post(`/api/agenda-items/${itemId}/voorbereiding/herinnering`, {});
    expect(reminded.status).toBe(200);
    expect(
      ((await reminded.json()) as { reminded: { organisationName: string }[] }).reminded.map(
        (r) => r.organisationName,
      ),
    ).toEqual([PARKET, STAD]);
    const subject = `Voorbereiding: ${code} – Verkennend casusoverleg (ICO) 27 november 2026 – CO3 Antwerpen`;
    const mails = await eventually(async () => {
      const found = (await t.sink.list()).filter((m) => m.subject.startsWith('Voorbereiding:'));
      return found.length >= 2 && found;
    }, 'the two reminders in the sink');
    expect(
      mails
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(['an.vermeulen@example.be', 'griet.willems@example.be']);
    expect(new Set(mails.map((m) => m.subject))).toEqual(new Set([subject]));
    const text = (await t.sink.read(mails[0]!.id))!.text;
    expect(text).toContain(`/voorbereiding/${itemId}`);
    expect(text).not.toMatch(/pv’s|Wapenvergunning|Ongerust|Politiezone/);
    const audit = await db.auditEvent.findMany({ where: { action: 'preparation.remind' } });
    expect(audit.map((a) => [a.actorPersonId, a.outcome, a.details])).toEqual([
      [people.lotte!.personId, 'allowed', { code, organisations: 2, recipients: 2 }],
    ]);

    // The reminder button carries a one-time key: five posts at once remind once (issue #15).
    const lottePage = await pageUser(t, 'lotte.verbeke@example.be');
    const action = `/voorbereiding/${itemId}/herinnering`;
    const submissionKey = formKey((await lottePage.get(`/voorbereiding/zitting/${sessionId}`)).html, action);
    const presses = await postConcurrently(lottePage, action, { submissionKey }, 5);
    expect(new Set(presses.map((p) => `${p.status} ${p.location}`))).toEqual(
      new Set([`303 /voorbereiding/zitting/${sessionId}?melding=herinnerd#punt-${itemId}`]),
    );
    expect(await db.auditEvent.count({ where: { action: 'preparation.remind' } })).toBe(2);
    const retried = await Promise.all(
      [1, 2, 3].map(() =>
        postWithKey(
          t,
          people.lotte!,
          `/api/agenda-items/${itemId}/voorbereiding/herinnering`,
          {},
          'herinnering-0001',
        ),
      ),
    );
    // The retries answer as the first (the stored answer, its keys in another order).
    expect(retried).toEqual(Array(3).fill({ status: 200, body: retried[0]!.body }));
    expect(retried[0]!.body).toMatchObject({ sessionId, dossierCode: code });
    expect(retried[0]!.status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: 'preparation.remind' } })).toBe(3);
  });

  it('keeps the page form’s input with the error next to the field, then saves the city’s entry', async () => {
    const failed = await griet.post(`/voorbereiding/${itemId}`, {
      known: 'ja',
      summary: '',
      riskSignals: 'Huurachterstal',
      visibility: 'tafel',
    });
    expect(failed.status).toBe(400);
    expect(errorNextTo(failed.html, 'voorbereiding-summary')).toBe(
      'Vat kort samen wat uw organisatie over het gezin kent.',
    );
    expect(textareaValue(failed.html, 'voorbereiding-riskSignals')).toBe('Huurachterstal');
    expect(failed.html).toMatch(/id="voorbereiding-known" name="known" value="ja" checked/);
    const saved = await griet.post(`/voorbereiding/${itemId}`, {
      known: 'ja',
      summary: 'Leefloon sinds 2025, schuldbemiddeling.',
      riskSignals: 'Huurachterstal',
      visibility: 'tafel',
    });
    expect([saved.status, saved.location]).toEqual([303, `/voorbereiding/${itemId}?melding=opgeslagen`]);
    const page = await griet.get(saved.location!);
    expect(textareaValue(page.html, 'voorbereiding-summary')).toBe('Leefloon sinds 2025, schuldbemiddeling.');
    const parket = await put(people.an!, {
      known: true,
      summary: 'Eerst iets gevonden.',
      visibility: 'tafel',
    });
    expect(await parket.json()).toMatchObject({ created: true });
    // Changed in place: still one entry for the parket.
    const changed = await put(people.an!, { known: false, visibility: 'tafel' });
    expect(await changed.json()).toMatchObject({ created: false });
    const rows = await db.itemPreparation.findMany({ where: { agendaItemId: itemId } });
    expect(rows.map((r) => [r.known, r.summary, r.visibility]).sort()).toEqual([
      [false, null, 'tafel'],
      [true, 'Leefloon sinds 2025, schuldbemiddeling.', 'tafel'],
      [true, 'Twee pv’s partnergeweld, laatste in oktober.', 'coordinatoren'],
    ]);
  });

  it('shows a member only their own entry before the session; the other region and strangers get 404', async () => {
    expect(await orgsSeenBy(people.griet!)).toEqual([[STAD, 'tafel']]);
    expect(textOf((await griet.get(`/voorbereiding/${itemId}`)).html)).toContain(
      'De inbreng van de andere partners voor de tafel ziet u vanaf het begin van de zitting',
    );
    for (const who of [people.rik!, people.bram!]) {
      const res = await read(who);
      expect([res.status, res.body.code]).toEqual([404, 'ITEM_NOT_FOUND']);
    }
    expect(
      (await pageUser(t, 'rik.elders@example.org').then((p) => p.get(`/voorbereiding/${itemId}`))).status,
    ).toBe(404);
    const unknown = await people.lotte!.get(
      '/api/agenda-items/00000000-0000-4000-8000-000000000000/voorbereiding',
    );
    expect(unknown.status).toBe(404);
    expect((await put(people.rik!, { known: false, visibility: 'tafel' })).status).toBe(404);
    expect((await people.rik!.get(`/api/sessions/${sessionId}/voorbereiding`)).status).toBe(404);
    // Through the use case as well: the other region's coordinator finds nothing.
    await expect(
      t.app.get(ListItemPreparationUseCase).execute({
        viewer: {
          personId: otherRegionPerson,
          regionId: (await db.region.findUniqueOrThrow({ where: { key: 'vlaams-brabant' } })).id,
          coordinatorTables: 'all',
          memberTables: ['triage-overleg'],
          route: 'test',
        },
        itemId,
      }),
    ).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND', kind: 'not_found' });
    const denied = await db.auditEvent.findMany({
      where: { action: 'preparation.read', outcome: 'denied', actorPersonId: otherRegionPerson },
    });
    expect(denied.length).toBeGreaterThanOrEqual(3);
    // The region fence names the dossier of another region's attempt in the log (issue #17), with
    // the reason; the answer itself says nothing of it.
    expect(
      denied.every(
        (d) => d.dossierId === null || (d.details as { reason?: string }).reason === 'OTHER_REGION',
      ),
    ).toBe(true);
  });

  it('in session: members see the tafel entries, not the coordinators-only one; the chair sees all on one screen; the aanmelder none', async () => {
    await at(IN_SESSION);
    expect(await orgsSeenBy(people.griet!)).toEqual([
      [PARKET, 'tafel'],
      [STAD, 'tafel'],
    ]);
    expect(await orgsSeenBy(people.an!)).toEqual([
      [PARKET, 'tafel'],
      [STAD, 'tafel'],
    ]);
    expect(await orgsSeenBy(people.wim!)).toEqual([
      [PARKET, 'tafel'],
      [POLITIE, 'coordinatoren'],
      [STAD, 'tafel'],
    ]);
    const member = await griet.get(`/voorbereiding/${itemId}`);
    expect(textOf(member.html)).toContain('Leefloon sinds 2025');
    expect(textOf(member.html)).not.toMatch(/pv’s|Wapenvergunning/);

    for (const who of [people.lotte!, people.jonas!]) {
      const { body } = await read(who);
      expect(body.audience).toBe('full');
      expect(body.entries.map((e) => e.organisationName)).toEqual([PARKET, POLITIE, STAD]);
      expect(body.partners!.every((p) => p.prepared)).toBe(true);
    }
    const chair = textOf((await lottePage.get(`/voorbereiding/${itemId}`)).html);
    for (const shown of ['Twee pv’s partnergeweld', 'Wapenvergunning', 'Leefloon sinds 2025', PARKET]) {
      expect(chair).toContain(shown);
    }

    const aanmelder = await read(people.eva!);
    expect([
      aanmelder.status,
      aanmelder.body.audience,
      aanmelder.body.entries,
      aanmelder.body.partners,
    ]).toEqual([200, 'aanmelder', [], null]);
    const evaPage = textOf(
      (await pageUser(t, 'eva.wouters@example.org').then((p) => p.get(`/voorbereiding/${itemId}`))).html,
    );
    expect(evaPage).toContain('Als aanmelder ziet u de inbreng van de partners niet');
    expect(evaPage).not.toMatch(/Leefloon|pv’s|Wapenvergunning/);

    const reads = await db.auditEvent.findMany({
      where: { action: 'preparation.read', outcome: 'allowed', actorPersonId: people.eva!.personId },
      orderBy: { id: 'asc' },
    });
    expect(reads.at(-1)!.details).toEqual({ code, audience: 'aanmelder', shown: 0, of: 3 });
    const writes = await db.auditEvent.findMany({
      where: { action: 'preparation.record', outcome: 'allowed' },
      orderBy: { id: 'asc' },
    });
    expect(writes.map((w) => (w.details as { created: boolean }).created)).toEqual([true, true, true, false]);
    expect(JSON.stringify(writes.map((w) => w.details))).not.toMatch(/Leefloon|pv’s|Wapenvergunning/);
  });

  it('links the preparation from the agenda page, and closes it once the session is over', async () => {
    const agenda = await lottePage.get(`/agenda/${sessionId}`);
    expect(agenda.html).toContain(`href="/voorbereiding/${itemId}"`);
    expect(agenda.html).toContain(`href="/voorbereiding/zitting/${sessionId}"`);
    const overview = await lottePage.get(`/voorbereiding/zitting/${sessionId}`);
    expect(textOf(overview.html)).toContain('3 van 3 voorbereid');
    await at(AFTER);
    const late = await put(people.an!, { known: true, summary: 'Toch iets gevonden.', visibility: 'tafel' });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'SESSION_HELD' });
    expect(
      (await people.lotte!.post(`/api/agenda-items/${itemId}/voorbereiding/herinnering`, {})).status,
    ).toBe(409);
  });
});
