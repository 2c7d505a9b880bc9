import type { Principal } from '@overlegtafels/auth';
import type { AuditLog } from '../ports/audit-log.port';
import type { AppConfig } from '@overlegtafels/config';
import type { CalendarState } from '@overlegtafels/domain';
import type { CalendarStateRepository } from '../ports/calendar-state.port';
import { ControlledClock, FakeObligationReadModel, fakeListRow } from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import { CoordinationOverviewUseCase } from './coordination-overview.usecase';

const lotte: Principal = {
  personId: 'lotte',
  regionId: 'region-1',
  displayName: 'Lotte',
  email: 'lotte@example.org',
  organisationId: null,
  grants: [{ role: 'coordinator', tableKey: null }],
  sessionId: 's',
  csrfToken: 'c',
};

const NOW = '2026-05-04T10:00:00Z'; // Monday

function setup(calendars: Record<string, CalendarState> = {}) {
  const sara = {
    casusregisseurId: 'sara',
    casusregisseurName: 'Sara',
    organisationId: 'caw',
    organisationName: 'CAW',
  };
  const tom = {
    casusregisseurId: 'tom',
    casusregisseurName: 'Tom',
    organisationId: 'ocmw',
    organisationName: 'OCMW',
  };
  const reads = new FakeObligationReadModel()
    .add(fakeListRow('s1', { ...sara, dueAt: new Date('2026-04-20T07:00:00Z') }))
    .add(
      fakeListRow('s2', {
        ...sara,
        ruleKey: 'afstemming-consulent',
        dueAt: new Date('2026-04-28T07:00:00Z'),
      }),
    )
    .add(fakeListRow('t1', { ...tom, dueAt: new Date('2026-04-30T07:00:00Z') }))
    // Optional: never counted as overdue.
    .add(
      fakeListRow('opt', {
        ...tom,
        ruleKey: 'opvolging-na-afronding',
        dueAt: new Date('2026-04-01T07:00:00Z'),
      }),
    )
    .add(
      fakeListRow('q1', {
        ...tom,
        ownerRole: 'coordinator',
        tableKey: 'ronde-tafel',
        ruleKey: 'kwaliteitscontrole',
        dueAt: new Date('2026-05-01T07:00:00Z'),
      }),
    )
    .add(fakeListRow('soon', { ...tom, dueAt: new Date('2026-05-20T07:00:00Z') }))
    .add(fakeListRow('later', { ...tom, dueAt: new Date('2026-06-10T07:00:00Z') }))
    .add(fakeListRow('closed', { ...sara, status: 'fulfilled', dueAt: new Date('2026-04-02T07:00:00Z') }));
  // 75 of the ICO's 150 minutes on Friday 8 May.
  reads.placed.set('region-1|ico', [{ scheduledStart: new Date('2026-05-08T07:00:00Z'), minutes: 75 }]);
  const clock = new ControlledClock(NOW);
  const stored = { forTable: async (_r: string, table: string) => calendars[table] ?? {} };
  const tables = new TableCalendarService(stored as unknown as CalendarStateRepository, clock, {
    regions: ['co3-antwerpen'],
  } as AppConfig);
  const events: { route: string; details: unknown }[] = [];
  const audit = { append: async (e: (typeof events)[number]) => void events.push(e) };
  const overview = new CoordinationOverviewUseCase(
    reads,
    new ObligationRules({ regions: ['co3-antwerpen'] }),
    tables,
    audit as unknown as AuditLog,
    clock,
  );
  return { overview, events };
}

