import { SessionStatus } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import {
  coordinator,
  coordinatorWorld,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { UnfreezeAgendaUseCase } from './unfreeze-agenda.usecase';

const TOMORROW = new Date(NOW.getTime() + 86_400_000);

function setup(status: SessionStatus) {
  const world = coordinatorWorld([sessionRecord({ id: 's1', startsAt: TOMORROW, status, frozenAt: NOW })]);
  const useCase = new UnfreezeAgendaUseCase(world.change, world.agenda, world.sessionRepo);
  return { world, useCase };
}

describe('opening a frozen agenda again', () => {
  it('puts the session back to planned, re-allocates, audits and plans its jobs again', async () => {
    const { world, useCase } = setup('frozen');

    await useCase.execute({ actor: coordinator, sessionId: 's1', reason: 'Dringend dossier' });

    expect(await world.sessionRepo.session('s1')).toMatchObject({ status: 'planned', frozenAt: null });
    expect(world.audit.map((a) => [a.event.action, a.event.entityId, a.tx])).toEqual([
      ['session.unfreeze', 's1', world.uow.tx],
    ]);
    expect(world.dossierChanged.calendars).toEqual([{ tableKey: 'ico', tx: world.uow.tx }]);
    expect(world.planned).toEqual(['s1']);
  });

  it.each<SessionStatus>(['planned', 'sent', 'held', 'cancelled'])(
    'refuses a %s session and leaves it as it was',
    async (status) => {
      const { world, useCase } = setup(status);

      const error = await useCase
        .execute({ actor: coordinator, sessionId: 's1', reason: 'x' })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(AgendaRefusal);
      expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
        'NOT_FROZEN',
        'conflict',
      ]);
      expect((await world.sessionRepo.session('s1'))?.status).toBe(status);
      expect(world.uow.rollbacks).toBe(1);
      expect([world.audit, world.planned, world.dispatched]).toEqual([[], [], []]);
    },
  );

  it('does not find a session of another region', async () => {
    const { world, useCase } = setup('frozen');
    const error = await useCase
      .execute({ actor: { ...coordinator, regionId: 'region-2' }, sessionId: 's1', reason: 'x' })
      .catch((e: unknown) => e);
    expect((error as AgendaRefusal).code).toBe('SESSION_NOT_FOUND');
    expect((await world.sessionRepo.session('s1'))?.status).toBe('frozen');
  });
});
