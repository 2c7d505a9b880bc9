import type { SessionStatus } from '@overlegtafels/domain';
import { JOBS } from '@overlegtafels/queues';
import {
  EXPERT_EMAIL,
  mailingItem,
  mailingWorld,
  MailingWorld,
  NEXT_SESSION_ID,
  NOW,
  PLANNED_AT_MS,
  SESSION_ID,
  submitter,
  weegploegSession,
} from '../agenda-mailing/agenda-mailing-world.test-util';
import { AGENDA_MAIL } from '../agenda-mailing/agenda-mail-keys';

const ITEM_ID = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';
const MOVED_ID = '8f9a0b1c-2d3e-4f4a-9b5c-6d7e8f9a0b1c';
const nextSession = weegploegSession({
  id: NEXT_SESSION_ID,
  scheduledStart: new Date('2027-02-09T12:00:00Z'),
  startsAt: new Date('2027-02-09T12:00:00Z'),
  endsAt: new Date('2027-02-09T15:00:00Z'),
});
const onNextSession = {
  slotStart: new Date('2027-02-09T12:00:00Z'),
  slotEnd: new Date('2027-02-09T12:30:00Z'),
};
const command = { sessionId: SESSION_ID, plannedAtMs: PLANNED_AT_MS };

/** The expert holds the slot's provisional entry: the invitation they got when it was planned. */
async function expertHoldsSlot(world: MailingWorld, agendaItemId = ITEM_ID, sessionId = SESSION_ID) {
  await world.mailing.outbox.add({
    idempotencyKey: `slot-invitation|i-${agendaItemId}|e-expert|0`,
    purpose: AGENDA_MAIL.slotInvitation,
    templateKey: AGENDA_MAIL.slotInvitation,
    recipientEmail: EXPERT_EMAIL,
    sessionId,
    agendaItemId,
    sequence: 0,
    messageId: '<seed@co3.example.be>',
    fromAddress: 'overlegtafels@co3.example.be',
    subject: 'Uitnodiging',
    textBody: 'Uitnodiging',
    icsMethod: 'REQUEST',
    icsContent: 'BEGIN:VCALENDAR',
  });
}

afterEach(() => jest.restoreAllMocks());

