import type { SessionStatus } from '@overlegtafels/domain';
import { JOBS } from '@overlegtafels/queues';
import {
  EXPERT_EMAIL,
  coordinator,
  mailingItem,
  mailingWorld,
  member,
  NOW,
  PLANNED_AT_MS,
  regisseur,
  SESSION_ID,
  submitter,
  weegploegSession,
} from '../agenda-mailing/agenda-mailing-world.test-util';
import { AGENDA_MAIL } from '../agenda-mailing/agenda-mail-keys';

const FIRST_ID = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';
const SECOND_ID = '8f9a0b1c-2d3e-4f4a-9b5c-6d7e8f9a0b1c';
const command = { sessionId: SESSION_ID, plannedAtMs: PLANNED_AT_MS };

/** Two items: one with an expert as guest, one whose casusregisseur is also a standing member. */
const items = [
  mailingItem({
    id: FIRST_ID,
    icsSequence: 1,
    guests: [{ kind: 'expert', person: null, email: EXPERT_EMAIL, name: null }],
  }),
  mailingItem({
    id: SECOND_ID,
    position: 2,
    slotStart: new Date('2027-01-26T12:30:00Z'),
    slotEnd: new Date('2027-01-26T13:00:00Z'),
    casusregisseur: member,
  }),
];

afterEach(() => jest.restoreAllMocks());

