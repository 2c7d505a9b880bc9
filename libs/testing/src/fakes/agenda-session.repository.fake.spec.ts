import { cancelSession, moveSession } from '@overlegtafels/domain';
import { FakeAgendaSessionRepository, sessionRecord } from './agenda-session.repository.fake';
import { FakeUnitOfWork } from './fake-unit-of-work';

const NOW = new Date('2026-11-20T10:00:00Z');
const START = new Date('2026-11-27T08:30:00Z');

function setup(status: 'planned' | 'frozen' | 'sent' | 'held' | 'cancelled' = 'planned') {
  const row = sessionRecord({ id: 's1', startsAt: START, status });
  const repo = new FakeAgendaSessionRepository([row]);
  const uow = new FakeUnitOfWork(repo.rows);
  return { repo, uow, row };
}

describe('the in-memory session repository', () => {
  it('freezes a planned session once; a second freeze finds it frozen', async () => {
    const { repo, uow } = setup();
    expect(await uow.run((tx) => repo.freeze(tx, 's1', NOW))).toBe(true);
    expect(await uow.run((tx) => repo.freeze(tx, 's1', NOW))).toBe(false);
    expect(await repo.session('s1')).toMatchObject({ status: 'frozen', frozenAt: NOW });
  });

  it('sends only a frozen agenda and opens only a frozen one again', async () => {
    const { repo, uow } = setup();
    expect(await uow.run((tx) => repo.markSent(tx, 's1', NOW))).toBe(false);
    await uow.run((tx) => repo.freeze(tx, 's1', NOW));
    expect(await uow.run((tx) => repo.unfreeze(tx, 's1'))).toBe(true);
    expect(await repo.session('s1')).toMatchObject({ status: 'planned', frozenAt: null });
    await uow.run((tx) => repo.freeze(tx, 's1', NOW));
    expect(await uow.run((tx) => repo.markSent(tx, 's1', NOW))).toBe(true);
    expect(await uow.run((tx) => repo.unfreeze(tx, 's1'))).toBe(false);
    expect((await repo.session('s1'))?.status).toBe('sent');
  });

  it('raises the SEQUENCE on a cancellation and keeps the reason', async () => {
    const { repo, uow, row } = setup();
    const cancel = cancelSession({ status: row.status, startsAtMs: START.getTime() }, NOW.getTime());
    if (!cancel.ok) throw new Error('expected a cancellation');
    const after = await uow.run((tx) => repo.cancelSession(tx, 's1', 'Zaal onbeschikbaar', NOW, cancel));
    expect(after).toMatchObject({ status: 'cancelled', cancelReason: 'Zaal onbeschikbaar', icsSequence: 1 });
  });

  it('keeps the first original start over two moves and raises the SEQUENCE each time', async () => {
    const { repo, uow, row } = setup('frozen');
    const later = new Date(START.getTime() + 86_400_000);
    for (const [i, startsAt] of [later, new Date(later.getTime() + 86_400_000)].entries()) {
      const endsAt = new Date(startsAt.getTime() + 3_600_000);
      const move = moveSession(
        { status: row.status, startsAtMs: START.getTime() },
        { startMs: startsAt.getTime(), endMs: endsAt.getTime() },
        NOW.getTime(),
      );
      if (!move.ok) throw new Error('expected a move');
      const after = await uow.run((tx) =>
        repo.moveSession(tx, 's1', { startsAt, endsAt, reason: 'Zaal' }, move),
      );
      expect(after).toMatchObject({
        startsAt,
        movedFromStartsAt: START,
        status: 'frozen',
        icsSequence: i + 1,
      });
    }
  });

  it('holds a session once and rolls every write back with the unit of work', async () => {
    const { repo, uow } = setup();
    await expect(
      uow.run(async (tx) => {
        await repo.changeCapacity(tx, 's1', 60);
        await repo.markHeld(tx, 's1', NOW, {
          ok: true,
          status: 'held',
          changed: true,
          raisesSequence: false,
        });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await repo.session('s1')).toMatchObject({
      status: 'planned',
      capacityMinutes: null,
      heldAt: null,
    });
    expect(repo.writes.map((w) => [w.method, w.tx === uow.tx])).toEqual([
      ['changeCapacity', true],
      ['markHeld', true],
    ]);
  });

  it('creates a cancelled row for a session the calendar cancels', async () => {
    const { repo, uow } = setup();
    const created = await uow.run((tx) =>
      repo.createSession(tx, {
        regionId: 'region-1',
        tableKey: 'ico',
        scheduledStart: START,
        startsAt: START,
        endsAt: new Date(START.getTime() + 3_600_000),
        cancelled: { reason: 'Feestdag: Kerstmis' },
      }),
    );
    expect(created).toMatchObject({ status: 'cancelled', cancelReason: 'Feestdag: Kerstmis' });
    expect((await repo.sessionsOf(undefined, 'region-1', 'ico')).map((s) => s.id)).toEqual([
      's1',
      created.id,
    ]);
  });
});
