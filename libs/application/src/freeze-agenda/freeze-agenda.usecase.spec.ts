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
import { SubmittedOnce } from '../submissions/submitted-once';
import { FreezeAgendaUseCase } from './freeze-agenda.usecase';

function setup(status: SessionStatus, freezerSays: FreezeOutcome = 'frozen') {
  const world = coordinatorWorld([
    sessionRecord({ id: 's1', startsAt: new Date(NOW.getTime() + 86_400_000), status }),
  ]);
  const frozen: string[] = [];
  const audit: { event: AuditEntry; at: Date }[] = [];
  const enqueued: unknown[][] = [];
  const useCase = new FreezeAgendaUseCase(
    world.uow,
    world.change,
    {
      // As the real freeze: only a planned session, unless the job got there first.
      freezeWithin: async (_tx, id) => {
        const row = world.sessionRepo.rows.get(id)!;
        if (row.status !== 'planned' || freezerSays !== 'frozen')
          return { outcome: 'not-planned', mails: [] };
        world.sessionRepo.rows.update(id, { status: 'frozen' });
        frozen.push(id);
        return { outcome: 'frozen', mails: [] };
      },
    },
    { enqueue: async (mails) => void enqueued.push([...mails]) },
    new SubmittedOnce(world.submissions),
    {
      append: async (event, at) => void audit.push({ event, at }),
    },
    world.clock,
  );
  return { useCase, frozen, audit, enqueued };
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

  it('freezes once per key: a repeat answers as the first, without a refusal, a mail or an audit event', async () => {
    const { useCase, frozen, audit, enqueued } = setup('planned');
    const once = { ...command, submissionKey: 'bevriezen-0001' };
    expect(await useCase.execute(once)).toEqual({ frozen: true });
    expect(await useCase.execute(once)).toEqual({ frozen: true });
    expect(frozen).toEqual(['s1']);
    expect(enqueued).toHaveLength(1);
    expect(audit.map((a) => a.event.outcome)).toEqual(['allowed']);
    // Without the key a second press is refused, as before.
    expect(await useCase.execute(command).catch((e: unknown) => (e as AgendaRefusal).code)).toBe(
      'NOT_PLANNED',
    );
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
