import { createPrismaClient } from '@overlegtafels/persistence';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

describe('the tables API', () => {
  let t: TestApp;
  let member: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    member = await loginAs(t, 'wim.jacobs@example.be');
  }, 60_000);
  afterAll(async () => t?.close());

  it('lists the three CO3 tables', async () => {
    const body = (await (await member.get('/api/tables')).json()) as {
      region: string;
      tables: { key: string; hours: unknown }[];
    };
    expect(body.region).toBe('co3-antwerpen');
    expect(body.tables.map((x) => x.key)).toEqual(['ico', 'weegploeg', 'ronde-tafel']);
  });

  it('answers a placement with the same JSON as the CLI', async () => {
    const res = await member.get(
      '/api/tables/weegploeg/placement?submittedAt=' + encodeURIComponent('2026-11-20T10:00:00+01:00'),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(
      '{"region":"co3-antwerpen","table":"weegploeg","session":{"start":"2026-12-01T13:00:00+01:00","end":"2026-12-01T16:00:00+01:00"},' +
        '"deadline":"2026-11-23T12:00:00+01:00","freezeAt":"2026-11-26T12:00:00+01:00","agendaSendAt":"2026-11-26T12:00:00+01:00"}',
    );
  });

  it('names the bad parameter in a 400', async () => {
    const noOffset = await member.get('/api/tables/ico/placement?submittedAt=2026-11-20T10:00:00');
    expect(noOffset.status).toBe(400);
    expect(await noOffset.json()).toMatchObject({ field: 'submittedAt', code: 'MISSING_OFFSET' });
    const badType = await member.get(
      '/api/tables/ico/placement?submittedAt=2026-11-20T10:00:00Z&type=koffie',
    );
    expect(badType.status).toBe(400);
    expect(await badType.json()).toMatchObject({ field: 'type', code: 'UNKNOWN_ITEM_TYPE' });
    const missing = await member.get('/api/tables/ico/placement');
    expect(await missing.json()).toMatchObject({ field: 'submittedAt' });
    const badRange = await member.get('/api/tables/ico/sessions?from=2026-13-01');
    expect(badRange.status).toBe(400);
    expect(await badRange.json()).toMatchObject({ field: 'from' });
    const unknown = await member.get('/api/tables/koffietafel/sessions');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ field: 'key', code: 'UNKNOWN_TABLE' });
  });

  it('lists holiday-cancelled sessions with their reason', async () => {
    const body = (await (
      await member.get('/api/tables/ico/sessions?from=2026-12-20&to=2027-01-05')
    ).json()) as {
      sessions: { date: string; status: string; cancellation?: { source: string } }[];
    };
    expect(body.sessions.map((s) => [s.date, s.status, s.cancellation?.source])).toEqual([
      ['2026-12-25', 'cancelled', 'holiday'],
      ['2027-01-01', 'cancelled', 'holiday'],
    ]);
  });

  it('lays a coordinator’s cancellation from the database over the series, and placement skips it', async () => {
    const db = createPrismaClient(t.db.url, 1);
    const region = await db.region.findUniqueOrThrow({ where: { key: 'co3-antwerpen' } });
    await db.session.create({
      data: {
        regionId: region.id,
        tableKey: 'weegploeg',
        scheduledStart: new Date('2026-12-01T12:00:00Z'),
        startsAt: new Date('2026-12-01T12:00:00Z'),
        endsAt: new Date('2026-12-01T15:00:00Z'),
        status: 'cancelled',
        cancelReason: 'studiedag ketenpartners',
      },
    });
    await db.$disconnect();
    const sessions = (await (
      await member.get('/api/tables/weegploeg/sessions?from=2026-11-30&to=2026-12-16')
    ).json()) as {
      sessions: { date: string; status: string; cancellation?: { reason: string } }[];
    };
    expect(sessions.sessions.map((s) => [s.date, s.status, s.cancellation?.reason])).toEqual([
      ['2026-12-01', 'cancelled', 'studiedag ketenpartners'],
      ['2026-12-15', 'open', undefined],
    ]);
    const placed = (await (
      await member.get('/api/tables/weegploeg/placement?submittedAt=2026-11-20T10:00:00%2B01:00')
    ).json()) as {
      session: { start: string };
    };
    expect(placed.session.start).toBe('2026-12-15T13:00:00+01:00');
  });

  it('is closed to people who are not logged in', async () => {
    expect((await fetch(`${t.baseUrl}/api/tables`, { headers: { accept: 'application/json' } })).status).toBe(
      401,
    );
  });
});
