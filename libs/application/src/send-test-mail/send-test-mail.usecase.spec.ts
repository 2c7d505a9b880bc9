import { AgendaRefusal, SendTestMailUseCase } from '@overlegtafels/application';
import { emailAddress, mailIdentity, MailComposer } from '@overlegtafels/mail';
import { ControlledClock, FakeMailJobQueue, FakeMailOutbox, principalWith } from '@overlegtafels/testing';

const identity = mailIdentity('Overlegtafels <overlegtafels@example.be>', 'CO3 (demo)');

describe('SendTestMailUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  let outbox: FakeMailOutbox;
  let queue: FakeMailJobQueue;
  let useCase: SendTestMailUseCase;

  beforeEach(() => {
    outbox = new FakeMailOutbox();
    queue = new FakeMailJobQueue();
    useCase = new SendTestMailUseCase(outbox, queue, new MailComposer(identity), identity, clock);
  });

  it('puts a test message in the outbox for the address and enqueues it, under the requester’s id', async () => {
    const coordinator = principalWith('coord', [{ role: 'coordinator', tableKey: 'ico' }]);
    const { outboxId } = await useCase.execute(coordinator, { to: emailAddress('test@example.org') });
    const row = outbox.rows.get(outboxId)!;
    expect(row).toMatchObject({ purpose: 'test', recipientEmail: 'test@example.org', status: 'pending' });
    expect(row.fromAddress).toBe('"Overlegtafels" <overlegtafels@example.be>');
    expect(row.message.payload).toEqual({ requestedBy: 'coord' });
    expect(queue.jobs).toEqual([{ outboxId, idempotencyKey: row.idempotencyKey, delayMs: 0 }]);
  });

  it('gives every test its own message, so two tests are two mails', async () => {
    const admin = principalWith('admin', [{ role: 'admin', tableKey: null }]);
    const a = await useCase.execute(admin, { to: emailAddress('test@example.org') });
    const b = await useCase.execute(admin, { to: emailAddress('test@example.org') });
    expect(a.outboxId).not.toBe(b.outboxId);
    expect(queue.jobs).toHaveLength(2);
  });

  it('refuses someone who is neither coordinator nor administrator', async () => {
    const aanmelder = principalWith('eva', [{ role: 'aanmelder', tableKey: null }]);
    const refused = await useCase
      .execute(aanmelder, { to: emailAddress('x@example.org') })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AgendaRefusal);
    expect(refused).toMatchObject({ kind: 'forbidden' });
    expect(outbox.rows.all()).toEqual([]);
    expect(queue.jobs).toEqual([]);
  });
});