describe('the freeze job', () => {
  it('freezes a planned session: status and moment, the session SEQUENCE kept as the policy says', async () => {
    const world = mailingWorld({ items: [mailingItem({ id: ITEM_ID })] });

    expect(await world.freeze.execute(command)).toBe('frozen');

    const row = await world.sessions.session(SESSION_ID);
    expect([row?.status, row?.frozenAt, row?.sentAt, row?.icsSequence]).toEqual(['frozen', NOW, null, 2]);
    expect(world.plannerCalls).toEqual([
      { job: JOBS.agenda.freeze, sessionId: SESSION_ID, plannedAtMs: PLANNED_AT_MS },
    ]);
    expect(world.sessions.writes).toEqual([{ method: 'freeze', id: SESSION_ID, tx: world.unitOfWork.tx }]);
    expect(world.sessions.locks).toEqual([
      { regionId: weegploegSession().regionId, tableKey: 'weegploeg', tx: world.unitOfWork.tx },
    ]);
  });

  it('confirms the slot to its submitter in the same unit of work and enqueues it after the commit', async () => {
    const world = mailingWorld({ items: [mailingItem({ id: ITEM_ID })] });

    await world.freeze.execute(command);

    expect(world.mails()).toEqual([
      {
        purpose: AGENDA_MAIL.slotConfirmed,
        to: submitter.email,
        sequence: 0,
        ics: null,
        sessionId: SESSION_ID,
        agendaItemId: ITEM_ID,
        inTransaction: true,
      },
    ]);
    // Nobody held an entry for the slot: its SEQUENCE stays.
    expect(world.mailing.items.get(ITEM_ID)?.icsSequence).toBe(0);
    expect([world.unitOfWork.commits, world.unitOfWork.rollbacks]).toEqual([1, 0]);
    const [row] = world.mailing.outbox.rows.all();
    expect(world.queue.jobs).toEqual([
      { outboxId: row!.id, idempotencyKey: row!.idempotencyKey, delayMs: 0 },
    ]);
    expect(world.enqueuedInTransaction).toEqual([false]);
    expect(world.warnings).not.toHaveBeenCalled();
  });

  it('updates the entry of whoever holds the slot to the next SEQUENCE, and tells the submitter once', async () => {
    const world = mailingWorld({ items: [mailingItem({ id: ITEM_ID, icsSequence: 3 })] });
    await expertHoldsSlot(world);

    await world.freeze.execute(command);

    expect(world.mailing.items.get(ITEM_ID)?.icsSequence).toBe(4);
    expect(
      world
        .mails()
        .slice(1)
        .map((m) => [m.purpose, m.to, m.sequence, m.ics]),
    ).toEqual([
      [AGENDA_MAIL.slotInvitation, EXPERT_EMAIL, 4, 'REQUEST'],
      [AGENDA_MAIL.slotConfirmed, submitter.email, 0, null],
    ]);
    expect(world.queue.jobs).toHaveLength(2);
  });

  it('does not write the submitter a second mail when they hold the entry themselves', async () => {
    const world = mailingWorld({
      items: [mailingItem({ id: ITEM_ID, submittedBy: { ...submitter, email: EXPERT_EMAIL.toUpperCase() } })],
    });
    await expertHoldsSlot(world);

    await world.freeze.execute(command);

    expect(
      world
        .mails()
        .slice(1)
        .map((m) => [m.purpose, m.to]),
    ).toEqual([[AGENDA_MAIL.slotInvitation, EXPERT_EMAIL]]);
  });

  it('writes nothing for an inactive submitter who holds no entry', async () => {
    const world = mailingWorld({
      items: [mailingItem({ id: ITEM_ID, submittedBy: { ...submitter, active: false } })],
    });

    expect(await world.freeze.execute(command)).toBe('frozen');

    expect(world.mails()).toEqual([]);
    expect(world.queue.jobs).toEqual([]);
  });

  it('tells the submitter of an item that rolled on to a later session where it went', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession(), nextSession],
      items: [
        mailingItem({
          id: MOVED_ID,
          sessionId: NEXT_SESSION_ID,
          originalSessionId: SESSION_ID,
          status: 'rolled_over',
          ...onNextSession,
          icsSequence: 1,
        }),
      ],
    });

    expect(await world.freeze.execute(command)).toBe('frozen');

    expect(world.warnings.mock.calls).toEqual([]);
    // A move is a change: the next SEQUENCE, also when nobody holds the entry.
    expect(world.mailing.items.get(MOVED_ID)?.icsSequence).toBe(2);
    expect(world.mails()).toEqual([
      {
        purpose: AGENDA_MAIL.itemMoved,
        to: submitter.email,
        sequence: 0,
        ics: null,
        sessionId: NEXT_SESSION_ID,
        agendaItemId: MOVED_ID,
        inTransaction: true,
      },
    ]);
    // The mail carries no calendar part; the move's SEQUENCE keeps it apart from a later move's.
    expect(world.mailing.outbox.rows.all()[0]?.idempotencyKey).toBe(
      `${AGENDA_MAIL.itemMoved}|i-${MOVED_ID}|p-${submitter.id}|2`,
    );
  });

  it('moves the entry of whoever holds the slot of a rolled-on item, and tells nobody twice', async () => {
    const world = mailingWorld({
      sessions: [weegploegSession(), nextSession],
      items: [
        mailingItem({
          id: MOVED_ID,
          sessionId: NEXT_SESSION_ID,
          originalSessionId: SESSION_ID,
          status: 'rolled_over',
          ...onNextSession,
          submittedBy: { ...submitter, active: false },
        }),
      ],
    });
    await expertHoldsSlot(world, MOVED_ID);

    await world.freeze.execute(command);
    expect(
      world
        .mails()
        .slice(1)
        .map((m) => [m.purpose, m.to, m.sequence, m.sessionId]),
    ).toEqual([[AGENDA_MAIL.slotInvitation, EXPERT_EMAIL, 1, NEXT_SESSION_ID]]);

    // Frozen again (after an unfreeze): the expert was told about this session already.
    await world.sessions.unfreeze(world.unitOfWork.tx, SESSION_ID);
    expect(await world.freeze.execute(command)).toBe('frozen');
    expect(world.mails()).toHaveLength(2);
    expect(world.mailing.items.get(MOVED_ID)?.icsSequence).toBe(1);
  });

  it.each<SessionStatus>(['frozen', 'sent', 'held', 'cancelled'])(
    'leaves a %s session as it is and writes nothing',
    async (status) => {
      const world = mailingWorld({
        sessions: [weegploegSession({ status })],
        items: [mailingItem({ id: ITEM_ID })],
      });

      expect(await world.freeze.execute(command)).toBe('not-planned');

      expect((await world.sessions.session(SESSION_ID))?.status).toBe(status);
      expect([world.sessions.writes, world.mails(), world.queue.jobs]).toEqual([[], [], []]);
    },
  );

  it('is not planned when another transaction froze the session first', async () => {
    const world = mailingWorld({ items: [mailingItem({ id: ITEM_ID })] });
    jest.spyOn(world.sessions, 'freeze').mockResolvedValue(false);

    expect(await world.freeze.execute(command)).toBe('not-planned');

    expect([world.mails(), world.queue.jobs]).toEqual([[], []]);
  });

  it('finds no session that does not exist, or whose table the region no longer has', async () => {
    const gone = mailingWorld({ sessions: [] });
    expect(await gone.freeze.execute(command)).toBe('missing');

    const unknownTable = mailingWorld({ sessions: [weegploegSession({ tableKey: 'opgeheven' })] });
    expect(await unknownTable.freeze.execute(command)).toBe('missing');
    expect((await unknownTable.sessions.session(SESSION_ID))?.status).toBe('planned');
    expect([unknownTable.sessions.locks, unknownTable.queue.jobs]).toEqual([[], []]);
  });

  it('does nothing for a stale job: the session moved or was cancelled since it was planned', async () => {
    const world = mailingWorld({ jobIsCurrent: false, items: [mailingItem({ id: ITEM_ID })] });

    expect(await world.freeze.execute(command)).toBe('stale');

    expect((await world.sessions.session(SESSION_ID))?.status).toBe('planned');
    expect([world.unitOfWork.commits, world.mails(), world.queue.jobs]).toEqual([0, [], []]);
  });

  it('rolls everything back when writing the mails fails, and dispatches nothing', async () => {
    const world = mailingWorld({ items: [mailingItem({ id: ITEM_ID, icsSequence: 3 })] });
    await expertHoldsSlot(world);
    jest.spyOn(world.mailing, 'addOutbox').mockRejectedValue(new Error('connection lost'));

    await expect(world.freeze.execute(command)).rejects.toThrow('connection lost');

    const row = await world.sessions.session(SESSION_ID);
    expect([row?.status, row?.frozenAt]).toEqual(['planned', null]);
    expect(world.mailing.items.get(ITEM_ID)?.icsSequence).toBe(3);
    expect(world.mails()).toHaveLength(1);
    expect([world.unitOfWork.rollbacks, world.queue.jobs]).toEqual([1, []]);
  });

  it('freezes now without asking the planner (a coordinator makes the agenda definitive)', async () => {
    const world = mailingWorld({ jobIsCurrent: false });

    expect(await world.freeze.freezeNow(SESSION_ID)).toBe('frozen');

    expect(world.plannerCalls).toEqual([]);
    expect((await world.sessions.session(SESSION_ID))?.status).toBe('frozen');
  });
});