describe('CoordinationOverviewUseCase (the coordinators’ dashboard)', () => {
  it('counts what is overdue per casusregisseur and organisation, most first, coordinator-owned ones apart, optional ones aside', async () => {
    const { overview } = setup();
    const d = await overview.execute(lotte, { route: 'GET /coordinatie' });
    expect(d.now).toBe('2026-05-04T12:00:00.000+02:00');
    expect(d.overdue).toBe(4);
    expect(d.overdueByCasusregisseur.map((g) => [g.name, g.organisation, g.count])).toEqual([
      ['Sara', 'CAW', 2],
      ['Coördinatoren', '—', 1],
      ['Tom', 'OCMW', 1],
    ]);
    expect(d.overdueByOrganisation).toEqual([
      { organisationId: 'caw', organisation: 'CAW', count: 2 },
      { organisationId: null, organisation: '—', count: 1 },
      { organisationId: 'ocmw', organisation: 'OCMW', count: 1 },
    ]);
    expect(d.upcoming).toBe(1);
  });

  it('lists every open obligation, overdue first, a page at a time with the total, and audits what it showed', async () => {
    const { overview, events } = setup();
    const route = 'GET /api/coordinatie/dashboard';
    const first = await overview.execute(lotte, { route, limit: 3 });
    expect(first.obligations.rows.map((o) => o.id)).toEqual(['opt', 's1', 's2']);
    expect(first.obligations.total).toBe(7);
    const second = await overview.execute(lotte, { route, limit: '3', after: first.obligations.next });
    expect(second.obligations.rows.map((o) => o.id)).toEqual(['t1', 'q1', 'soon']);
    const third = await overview.execute(lotte, { route, limit: 3, after: second.obligations.next });
    expect(third.obligations.rows.map((o) => o.id)).toEqual(['later']);
    expect(third.obligations.next).toBeUndefined();
    expect(events[0]).toEqual(
      expect.objectContaining({
        action: 'obligation.dashboard',
        route,
        details: { overdue: 4, upcoming: 1, count: 3, total: 7, codes: 'CO3-2026-0001' },
      }),
    );
  });

  it('narrows the list by casusregisseur, organisation, kind and due period; an unknown kind is refused on its field', async () => {
    const { overview, events } = setup();
    const ids = async (fields: Record<string, string>) =>
      (await overview.execute(lotte, { route: 'GET /coordinatie', ...fields })).obligations.rows.map(
        (o) => o.id,
      );
    expect(await ids({ due: 'verlopen' })).toEqual(['opt', 's1', 's2', 't1', 'q1']);
    expect(await ids({ due: '30-dagen' })).toEqual(['soon']);
    expect(await ids({ due: 'later' })).toEqual(['later']);
    expect(await ids({ casusregisseur: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
    expect(await ids({ kind: 'afstemming-consulent' })).toEqual(['s2']);
    expect(await ids({ code: '2026-0001', due: 'verlopen', kind: 'kwaliteitscontrole' })).toEqual(['q1']);
    expect(events.at(-1)?.details).toMatchObject({
      filter: 'code=2026-0001&kind=kwaliteitscontrole&due=verlopen',
    });
    await expect(
      overview.execute(lotte, { route: 'GET /coordinatie', kind: 'onbekend' }),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'kind' })],
    });
    await expect(
      overview.execute(lotte, { route: 'GET /coordinatie', due: 'gisteren' }),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'due' })],
    });
  });

  it('shows how full each table’s coming sessions are; a cancelled one at 0 %', async () => {
    const { overview } = setup({
      ico: { cancellations: [{ scheduledDate: '2026-05-15', reason: 'opleiding' }] },
    });
    const { tables } = await overview.execute(lotte, { route: 'GET /coordinatie' });
    expect(tables.map((t) => t.key)).toEqual(['ico', 'weegploeg', 'ronde-tafel']);
    const [first, second] = tables[0]!.sessions;
    expect(first).toMatchObject({
      date: '2026-05-08',
      dateText: 'vrijdag 8 mei 2026',
      status: 'open',
      capacityMinutes: 150,
      usedMinutes: 75,
      percent: 50,
    });
    expect(second).toMatchObject({ date: '2026-05-15', status: 'cancelled', usedMinutes: 0, percent: 0 });
  });
});
