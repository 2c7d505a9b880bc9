import { FakeSubmissionLedger } from '@overlegtafels/testing';
import { SubmittedOnce } from '../submissions/submitted-once';
import { DateTime } from 'luxon';
import { generateSessions, SessionStatus } from '@overlegtafels/domain';
import { FakeRegionRepository } from '@overlegtafels/testing';
import { AgendaRefusal, InputError } from '../errors';
import {
  agendaItemRecord,
  coordinator,
  coordinatorWorld,
  ico,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { ClosePeriodUseCase } from './close-period.usecase';

const [first, second, third] = generateSessions(ico, {
  fromMs: NOW.getTime() + 86_400_000,
  toMs: NOW.getTime() + 60 * 86_400_000,
});
const day = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Brussels' }).toISODate()!;
const row = (id: string, s: NonNullable<typeof first>, status: SessionStatus = 'planned') =>
  sessionRecord({
    id,
    scheduledStart: new Date(s.startMs),
    startsAt: new Date(s.startMs),
    endsAt: new Date(s.endMs),
    status,
  });

function setup(secondStatus: SessionStatus = 'planned', regions?: FakeRegionRepository) {
  const world = coordinatorWorld(
    [row('s1', first!), row('s2', second!, secondStatus), row('s3', third!)],
    [agendaItemRecord({ id: 'i2', sessionId: 's2', dossierId: 'd2', pinned: true })],
  );
  const useCase = new ClosePeriodUseCase(
    world.uow,
    world.change,
    world.agenda,
    world.periods,
    regions ?? world.regions,
    world.sessionRepo,
    world.auditLog,
    world.notifier,
    world.dispatcher,
    world.planner,
    world.clock,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  return { world, useCase };
}

const period = {
  actor: coordinator,
  from: day(second!.startMs),
  to: day(second!.startMs),
  tableKey: 'ico',
  reason: 'Kerstvakantie',
};

describe('closing a period', () => {
  it('closes it once per submission key: the same form again stores and mails nothing more (issue #15)', async () => {
    const { world, useCase } = setup();
    await useCase.execute({ ...period, submissionKey: 'sluiten-0001' });
    const told = world.told.length;
    const dispatched = world.dispatched.flat().length;
    await useCase.execute({ ...period, submissionKey: 'sluiten-0001' });
    expect(world.periods.created).toHaveLength(1);
    expect(world.told).toHaveLength(told);
    expect(world.dispatched.flat()).toHaveLength(dispatched);
    const other = await useCase
      .execute({ ...period, reason: 'Iets anders', submissionKey: 'sluiten-0001' })
      .catch((e: unknown) => e);
    expect((other as { code: string }).code).toBe('SUBMISSION_KEY_REUSED');
    expect(world.periods.created).toHaveLength(1);
  });

  it('stores the period and cancels the sessions in it that have not started, and only those', async () => {
    const { world, useCase } = setup();
    world.willMove([
      { itemId: 'i2', fromSessionId: 's2', toSessionId: 's3', fromSlotStart: null, toSlotStart: null },
    ]);

    await useCase.execute(period);

    expect(world.periods.created).toEqual([
      {
        tableKey: 'ico',
        fromDate: new Date(`${period.from}T00:00:00Z`),
        toDate: new Date(`${period.to}T00:00:00Z`),
        reason: 'Kerstvakantie',
      },
    ]);
    // The region's id is looked up in the closing's transaction, never on a second connection.
    expect(world.regions.txs.every((tx) => tx !== undefined)).toBe(true);
    expect(world.regions.txs.length).toBeGreaterThan(0);
    expect(
      (await world.sessionRepo.sessionsOf(undefined, 'region-1', 'ico')).map((s) => [s.id, s.status]),
    ).toEqual([
      ['s1', 'planned'],
      ['s2', 'cancelled'],
      ['s3', 'planned'],
    ]);
    expect(await world.sessionRepo.session('s2')).toMatchObject({
      cancelReason: 'Kerstvakantie',
      icsSequence: 1,
    });
    expect(world.itemRepo.rows.get('i2')?.pinned).toBe(false);
    expect(world.told.map((t) => [t.what, t.ids, t.reason])).toEqual([
      ['itemsMoved', ['moved-i2'], 'Kerstvakantie'],
      ['sessionCancelled', ['cancelled-s2'], 'Kerstvakantie'],
    ]);
    expect(world.dossierChanged.calendars.map((c) => c.tableKey)).toEqual(['ico']);
    expect(world.dossierChanged.dossiers.map((d) => d.dossierId)).toEqual(['d2']);
    expect(world.audit.map((a) => [a.event.action, a.event.details, a.tx])).toEqual([
      ['closed-period.create', { from: period.from, to: period.to, tableKey: 'ico' }, world.uow.tx],
    ]);
    expect(world.dispatched).toEqual([['moved-i2', 'cancelled-s2']]);
    expect(world.planned).toEqual(['s2']);
  });

  it.each<SessionStatus>(['held', 'cancelled'])(
    'leaves a %s session in the period as it is',
    async (status) => {
      const { world, useCase } = setup(status);

      await useCase.execute(period);

      expect(world.sessionRepo.writes).toEqual([]);
      expect(world.told).toEqual([]);
      expect(world.planned).toEqual([]);
      expect(world.periods.created).toHaveLength(1);
    },
  );

  it('closes every table of the region for a region-wide coordinator', async () => {
    const { world, useCase } = setup();
    const { tableKey: _, ...everywhere } = period;

    await useCase.execute({ ...everywhere, actor: { ...coordinator, coordinatorTables: 'all' } });

    expect(world.periods.created.map((p) => p.tableKey)).toEqual([null]);
    expect(new Set(world.locks)).toEqual(new Set(['ico', 'weegploeg', 'ronde-tafel']));
    expect(world.audit.map((a) => a.event.details)).toEqual([
      { from: period.from, to: period.to, tableKey: null },
    ]);
  });

  it('refuses an unknown table next to the field, before it writes anything', async () => {
    const { world, useCase } = setup();
    const error = await useCase.execute({ ...period, tableKey: 'kaartclub' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors.map((e) => [e.field, e.code])).toEqual([['tableKey', 'UNKNOWN']]);
    expect([world.periods.created, world.locks]).toEqual([[], []]);
  });

  it.each([
    ['one table the actor does not coordinate', { ...period, tableKey: 'weegploeg' }],
    ['all tables while coordinating one', { ...period, tableKey: undefined }],
  ])('does not let anyone close %s', async (_, command) => {
    const { world, useCase } = setup();
    const error = await useCase.execute(command).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgendaRefusal);
    expect([
      (error as AgendaRefusal).code,
      (error as AgendaRefusal).kind,
      (error as AgendaRefusal).field,
    ]).toEqual(['FORBIDDEN', 'not_found', 'tableKey']);
    expect(world.periods.created).toEqual([]);
  });

  it('fails on a region that is not in the database, before it writes anything', async () => {
    const { world, useCase } = setup('planned', new FakeRegionRepository({}));
    await expect(useCase.execute(period)).rejects.toThrow('region co3-antwerpen is not in the database');
    expect([world.periods.created, world.locks, world.told, world.dispatched]).toEqual([[], [], [], []]);
  });
});
