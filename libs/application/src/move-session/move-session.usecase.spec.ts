import { SessionStatus } from '@overlegtafels/domain';
import { AgendaRefusal, InputError } from '../errors';
import {
  agendaItemRecord,
  coordinator,
  coordinatorWorld,
  ico,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { MoveSessionUseCase } from './move-session.usecase';

// NOW is Friday 20 November 2026, 11:00 in Brussels.
const START = new Date('2026-11-27T08:30:00Z');
const OTHER = new Date('2026-12-04T08:30:00Z');

function setup(status: SessionStatus = 'planned') {
  const world = coordinatorWorld(
    [sessionRecord({ id: 's1', startsAt: START, status }), sessionRecord({ id: 's2', startsAt: OTHER })],
    [
      agendaItemRecord({ id: 'first', sessionId: 's1', position: 1, durationMinutes: 30, slotStart: START }),
      agendaItemRecord({ id: 'second', sessionId: 's1', position: 2, durationMinutes: 45 }),
    ],
  );
  const useCase = new MoveSessionUseCase(
    world.change,
    { ...world.agenda, table: () => ico },
    world.sessionRepo,
    world.itemRepo,
    world.notifier,
    world.clock,
  );
  return { world, useCase };
}

const to = (date: string, start = '13:00', end = '15:00') => ({
  actor: coordinator,
  sessionId: 's1',
  date,
  start,
  end,
  reason: 'Zaal bezet',
});

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('moving a session', () => {
  it('moves a planned session, keeps where it came from, raises its SEQUENCE and re-allocates', async () => {
    const { world, useCase } = setup();
    world.willMove([
      { itemId: 'second', fromSessionId: 's1', toSessionId: 's2', fromSlotStart: null, toSlotStart: null },
      { itemId: 'first', fromSessionId: 's1', toSessionId: 's1', fromSlotStart: START, toSlotStart: null },
    ]);

    await useCase.execute(to('2026-11-26'));

    expect(await world.sessionRepo.session('s1')).toMatchObject({
      startsAt: new Date('2026-11-26T12:00:00Z'),
      endsAt: new Date('2026-11-26T14:00:00Z'),
      movedFromStartsAt: START,
      moveReason: 'Zaal bezet',
      status: 'planned',
      icsSequence: 1,
    });
    // Only the item carried to another session is told apart; the session's notice covers the rest.
    expect(world.told.map((t) => [t.what, t.ids])).toEqual([
      ['itemsMoved', ['moved-second']],
      ['sessionMoved', ['moved-session-s1']],
    ]);
    expect(world.audit.map((a) => [a.event.action, a.event.details])).toEqual([
      ['session.move', { sessionId: 's1', date: '2026-11-26', tableKey: 'ico', moved: 2 }],
    ]);
    expect(world.dossierChanged.calendars.map((c) => c.tableKey)).toEqual(['ico']);
    expect(world.planned).toEqual(['s1']);
  });

  it('shifts a frozen agenda with the session, in its order', async () => {
    const { world, useCase } = setup('frozen');

    await useCase.execute(to('2026-11-26'));

    const newStart = new Date('2026-11-26T12:00:00Z').getTime();
    expect(world.itemRepo.rows.get('first')).toMatchObject({
      position: 1,
      slotStart: new Date(newStart),
      slotEnd: new Date(newStart + 30 * 60_000),
    });
    expect(world.itemRepo.rows.get('second')).toMatchObject({
      position: 2,
      slotStart: new Date(newStart + 30 * 60_000),
      slotEnd: new Date(newStart + 75 * 60_000),
    });
    expect((await world.sessionRepo.session('s1'))?.status).toBe('frozen');
    expect(world.told.map((t) => t.what)).toEqual(['sessionMoved']);
  });

  it.each<[string, ReturnType<typeof to>, string, string]>([
    ['to the past', to('2026-11-19'), 'date', 'IN_PAST'],
    ['to an end before its start', to('2026-11-26', '15:00', '13:00'), 'end', 'INVALID'],
    ['to a day that does not exist', to('2026-11-31'), 'start', 'INVALID'],
    ['to the day of another session of the table', to('2026-12-04'), 'date', 'CLASH'],
  ])('refuses a move %s, next to the field', async (_, command, field, code) => {
    const { world, useCase } = setup();

    const error = await failure(useCase.execute(command));

    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
    expect(await world.sessionRepo.session('s1')).toMatchObject({ startsAt: START, icsSequence: 0 });
    expect(world.told).toEqual([]);
  });

  it.each<SessionStatus>(['cancelled', 'held'])('refuses to move a %s session', async (status) => {
    const { world, useCase } = setup(status);

    const error = await failure(useCase.execute(to('2026-11-26')));

    expect(error).toBeInstanceOf(AgendaRefusal);
    expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
      'SESSION_NOT_OPEN',
      'conflict',
    ]);
    expect(world.uow.rollbacks).toBe(1);
    expect(world.sessionRepo.writes).toEqual([]);
  });

  it('does not find a session on a table the actor does not coordinate', async () => {
    const { useCase } = setup();
    const error = await failure(
      useCase.execute({ ...to('2026-11-26'), actor: { ...coordinator, coordinatorTables: ['weegploeg'] } }),
    );
    expect((error as AgendaRefusal).code).toBe('SESSION_NOT_FOUND');
  });
});
