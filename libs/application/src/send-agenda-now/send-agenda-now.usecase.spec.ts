import { FakeSubmissionLedger } from '@overlegtafels/testing';
import type { AuditEntry } from '../ports/audit-log.port';
import { AgendaRefusal, InputError } from '../errors';
import { AGENDA_MAIL } from '../agenda-mailing/agenda-mail-keys';
import {
  coordinator,
  EXPERT_EMAIL,
  mailingItem,
  mailingWorld,
  member,
  NOW,
  regisseur,
  SESSION_ID,
  weegploegSession,
} from '../agenda-mailing/agenda-mailing-world.test-util';
import type { SessionRecord } from '../ports/agenda-session.repository.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { SendAgendaNowUseCase } from './send-agenda-now.usecase';

const actor = {
  personId: coordinator.id,
  regionId: 'region-of-the-session',
  route: 'POST /agenda/:sessionId/versturen',
  coordinatorTables: ['weegploeg'] as const,
};

const item = mailingItem({
  id: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
  submittedBy: regisseur,
  casusregisseur: regisseur,
  guests: [{ kind: 'expert', person: null, email: EXPERT_EMAIL, name: null }],
});

function setup(session: SessionRecord, items = [item]) {
  const world = mailingWorld({ sessions: [session], items, members: [member], coordinators: [coordinator] });
  const audit: AuditEntry[] = [];
  const useCase = new SendAgendaNowUseCase(
    world.unitOfWork,
    { sessionFor: async () => session },
    world.send,
    {
      enqueue: async (rows) =>
        world.queue.enqueueMany(rows.map((r) => ({ outboxId: r.id, idempotencyKey: r.idempotencyKey }))),
    },
    new SubmittedOnce(new FakeSubmissionLedger()),
    { append: async (event) => void audit.push(event) },
    { now: () => NOW },
  );
  return { world, useCase, audit };
}

describe('sending an agenda now', () => {
  it('sends what the send moment would, once per key', async () => {
    const { world, useCase, audit } = setup(weegploegSession({ status: 'planned' }));
    const command = { actor, sessionId: SESSION_ID, keepEmpty: false, submissionKey: 'key-versturen-1' };

    expect(await useCase.execute(command)).toEqual({ sent: true, mails: 3 });
    expect(await useCase.execute(command)).toEqual({ sent: true, mails: 3 });

    expect(world.mails().map((m) => [m.purpose, m.to])).toEqual([
      [AGENDA_MAIL.agenda, member.email],
      [AGENDA_MAIL.slotInvitation, EXPERT_EMAIL],
      [AGENDA_MAIL.slotInvitation, regisseur.email],
    ]);
    expect((await world.sessions.session(SESSION_ID))?.status).toBe('sent');
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([['session.send', 'allowed']]);
  });

  it('refuses a second send with another key: the agenda is already out', async () => {
    const { world, useCase, audit } = setup(weegploegSession({ status: 'frozen' }));
    await useCase.execute({
      actor,
      sessionId: SESSION_ID,
      keepEmpty: false,
      submissionKey: 'key-versturen-1',
    });
    const rows = world.mails().length;

    await expect(
      useCase.execute({ actor, sessionId: SESSION_ID, keepEmpty: false, submissionKey: 'key-versturen-2' }),
    ).rejects.toMatchObject({ code: 'AGENDA_NOT_SENDABLE', kind: 'conflict' });
    expect(world.mails()).toHaveLength(rows);
    expect(audit.map((a) => a.outcome)).toEqual(['allowed', 'denied']);
  });

  it('asks to confirm an empty agenda next to its field, and sends it once confirmed', async () => {
    const { world, useCase, audit } = setup(weegploegSession({ status: 'planned' }), []);

    const refused = useCase.execute({ actor, sessionId: SESSION_ID, keepEmpty: false });
    await expect(refused).rejects.toBeInstanceOf(InputError);
    await expect(refused).rejects.toMatchObject({
      errors: [{ field: 'keepEmpty', code: 'CONFIRM_EMPTY_AGENDA' }],
    });
    expect(world.mails()).toEqual([]);
    // Rolled back: the freeze that came first is undone too.
    expect((await world.sessions.session(SESSION_ID))?.status).toBe('planned');

    expect(await useCase.execute({ actor, sessionId: SESSION_ID, keepEmpty: true })).toEqual({
      sent: true,
      mails: 1,
    });
    expect(world.mails().map((m) => [m.purpose, m.to])).toEqual([[AGENDA_MAIL.agenda, member.email]]);
    expect(audit.map((a) => [a.outcome, a.details?.['result'] ?? null])).toEqual([
      ['denied', 'CONFIRM_EMPTY_AGENDA'],
      ['allowed', null],
    ]);
  });

  it('passes the fence’s refusal on without sending', async () => {
    const { world } = setup(weegploegSession({ status: 'frozen' }));
    const fenced = new SendAgendaNowUseCase(
      world.unitOfWork,
      {
        sessionFor: async () => {
          throw new AgendaRefusal('SESSION_NOT_FOUND', 'Zitting niet gevonden.', undefined, 'not_found');
        },
      },
      world.send,
      { enqueue: async () => undefined },
      new SubmittedOnce(new FakeSubmissionLedger()),
      { append: async () => undefined },
      { now: () => NOW },
    );
    await expect(fenced.execute({ actor, sessionId: SESSION_ID, keepEmpty: false })).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
    });
    expect(world.mails()).toEqual([]);
  });
});
