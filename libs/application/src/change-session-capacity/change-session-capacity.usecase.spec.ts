import { AgendaRefusal, InputError } from '../errors';
import {
  coordinator,
  coordinatorWorld,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { ChangeSessionCapacityUseCase } from './change-session-capacity.usecase';

const NEXT_WEEK = new Date(NOW.getTime() + 7 * 86_400_000);

function setup(status: 'planned' | 'frozen' = 'planned') {
  // 150 minutes long.
  const world = coordinatorWorld([sessionRecord({ id: 's1', startsAt: NEXT_WEEK, status })]);
  const useCase = new ChangeSessionCapacityUseCase(world.change, world.agenda, world.sessionRepo);
  return { world, useCase };
}

describe('changing the capacity of a session', () => {
  it('sets the minutes, re-allocates, tells who moved and audits the change', async () => {
    const { world, useCase } = setup();
    world.willMove([
      { itemId: 'i1', fromSessionId: 's1', toSessionId: 's2', fromSlotStart: null, toSlotStart: null },
    ]);

    await useCase.execute({ actor: coordinator, sessionId: 's1', capacityMinutes: 90, reason: 'Teamdag' });

    expect(await world.sessionRepo.session('s1')).toMatchObject({ capacityMinutes: 90, icsSequence: 0 });
    expect(world.told.map((t) => [t.what, t.ids, t.reason])).toEqual([
      ['itemsMoved', ['moved-i1'], 'Teamdag'],
    ]);
    expect(world.audit.map((a) => [a.event.action, a.event.details])).toEqual([
      ['session.capacity', { sessionId: 's1', capacityMinutes: 90, tableKey: 'ico', moved: 1 }],
    ]);
    expect(world.dossierChanged.calendars.map((c) => c.tableKey)).toEqual(['ico']);
    expect(world.dispatched).toEqual([['moved-i1']]);
    // Capacity is not a calendar moment: no jobs to plan again.
    expect(world.planned).toEqual([]);
  });

  it('also changes a frozen session (its agenda stays as it is)', async () => {
    const { world, useCase } = setup('frozen');
    await useCase.execute({
      actor: coordinator,
      sessionId: 's1',
      capacityMinutes: 150,
      reason: 'Volle zitting',
    });
    expect(await world.sessionRepo.session('s1')).toMatchObject({ capacityMinutes: 150, status: 'frozen' });
  });

  it('refuses more minutes than the session lasts, next to the field, before taking the lock', async () => {
    const { world, useCase } = setup();
    const error = await useCase
      .execute({ actor: coordinator, sessionId: 's1', capacityMinutes: 151, reason: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors).toEqual([
      {
        field: 'capacityMinutes',
        code: 'TOO_BIG',
        message: 'Capaciteit: hoogstens 150 minuten, de duur van de zitting.',
      },
    ]);
    expect(world.locks).toEqual([]);
    expect((await world.sessionRepo.session('s1'))?.capacityMinutes).toBeNull();
  });

  it('does not find a session of a table the actor does not coordinate', async () => {
    const { world, useCase } = setup();
    const error = await useCase
      .execute({
        actor: { ...coordinator, coordinatorTables: ['weegploeg'] },
        sessionId: 's1',
        capacityMinutes: 60,
        reason: 'x',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgendaRefusal);
    expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
      'SESSION_NOT_FOUND',
      'not_found',
    ]);
    expect(world.sessionRepo.writes).toEqual([]);
  });
});
