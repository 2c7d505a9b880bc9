import { agendaItemRecord, FakeAgendaItemRepository } from './agenda-item.repository.fake';
import { FakeUnitOfWork } from './fake-unit-of-work';

const START = new Date('2026-11-27T08:30:00Z');
const by = { reason: 'Dringend', byPersonId: 'coordinator-1' };

function setup() {
  const items = new FakeAgendaItemRepository([
    agendaItemRecord({ id: 'a', sessionId: 's1', submittedAt: new Date(2) }),
    agendaItemRecord({ id: 'b', sessionId: 's1', submittedAt: new Date(1), status: 'rolled_over' }),
    agendaItemRecord({ id: 'c', sessionId: 's1', status: 'discussed' }),
  ]);
  return { items, uow: new FakeUnitOfWork(items.rows) };
}

describe('the in-memory agenda item repository', () => {
  it('lists the items still to be held, in arrival order', async () => {
    const { items, uow } = setup();
    expect((await items.activeItems(uow.tx, ['s1'])).map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('accepts a late item at a slot, pinned, with the reason as late reason', async () => {
    const { items, uow } = setup();
    const slotEnd = new Date(START.getTime() + 1_800_000);
    await uow.run((tx) =>
      items.acceptLate(tx, 'b', { sessionId: 's2', position: 4, slotStart: START, slotEnd }, by),
    );
    expect(items.rows.get('b')).toMatchObject({
      sessionId: 's2',
      position: 4,
      status: 'placed',
      pinned: true,
      pinnedPosition: null,
      lateReason: 'Dringend',
      overrideReason: 'Dringend',
      overriddenById: 'coordinator-1',
    });
  });

  it('places an item rolled over and drops a pin that no longer holds', async () => {
    const { items, uow } = setup();
    await uow.run((tx) => items.pinAtPosition(tx, 'a', 2, by));
    expect(items.rows.get('a')).toMatchObject({ pinned: true, pinnedPosition: 2 });
    await uow.run((tx) =>
      items.place(tx, 'a', {
        sessionId: 's2',
        position: 1,
        slotStart: START,
        slotEnd: START,
        rolledOver: true,
        originalSessionId: 's1',
        dropPin: true,
      }),
    );
    expect(items.rows.get('a')).toMatchObject({
      sessionId: 's2',
      status: 'rolled_over',
      originalSessionId: 's1',
      pinned: false,
      pinnedPosition: null,
    });
  });

  it('rolls its writes back with the unit of work', async () => {
    const { items, uow } = setup();
    await expect(
      uow.run(async (tx) => {
        await items.pinToSession(tx, 'a', 's9', by);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(items.rows.get('a')).toMatchObject({ sessionId: 's1', pinned: false });
  });

  it('refuses to write an item that does not exist', async () => {
    const { items, uow } = setup();
    await expect(uow.run((tx) => items.unpin(tx, 'zzz'))).rejects.toThrow('fake: no agenda item zzz');
  });
});
