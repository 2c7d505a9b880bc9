import {
  AgendaRefusal,
  MailRegions,
  RetryFailedMailUseCase,
  SubmittedOnce,
} from '@overlegtafels/application';
import {
  anOutboxMessage as outboxMessage,
  ControlledClock,
  FakeMailJobQueue,
  FakeAgendaSessionRepository,
  FakeAuditLog,
  FakeDossierRepository,
  FakeMailOutbox,
  FakePersonDirectory,
  FakeSubmissionLedger,
  FakeUnitOfWork,
  principalWith,
} from '@overlegtafels/testing';

const coordinator = principalWith('coord', [{ role: 'coordinator', tableKey: 'ico' }]);
const admin = principalWith('admin', [{ role: 'admin', tableKey: null }]);
const member = principalWith('lid', [{ role: 'member', tableKey: 'ico' }]);

describe('RetryFailedMailUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  let outbox: FakeMailOutbox;
  let queue: FakeMailJobQueue;
  let useCase: RetryFailedMailUseCase;
  let audit: FakeAuditLog;

  beforeEach(() => {
    outbox = new FakeMailOutbox();
    queue = new FakeMailJobQueue();
    audit = new FakeAuditLog();
    const people = new FakePersonDirectory();
    people.addPerson({ id: 'lid-1', email: 'lid@example.be', displayName: 'Lid', regionId: 'region-1' });
    people.addPerson({ id: 'lid-2', email: 'ander@example.org', displayName: 'Ander', regionId: 'region-2' });
    useCase = new RetryFailedMailUseCase(
      outbox,
      queue,
      clock,
      audit,
      new MailRegions(people, new FakeAgendaSessionRepository(), new FakeDossierRepository()),
      new FakeUnitOfWork(),
      new SubmittedOnce(new FakeSubmissionLedger()),
    );
  });

  it('puts a failed row back to pending and gives it a fresh job id', async () => {
    const id = await outbox.seed(outboxMessage('agenda|s1|lid'), { status: 'failed', attempts: 5 });
    expect(await useCase.execute(coordinator, { outboxId: id })).toBe(true);
    expect((await outbox.find(id))?.status).toBe('pending');
    expect(queue.jobs).toEqual([
      { outboxId: id, idempotencyKey: `agenda|s1|lid|retry|${clock.now().getTime()}`, delayMs: 0 },
    ]);
  });

  it('lets an administrator retry as well', async () => {
    const id = await outbox.seed(outboxMessage('k'), { status: 'failed' });
    expect(await useCase.execute(admin, { outboxId: id })).toBe(true);
  });

  it.each(['pending', 'sending', 'sent'] as const)(
    'leaves a %s row alone and enqueues nothing',
    async (status) => {
      const id = await outbox.seed(outboxMessage('k'), { status });
      expect(await useCase.execute(coordinator, { outboxId: id })).toBe(false);
      expect((await outbox.find(id))?.status).toBe(status);
      expect(queue.jobs).toEqual([]);
    },
  );

  it('answers false for an unknown id', async () => {
    expect(await useCase.execute(coordinator, { outboxId: 'nope' })).toBe(false);
    expect(queue.jobs).toEqual([]);
  });

  it('refuses a table member (forbidden) and changes nothing', async () => {
    const id = await outbox.seed(outboxMessage('k'), { status: 'failed' });
    const refused = await useCase.execute(member, { outboxId: id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AgendaRefusal);
    expect(refused).toMatchObject({ code: 'MAIL_NOT_YOURS', kind: 'forbidden' });
    expect((await outbox.find(id))?.status).toBe('failed');
    expect(queue.jobs).toEqual([]);
  });

  it('retries a mail to a person of the coordinator’s region, not one of another region (audited)', async () => {
    const own = await outbox.seed(outboxMessage('own', { recipientPersonId: 'lid-1' }), { status: 'failed' });
    const other = await outbox.seed(outboxMessage('other', { recipientPersonId: 'lid-2' }), {
      status: 'failed',
    });
    expect(await useCase.execute(coordinator, { outboxId: own })).toBe(true);
    expect(await useCase.execute(coordinator, { outboxId: other })).toBe(false);
    expect((await outbox.find(other))?.status).toBe('failed');
    expect(audit.all().map((e) => [e.action, e.entityId, e.outcome, e.details?.reason])).toEqual([
      ['mail.retry', other, 'denied', 'OTHER_REGION'],
    ]);
  });
});
