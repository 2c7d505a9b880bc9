import { AgendaRefusal, InputError } from '../errors';
import {
  coordinator,
  coordinatorWorld,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { ChangeSessionCapacityUseCase } from './change-session-capacity.usecase';
import { agendaItemRecord, type FakeAgendaItem } from '@overlegtafels/testing';

const NEXT_WEEK = new Date(NOW.getTime() + 7 * 86_400_000);

function setup(status: 'planned' | 'frozen' = 'planned', items: FakeAgendaItem[] = []) {
  // 150 minutes long.
  const world = coordinatorWorld([sessionRecord({ id: 's1', startsAt: NEXT_WEEK, status })], items);
  const useCase = new ChangeSessionCapacityUseCase(
    world.change,
    world.agenda,
    world.sessionRepo,
    world.itemRepo,
  );
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

  it('refuses fewer minutes than are planned, next to the field, and changes nothing (issue #15)', async () => {
    const items = [0, 1].map((i) =>
      agendaItemRecord({ id: `i${i}`, sessionId: 's1', durationMinutes: 30, position: i }),
    );
    const { world, useCase } = setup('frozen', items);
    const error = await useCase
      .execute({ actor: coordinator, sessionId: 's1', capacityMinutes: 30, reason: 'Kortere zitting' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors).toEqual([
      {
        field: 'capacityMinutes',
        code: 'BELOW_PLANNED',
        message:
          'Op deze zitting staan al agendapunten voor 60 minuten; de capaciteit kan niet lager dan 60 minuten. ' +
          'Verplaats eerst agendapunten naar een andere zitting.',
      },
    ]);
    expect((await world.sessionRepo.session('s1'))?.capacityMinutes).toBeNull();
    expect(world.audit).toEqual([]);
    expect(world.told).toEqual([]);
    // Exactly what is planned is fine.
    await useCase.execute({ actor: coordinator, sessionId: 's1', capacityMinutes: 60, reason: 'Vol' });
    expect((await world.sessionRepo.session('s1'))?.capacityMinutes).toBe(60);
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
