import { SessionStatus } from '@overlegtafels/domain';
import { AgendaRefusal, InputError } from '../errors';
import {
  agendaItemRecord,
  coordinator,
  coordinatorWorld,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { MoveAgendaItemCommand } from './move-agenda-item.command';
import { MoveAgendaItemUseCase } from './move-agenda-item.usecase';

const WEEK = 7 * 86_400_000;
const S1 = new Date(NOW.getTime() + WEEK);
const S2 = new Date(NOW.getTime() + 2 * WEEK);
const min = (n: number) => n * 60_000;

function setup(s1: SessionStatus = 'planned', s2: SessionStatus = 'planned', s2Start = S2) {
  const world = coordinatorWorld(
    [
      sessionRecord({ id: 's1', startsAt: S1, status: s1 }),
      sessionRecord({ id: 's2', startsAt: s2Start, status: s2 }),
      sessionRecord({ id: 'other-table', startsAt: S2, tableKey: 'weegploeg' }),
    ],
    [
      agendaItemRecord({
        id: 'a',
        sessionId: 's1',
        dossierId: 'da',
        position: 1,
        slotStart: S1,
        slotEnd: new Date(S1.getTime() + min(30)),
      }),
      agendaItemRecord({
        id: 'b',
        sessionId: 's1',
        dossierId: 'db',
        position: 2,
        durationMinutes: 45,
        slotStart: new Date(S1.getTime() + min(30)),
      }),
      agendaItemRecord({
        id: 'late',
        sessionId: 's2',
        position: 1,
        slotEnd: new Date(S2.getTime() + min(60)),
      }),
      agendaItemRecord({ id: 'done', sessionId: 's1', status: 'discussed' }),
    ],
  );
  const useCase = new MoveAgendaItemUseCase(
    world.change,
    world.agenda,
    world.sessionRepo,
    world.itemRepo,
    world.clock,
  );
  world.uow.enlist(world.submissions);
  return { world, useCase, ledger: world.submissions };
}

const command = (fields: Partial<MoveAgendaItemCommand>): MoveAgendaItemCommand => ({
  actor: coordinator,
  itemId: 'b',
  reason: 'Dringend',
  ...fields,
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('moving an agenda item', () => {
  it('needs a direction or a session', async () => {
    const { useCase, world } = setup();
    const error = await failure(useCase.execute(command({})));
    expect((error as InputError).errors.map((e) => [e.field, e.code])).toEqual([['sessionId', 'REQUIRED']]);
    expect(world.locks).toEqual([]);
  });

  it.each([
    ['an unknown item', command({ itemId: 'nope', direction: 'up' })],
    ['a discussed item', command({ itemId: 'done', direction: 'up' })],
    [
      'an item of a table the actor does not coordinate',
      command({ direction: 'up', actor: { ...coordinator, coordinatorTables: [] } }),
    ],
    // Same table key, another region: a coordinator there must not move this region's items.
    [
      'an item of another region',
      command({ direction: 'up', actor: { ...coordinator, regionId: 'region-2' } }),
    ],
  ])('does not find %s', async (_, cmd) => {
    const { useCase } = setup();
    const error = await failure(useCase.execute(cmd));
    expect(error).toBeInstanceOf(AgendaRefusal);
    expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
      'ITEM_NOT_FOUND',
      'not_found',
    ]);
  });

  it('pins an item to another open session and re-allocates, naming the move', async () => {
    const { useCase, world } = setup();

    await useCase.execute(command({ sessionId: 's2' }));

    expect(world.itemRepo.rows.get('b')).toMatchObject({
      sessionId: 's2',
      pinned: true,
      pinnedPosition: null,
      overrideReason: 'Dringend',
      overriddenById: 'coordinator-1',
    });
    expect(world.told.map((t) => [t.what, t.ids, t.reason])).toEqual([['itemsMoved', ['moved-b'], null]]);
    expect(world.audit.map((a) => [a.event.action, a.event.entityType, a.event.details])).toEqual([
      [
        'agenda.item.move',
        'agenda_item',
        { itemId: 'b', sessionId: 's2', direction: null, tableKey: 'ico', moved: 1 },
      ],
    ]);
    expect(world.dossierChanged.dossiers.map((d) => d.dossierId)).toEqual(['db']);
    // An item move is not a calendar change.
    expect(world.dossierChanged.calendars).toEqual([]);
  });

  it('accepts a late item at the end of a frozen agenda', async () => {
    const { useCase, world } = setup('planned', 'frozen');

    await useCase.execute(command({ sessionId: 's2' }));

    expect(world.itemRepo.rows.get('b')).toMatchObject({
      sessionId: 's2',
      position: 2,
      slotStart: new Date(S2.getTime() + min(60)),
      slotEnd: new Date(S2.getTime() + min(105)),
      lateReason: 'Dringend',
      status: 'placed',
      pinned: true,
    });
  });

  it.each<[string, SessionStatus, Date, string]>([
    ['cancelled', 'cancelled', S2, 'NOT_OPEN'],
    ['held', 'held', S2, 'NOT_OPEN'],
    ['started', 'planned', NOW, 'NOT_OPEN'],
  ])('refuses a target session that is %s', async (_, status, start, code) => {
    const { useCase, world } = setup('planned', status, start);
    const error = await failure(useCase.execute(command({ sessionId: 's2' })));
    expect((error as InputError).errors.map((e) => [e.field, e.code])).toEqual([['sessionId', code]]);
    expect(world.itemRepo.rows.get('b')?.sessionId).toBe('s1');
    expect(world.uow.rollbacks).toBe(1);
  });

  it.each(['other-table', 'nope'])(
    'refuses target %s: not a session of the same table',
    async (sessionId) => {
      const { useCase } = setup();
      const error = await failure(useCase.execute(command({ sessionId })));
      expect((error as InputError).errors.map((e) => [e.field, e.code])).toEqual([['sessionId', 'UNKNOWN']]);
    },
  );

  it('swaps two items of an open agenda by pinning both', async () => {
    const { useCase, world } = setup();

    await useCase.execute(command({ direction: 'up' }));

    expect([
      world.itemRepo.rows.get('b')?.pinnedPosition,
      world.itemRepo.rows.get('a')?.pinnedPosition,
    ]).toEqual([1, 2]);
    expect(world.itemRepo.writes.map((w) => w.method)).toEqual(['pinAtPosition', 'pinAtPosition']);
  });

  it('swaps two items of a frozen agenda in place, slots back to back', async () => {
    const { useCase, world } = setup('frozen');

    await useCase.execute(command({ direction: 'up' }));

    expect(world.itemRepo.rows.get('b')).toMatchObject({
      position: 1,
      slotStart: S1,
      slotEnd: new Date(S1.getTime() + min(45)),
    });
    expect(world.itemRepo.rows.get('a')).toMatchObject({
      position: 2,
      slotStart: new Date(S1.getTime() + min(45)),
    });
    expect(world.told.map((t) => t.ids)).toEqual([['moved-b', 'moved-a']]);
  });

  it('does nothing to the first item moved up', async () => {
    const { useCase, world } = setup();
    await useCase.execute(command({ itemId: 'a', direction: 'up' }));
    expect(world.itemRepo.writes).toEqual([]);
    expect(world.told).toEqual([]);
  });

  it('moves once per key: the same press again moves nothing more and tells no one again', async () => {
    const { useCase, world, ledger } = setup('frozen');
    await useCase.execute(command({ itemId: 'a', direction: 'down', submissionKey: 'omlaag-a-0001' }));
    const after = structuredClone(world.itemRepo.rows.all());
    const told = world.told.length;
    await useCase.execute(command({ itemId: 'a', direction: 'down', submissionKey: 'omlaag-a-0001' }));
    expect(world.itemRepo.rows.all()).toEqual(after);
    expect(world.itemRepo.rows.get('a')?.position).toBe(2);
    expect(world.told.length).toBe(told);
    // The repeat writes no second audit event (the key was checked inside the change before).
    expect(world.audit.filter((a) => a.event.action === 'agenda.item.move')).toHaveLength(1);
    expect(ledger.rows.map((r) => [r.ref.scope, r.ref.key])).toEqual([['agenda-item-move', 'omlaag-a-0001']]);
    // Without a key (or with a new one) the press is a new move.
    await useCase.execute(command({ itemId: 'a', direction: 'up' }));
    expect(world.itemRepo.rows.get('a')?.position).toBe(1);
  });

  it('refuses the key with another direction and moves nothing', async () => {
    const { useCase, world } = setup('frozen');
    await useCase.execute(command({ itemId: 'a', direction: 'down', submissionKey: 'omlaag-a-0001' }));
    const error = await failure(
      useCase.execute(command({ itemId: 'a', direction: 'up', submissionKey: 'omlaag-a-0001' })),
    );
    expect((error as AgendaRefusal).code).toBe('SUBMISSION_KEY_REUSED');
    expect(world.itemRepo.rows.get('a')?.position).toBe(2);
  });
});

describe('moving an agenda item to a position', () => {
  it('pins the items whose place changes, in one step', async () => {
    const { useCase, world } = setup();
    await useCase.execute(command({ position: 1 }));
    expect([
      world.itemRepo.rows.get('b')?.pinnedPosition,
      world.itemRepo.rows.get('a')?.pinnedPosition,
    ]).toEqual([1, 2]);
    expect(world.audit.map((a) => a.event.details)).toEqual([
      expect.objectContaining({ itemId: 'b', direction: null, position: 1 }),
    ]);
  });

  it('reorders a frozen agenda in place, slots back to back', async () => {
    const { useCase, world } = setup('frozen');
    await useCase.execute(command({ itemId: 'a', position: 2 }));
    expect(world.itemRepo.rows.get('b')).toMatchObject({ position: 1, slotStart: S1 });
    expect(world.itemRepo.rows.get('a')).toMatchObject({
      position: 2,
      slotStart: new Date(S1.getTime() + min(45)),
      slotEnd: new Date(S1.getTime() + min(75)),
    });
  });

  it('refuses a position beyond the agenda on the position field, changing nothing', async () => {
    const { useCase, world } = setup();
    const error = await failure(useCase.execute(command({ position: 3 })));
    expect((error as InputError).errors).toEqual([
      { field: 'position', code: 'OUT_OF_RANGE', message: 'Positie: kies een positie van 1 tot en met 2.' },
    ]);
    expect(world.itemRepo.writes).toEqual([]);
    expect(world.uow.rollbacks).toBe(1);
  });

  it('refuses a position together with a direction', async () => {
    const { useCase, world } = setup();
    const error = await failure(useCase.execute(command({ position: 1, direction: 'down' })));
    expect((error as InputError).errors.map((e) => [e.field, e.code])).toEqual([['position', 'AMBIGUOUS']]);
    expect(world.locks).toEqual([]);
  });

  it('does nothing for the position the item already has', async () => {
    const { useCase, world } = setup();
    await useCase.execute(command({ position: 2 }));
    expect(world.itemRepo.writes).toEqual([]);
  });
});
