import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Fifty aanmeldingen racing for the last slot of an ICO: exactly as many as fit get it, the rest
 * land on the next sessions (five per ICO, as many as fit, in order), none is lost or placed twice. Real HTTP, real PostgreSQL, one
 * connection pool — the per-table advisory lock is what keeps them in line.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const RACERS = 50;

describe('fifty submissions racing for the last slot', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 2);
  });
  afterAll(async () => {
    await db.$disconnect();
    await t.close();
  });

  it('places exactly one on the last slot and the other 49 on the next sessions in order, each once', async () => {
    const organisationId = (await db.organisation.findFirstOrThrow({ where: { kind: 'caw' } })).id;
    const body = {
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
    };
    const eva = await loginAs(t, 'eva.wouters@example.org');
    // Four of the five slots of Friday 4 December are taken first.
    for (let i = 0; i < 4; i++) expect((await eva.post('/api/aanmeldingen', body)).status).toBe(201);
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    const sessions = (await (await lotte.get('/api/tables/ico/agenda')).json()) as {
      sessions: { id: string; startsAt: string; status: string }[];
    };
    const open = sessions.sessions.filter((s) => s.status !== 'cancelled');
    const dec4 = open.find((s) => s.startsAt === '2026-12-04T08:30:00.000Z')!;
    // The sessions after it, Christmas and New Year's Day (holidays) skipped.
    const next = open.slice(open.indexOf(dec4) + 1);
    expect(next.slice(0, 3).map((s) => s.startsAt)).toEqual([
      '2026-12-11T08:30:00.000Z',
      '2026-12-18T08:30:00.000Z',
      '2027-01-08T08:30:00.000Z',
    ]);

    const clients = await Promise.all(Array.from({ length: 5 }, () => loginAs(t, 'eva.wouters@example.org')));
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => clients[i % clients.length]!.post('/api/aanmeldingen', body)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(RACERS);
    const answers = (await Promise.all(results.map((r) => r.json()))) as {
      dossierCode: string;
      agendaItemId: string;
      slot: { sessionId: string };
    }[];

    // Codes and items are all distinct: nobody got someone else's dossier or slot.
    expect(new Set(answers.map((a) => a.dossierCode)).size).toBe(RACERS);
    expect(new Set(answers.map((a) => a.agendaItemId)).size).toBe(RACERS);
    expect(answers.filter((a) => a.slot.sessionId === dec4.id)).toHaveLength(1);
    // The other 49 fill the next sessions to the brim, one after the other: 5, 5, …, 4.
    const rows = await db.session.findMany({
      where: { tableKey: 'ico', startsAt: { gt: new Date(dec4.startsAt) }, status: { not: 'cancelled' } },
      orderBy: { startsAt: 'asc' },
    });
    const perSession = rows.map((s) => answers.filter((a) => a.slot.sessionId === s.id).length);
    expect(perSession.slice(0, 10)).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 4]);
    expect(perSession.slice(10).every((n) => n === 0)).toBe(true);
    expect(rows[9]!.startsAt.toISOString()).toBe('2027-02-26T08:30:00.000Z');

    // What is stored agrees with what was answered, and every agenda is sound.
    const items = await db.agendaItem.findMany({
      where: { tableKey: 'ico' },
      orderBy: [{ sessionId: 'asc' }, { position: 'asc' }],
    });
    expect(items).toHaveLength(RACERS + 4);
    for (const a of answers)
      expect(items.find((i) => i.id === a.agendaItemId)!.sessionId).toBe(a.slot.sessionId);
    for (const sessionId of [dec4.id, ...rows.slice(0, 10).map((s) => s.id)]) {
      const onSession = items.filter((i) => i.sessionId === sessionId);
      expect(onSession.map((i) => i.position)).toEqual(onSession.map((_, k) => k + 1));
      for (let k = 1; k < onSession.length; k++) {
        expect(onSession[k]!.slotStart!.getTime()).toBe(onSession[k - 1]!.slotEnd!.getTime());
      }
    }
    expect(items.filter((i) => i.sessionId === dec4.id)).toHaveLength(5);
    const lastOfDec4 = items.filter((i) => i.sessionId === dec4.id).at(-1)!;
    expect(lastOfDec4.slotEnd!.toISOString()).toBe('2026-12-04T11:00:00.000Z');
    expect(await db.dossier.count({ where: { phase: 'aangemeld' } })).toBe(RACERS + 4 + 1);
  }, 60_000);

  it('files one aanmelding for twenty racing requests with the same Idempotency-Key, and answers each with its ids', async () => {
    const organisationId = (await db.organisation.findFirstOrThrow({ where: { kind: 'caw' } })).id;
    const eva = await loginAs(t, 'eva.wouters@example.org');
    const before = await db.aanmelding.count();
    const send = (key: string) =>
      fetch(`${t.baseUrl}/api/aanmeldingen`, {
        method: 'POST',
        headers: {
          cookie: eva.cookie,
          'x-csrf-token': eva.csrfToken,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify({
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
        }),
      });
    const results = await Promise.all(Array.from({ length: 20 }, () => send('dubbel-klik-0001')));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    const answers = (await Promise.all(results.map((r) => r.json()))) as {
      dossierCode: string;
      agendaItemId: string;
    }[];
    expect(new Set(answers.map((a) => a.dossierCode)).size).toBe(1);
    expect(new Set(answers.map((a) => a.agendaItemId)).size).toBe(1);
    expect(await db.aanmelding.count()).toBe(before + 1);
    // Another key is another aanmelding; a key that is not one is refused, naming the header.
    expect((await send('dubbel-klik-0002')).status).toBe(201);
    const bad = await send('kort');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'Idempotency-Key' });
    expect(await db.aanmelding.count()).toBe(before + 2);
  }, 60_000);

  it("reads a table's sessions without waiting for its lock once their rows exist, and makes missing rows under it", async () => {
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    expect((await lotte.get('/api/tables/weegploeg/agenda')).status).toBe(200);
    const region = await db.region.findUniqueOrThrow({ where: { key: 'co3-antwerpen' } });
    const count = () => db.session.count({ where: { tableKey: 'weegploeg' } });
    const rowsBefore = await count();
    // Someone holds the Weegploeg's lock (a long change); the page must not wait for it.
    const holder = createPrismaClient(t.db.url, 1);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holding = holder.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(4104, hashtext(${`${region.id}:weegploeg`}))`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    try {
      const started = Date.now();
      const res = await lotte.get('/api/tables/weegploeg/agenda');
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await count()).toBe(rowsBefore);

      // A row that is missing (deleted here) is made again, after the lock is free.
      const last = await db.session.findFirstOrThrow({
        where: {
          tableKey: 'weegploeg',
          status: 'planned',
          agendaItems: { none: {} },
          rolledOverItemsFrom: { none: {} },
          mails: { none: {} },
        },
        orderBy: { startsAt: 'desc' },
      });
      await db.session.delete({ where: { id: last.id } });
      let answered = false;
      const pending = lotte.get('/api/tables/weegploeg/agenda').then((r) => {
        answered = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(answered).toBe(false);
      release();
      expect((await pending).status).toBe(200);
      expect(await count()).toBe(rowsBefore);
      expect(await db.session.count({ where: { tableKey: 'weegploeg', startsAt: last.startsAt } })).toBe(1);
    } finally {
      release();
      await holding;
      await holder.$disconnect();
    }
  });
});
