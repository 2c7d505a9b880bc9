import { AgendaRefusal } from '../errors';
import {
  agendaItemRecord,
  coordinator,
  coordinatorWorld,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { CancelSessionUseCase } from './cancel-session.usecase';

const NEXT_WEEK = new Date(NOW.getTime() + 7 * 86_400_000);

function setup(fields: Parameters<typeof sessionRecord>[0] = { startsAt: NEXT_WEEK }) {
  const world = coordinatorWorld(
    [
      sessionRecord({ id: 's1', ...fields }),
      sessionRecord({ id: 's2', startsAt: new Date(NEXT_WEEK.getTime() + 7 * 86_400_000) }),
    ],
    [
      agendaItemRecord({ id: 'pinned', sessionId: 's1', dossierId: 'd1', pinned: true, pinnedPosition: 1 }),
      agendaItemRecord({ id: 'free', sessionId: 's1', dossierId: 'd2' }),
    ],
  );
  const useCase = new CancelSessionUseCase(
    world.change,
    world.agenda,
    world.sessionRepo,
    world.notifier,
    world.clock,
  );
  return { world, useCase };
}

async function refusal(promise: Promise<unknown>): Promise<AgendaRefusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgendaRefusal);
  return error as AgendaRefusal;
}

describe('cancelling a session', () => {
  it('cancels once per key: a repeat tells, audits and re-plans nothing more; another reason is a 409', async () => {
    const { world, useCase } = setup();
    const once = {
      actor: coordinator,
      sessionId: 's1',
      reason: 'Zaal onbeschikbaar',
      submissionKey: 'annuleren-0001',
    };
    await useCase.execute(once);
    const told = world.told.length;
    await useCase.execute(once);
    expect(world.told).toHaveLength(told);
    expect(world.audit.filter((a) => a.event.action === 'session.cancel')).toHaveLength(1);
    expect(world.planned).toEqual(['s1']);
    expect(world.dispatched).toHaveLength(1);
    expect((await refusal(useCase.execute({ ...once, reason: 'Iets anders' }))).code).toBe(
      'SUBMISSION_KEY_REUSED',
    );
  });

  it('cancels it with its reason, raises its SEQUENCE, unpins its items and tells everyone', async () => {
    const { world, useCase } = setup();
    world.willMove([
      { itemId: 'pinned', fromSessionId: 's1', toSessionId: 's2', fromSlotStart: null, toSlotStart: null },
    ]);

    await useCase.execute({ actor: coordinator, sessionId: 's1', reason: 'Zaal onbeschikbaar' });

    expect(await world.sessionRepo.session('s1')).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Zaal onbeschikbaar',
      icsSequence: 1,
    });
    expect(world.itemRepo.rows.get('pinned')).toMatchObject({ pinned: false, pinnedPosition: null });
    expect(world.itemRepo.writes.map((w) => [w.method, w.id])).toEqual([['unpin', 'pinned']]);
    expect(world.told.map((t) => [t.what, t.reason])).toEqual([
      ['itemsMoved', 'Zaal onbeschikbaar'],
      ['sessionCancelled', 'Zaal onbeschikbaar'],
    ]);
    // The moved items' dossiers and the table's calendar follow, inside the transaction.
    expect(world.dossierChanged.dossiers).toEqual([{ dossierId: 'd1', tx: world.uow.tx }]);
    expect(world.dossierChanged.calendars).toEqual([{ tableKey: 'ico', tx: world.uow.tx }]);
    expect(world.audit).toEqual([
      {
        event: {
          actorPersonId: 'coordinator-1',
          action: 'session.cancel',
          entityType: 'session',
          entityId: 's1',
          outcome: 'allowed',
          route: 'POST /test',
          details: { sessionId: 's1', tableKey: 'ico', moved: 1 },
        },
        tx: world.uow.tx,
      },
    ]);
    expect(world.dispatched).toEqual([['moved-pinned', 'cancelled-s1']]);
    expect(world.planned).toEqual(['s1']);
    expect(world.uow.commits).toBe(1);
  });

  it('changes nothing on a session that is already cancelled', async () => {
    const { world, useCase } = setup({
      startsAt: NEXT_WEEK,
      status: 'cancelled',
      cancelReason: 'Eerder',
      icsSequence: 3,
    });

    await useCase.execute({ actor: coordinator, sessionId: 's1', reason: 'Nog eens' });

    expect(await world.sessionRepo.session('s1')).toMatchObject({ cancelReason: 'Eerder', icsSequence: 3 });
    expect(world.sessionRepo.writes).toEqual([]);
    expect(world.told).toEqual([]);
    expect(world.audit.map((a) => a.event.details)).toEqual([{ sessionId: 's1', tableKey: 'ico', moved: 0 }]);
  });

  it.each<[string, { startsAt: Date; status: 'planned' | 'held' }]>([
    ['that has started', { startsAt: NOW, status: 'planned' }],
    ['that was held', { startsAt: NEXT_WEEK, status: 'held' }],
  ])('refuses a session %s and leaves everything as it was', async (_, fields) => {
    const { world, useCase } = setup(fields);

    const error = await refusal(useCase.execute({ actor: coordinator, sessionId: 's1', reason: 'Te laat' }));

    expect([error.code, error.kind, error.message]).toEqual([
      'SESSION_PAST',
      'conflict',
      'Een zitting die al begonnen is, kan niet meer geannuleerd worden.',
    ]);
    expect((await world.sessionRepo.session('s1'))?.status).toBe(fields.status);
    expect(world.uow.rollbacks).toBe(1);
    expect([world.audit, world.told, world.dispatched, world.planned]).toEqual([[], [], [], []]);
  });

  it.each([
    ['an unknown session', 'nope', coordinator],
    ['a session of another region', 's1', { ...coordinator, regionId: 'region-2' }],
    [
      'a session of a table the actor does not coordinate',
      's1',
      { ...coordinator, coordinatorTables: ['weegploeg'] },
    ],
  ])('does not find %s', async (_, sessionId, actor) => {
    const { world, useCase } = setup();

    const error = await refusal(useCase.execute({ actor, sessionId, reason: 'x' }));

    expect([error.code, error.kind]).toEqual(['SESSION_NOT_FOUND', 'not_found']);
    expect(world.locks).toEqual([]);
    expect((await world.sessionRepo.session('s1'))?.status).toBe('planned');
  });

  it('lets a region-wide coordinator cancel on any table', async () => {
    const { world, useCase } = setup();
    await useCase.execute({
      actor: { ...coordinator, coordinatorTables: 'all' },
      sessionId: 's1',
      reason: 'Staking',
    });
    expect((await world.sessionRepo.session('s1'))?.status).toBe('cancelled');
  });
});