describe('the agenda-send job', () => {
  it('marks a frozen session sent and writes the agenda and the slot invitations to the outbox', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession({ status: 'frozen', frozenAt: NOW })],
      items,
      members: [member],
    });

    expect(await world.send.execute(command)).toBe('sent');

    const row = await world.sessions.session(SESSION_ID);
    expect([row?.status, row?.sentAt, row?.icsSequence]).toEqual(['sent', NOW, 2]);
    expect(world.plannerCalls).toEqual([
      { job: JOBS.agenda.send, sessionId: SESSION_ID, plannedAtMs: PLANNED_AT_MS },
    ]);
    expect(world.mails()).toEqual([
      // The standing member gets the agenda with the session's invitation, at its SEQUENCE...
      {
        purpose: AGENDA_MAIL.agenda,
        to: member.email,
        sequence: 2,
        ics: 'REQUEST',
        sessionId: SESSION_ID,
        agendaItemId: null,
        inTransaction: true,
      },
      // ...the guests and the casusregisseur of an item an invitation for its slot only...
      ...[EXPERT_EMAIL, regisseur.email].map((to) => ({
        purpose: AGENDA_MAIL.slotInvitation,
        to,
        sequence: 1,
        ics: 'REQUEST',
        sessionId: SESSION_ID,
        agendaItemId: FIRST_ID,
        inTransaction: true,
      })),
      // ...but not a casusregisseur who is a standing member and has the whole session.
    ]);
    expect(world.warnings).not.toHaveBeenCalled();
  });

  it('enqueues every row after the commit of the one unit of work', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession({ status: 'frozen', frozenAt: NOW })],
      items,
      members: [member],
    });

    await world.send.execute(command);

    expect([world.unitOfWork.commits, world.unitOfWork.rollbacks]).toEqual([1, 0]);
    expect(world.sessions.writes).toEqual([{ method: 'markSent', id: SESSION_ID, tx: world.unitOfWork.tx }]);
    expect(world.queue.jobs).toEqual(
      world.mailing.outbox.rows
        .all()
        .map((r) => ({ outboxId: r.id, idempotencyKey: r.idempotencyKey, delayMs: 0 })),
    );
    expect(world.queue.jobs).toHaveLength(3);
    expect(world.enqueuedInTransaction).toEqual([false]);
  });

  it('freezes a session that is still planned first, in the same unit of work', async () => {
    const world = mailingWorld({ items: [items[0]!], members: [member] });

    expect(await world.send.execute(command)).toBe('sent');

    const row = await world.sessions.session(SESSION_ID);
    expect([row?.status, row?.frozenAt, row?.sentAt]).toEqual(['sent', NOW, NOW]);
    expect(world.sessions.writes.map((w) => w.method)).toEqual(['freeze', 'markSent']);
    expect(world.mails().map((m) => [m.purpose, m.to])).toEqual([
      [AGENDA_MAIL.slotConfirmed, submitter.email],
      [AGENDA_MAIL.agenda, member.email],
      [AGENDA_MAIL.slotInvitation, EXPERT_EMAIL],
      [AGENDA_MAIL.slotInvitation, regisseur.email],
    ]);
    expect([world.unitOfWork.commits, world.queue.jobs.length]).toEqual([1, 4]);
    expect(world.enqueuedInTransaction).toEqual([false]);
  });

  // Issue #15: an empty Ronde Tafel went to every member as a meeting. Now the send moment asks
  // the table's coordinators to cancel or keep it, and the session stays definitive, not sent.
  it('sends no meeting for an agenda without items and asks the coordinators, once', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession({ status: 'frozen' })],
      members: [member],
      coordinators: [coordinator],
    });

    expect(await world.send.execute(command)).toBe('empty');
    expect(await world.send.execute(command)).toBe('empty');

    expect(world.mails().map((m) => [m.purpose, m.to, m.ics])).toEqual([
      [AGENDA_MAIL.emptyAgenda, coordinator.email, null],
    ]);
    expect((await world.sessions.session(SESSION_ID))?.status).toBe('frozen');
  });

  it('sends an empty agenda as a meeting when a coordinator keeps the session', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession({ status: 'frozen' })],
      members: [member],
      coordinators: [coordinator],
    });

    const result = await world.unitOfWork.run((tx) =>
      world.send.sendWithin(tx, SESSION_ID, { by: 'coordinator', keepEmpty: false }),
    );
    expect(result.outcome).toBe('confirm-first');
    expect(world.mails()).toEqual([]);

    const kept = await world.unitOfWork.run((tx) =>
      world.send.sendWithin(tx, SESSION_ID, { by: 'coordinator', keepEmpty: true }),
    );
    expect(kept.outcome).toBe('sent');
    expect(world.mails().map((m) => [m.purpose, m.to])).toEqual([[AGENDA_MAIL.agenda, member.email]]);
  });

  it.each<SessionStatus>(['sent', 'held', 'cancelled'])(
    'is not due for a %s session and writes nothing',
    async (status) => {
      const world = mailingWorld({ sessions: [weegploegSession({ status })], items, members: [member] });

      expect(await world.send.execute(command)).toBe('not-due');

      expect((await world.sessions.session(SESSION_ID))?.status).toBe(status);
      expect([world.sessions.writes, world.mails(), world.queue.jobs]).toEqual([[], [], []]);
    },
  );

  it('is not due when another transaction sent the agenda first', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession({ status: 'frozen' })],
      items,
      members: [member],
    });
    jest.spyOn(world.sessions, 'markSent').mockResolvedValue(false);

    expect(await world.send.execute(command)).toBe('not-due');

    expect([world.mails(), world.queue.jobs]).toEqual([[], []]);
  });

  it('sends once: a second run finds the agenda sent', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession({ status: 'frozen' })],
      items,
      members: [member],
    });

    expect(await world.send.execute(command)).toBe('sent');
    expect(await world.send.execute(command)).toBe('not-due');

    expect([world.mails().length, world.queue.jobs.length]).toEqual([3, 3]);
  });

  it('finds no session that does not exist', async () => {
    const world = mailingWorld({ sessions: [] });

    expect(await world.send.execute(command)).toBe('missing');

    expect([world.mails(), world.queue.jobs]).toEqual([[], []]);
  });

  it('does nothing for a stale job: the session moved or was cancelled since it was planned', async () => {
    const world = mailingWorld({ jobIsCurrent: false, items, members: [member] });

    expect(await world.send.execute(command)).toBe('stale');

    expect((await world.sessions.session(SESSION_ID))?.status).toBe('planned');
    expect([world.unitOfWork.commits, world.mails(), world.queue.jobs]).toEqual([0, [], []]);
  });

  it('rolls the freeze and the send back when a write fails, and dispatches nothing', async () => {
    const world = mailingWorld({ items, members: [member] });
    const addOutbox = world.mailing.addOutbox.bind(world.mailing);
    // The freeze's rows are written; the agenda's are not.
    jest
      .spyOn(world.mailing, 'addOutbox')
      .mockImplementationOnce(addOutbox)
      .mockRejectedValueOnce(new Error('connection lost'));

    await expect(world.send.execute(command)).rejects.toThrow('connection lost');

    const row = await world.sessions.session(SESSION_ID);
    expect([row?.status, row?.frozenAt, row?.sentAt]).toEqual(['planned', null, null]);
    expect([world.mails(), world.unitOfWork.rollbacks, world.queue.jobs]).toEqual([[], 1, []]);
  });

  // Issue #15: a casusregisseur who agendered got a confirmation and an invitation for one slot.
  it('gives a submitting casusregisseur one mail, the slot invitation, when freeze and send coincide', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession({ status: 'planned' })],
      items: [mailingItem({ id: FIRST_ID, submittedBy: regisseur, casusregisseur: regisseur })],
      members: [member],
    });

    expect(await world.send.execute(command)).toBe('sent');

    expect(world.mails().map((m) => [m.purpose, m.to, m.ics])).toEqual([
      [AGENDA_MAIL.agenda, member.email, 'REQUEST'],
      [AGENDA_MAIL.slotInvitation, regisseur.email, 'REQUEST'],
    ]);
  });

  it('sends now without asking the planner', async () => {
    const world = mailingWorld({
      jobIsCurrent: false,
      sessions: [weegploegSession({ status: 'frozen' })],
      items,
    });

    expect(await world.send.sendNow(SESSION_ID)).toBe('sent');

    expect(world.plannerCalls).toEqual([]);
  });
});
