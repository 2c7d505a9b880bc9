import { SessionStatus } from '@overlegtafels/domain';
import type { AuditEntry } from '../ports/audit-log.port';
import { AgendaRefusal } from '../errors';
import { FreezeOutcome } from '../freeze-session/freeze-session.usecase';
import {
  coordinator,
  coordinatorWorld,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { FreezeAgendaUseCase } from './freeze-agenda.usecase';

function setup(status: SessionStatus, freezerSays: FreezeOutcome = 'frozen') {
  const world = coordinatorWorld([
    sessionRecord({ id: 's1', startsAt: new Date(NOW.getTime() + 86_400_000), status }),
  ]);
  const frozen: string[] = [];
  const audit: { event: AuditEntry; at: Date }[] = [];
  const useCase = new FreezeAgendaUseCase(
    world.change,
    { freezeNow: async (id) => (frozen.push(id), freezerSays) },
    {
      append: async (event, at) => void audit.push({ event, at }),
      appendMany: async (events, at) => void audit.push(...events.map((event) => ({ event, at }))),
    },
    world.clock,
  );
  return { useCase, frozen, audit };
}

const command = { actor: coordinator, sessionId: 's1', reason: 'Voorzitter afwezig' };

describe('freezing an agenda now', () => {
  it('freezes a provisional agenda and audits it with the length of the reason only', async () => {
    const { useCase, frozen, audit } = setup('planned');

    await useCase.execute(command);

    expect(frozen).toEqual(['s1']);
    expect(audit).toEqual([
      {
        event: {
          actorPersonId: 'coordinator-1',
          action: 'session.freeze',
          entityType: 'session',
          entityId: 's1',
          outcome: 'allowed',
          route: 'POST /test',
          details: { tableKey: 'ico', result: 'frozen', reason: 18 },
        },
        at: NOW,
      },
    ]);
  });

  it.each<SessionStatus>(['frozen', 'sent', 'held', 'cancelled'])(
    'refuses a %s session without freezing, audited as denied',
    async (status) => {
      const { useCase, frozen, audit } = setup(status);

      const error = await useCase.execute(command).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(AgendaRefusal);
      expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
        'NOT_PLANNED',
        'conflict',
      ]);
      expect(frozen).toEqual([]);
      expect(audit.map((a) => [a.event.outcome, a.event.details])).toEqual([
        ['denied', { tableKey: 'ico', result: 'not-planned', reason: 18 }],
      ]);
    },
  );

  it('refuses when the freeze job got there first', async () => {
    const { useCase, audit } = setup('planned', 'not-planned');
    const error = await useCase.execute(command).catch((e: unknown) => e);
    expect((error as AgendaRefusal).code).toBe('NOT_PLANNED');
    expect(audit.map((a) => a.event.outcome)).toEqual(['denied']);
  });

  it('does not find a session of a table the actor does not coordinate, and audits nothing', async () => {
    const { useCase, audit, frozen } = setup('planned');
    const error = await useCase
      .execute({ ...command, actor: { ...coordinator, coordinatorTables: [] } })
      .catch((e: unknown) => e);
    expect((error as AgendaRefusal).code).toBe('SESSION_NOT_FOUND');
    expect([audit, frozen]).toEqual([[], []]);
  });
});
