import { RelayOutboxUseCase } from '@overlegtafels/application';
import { anOutboxMessage, ControlledClock, FakeMailJobQueue, FakeMailOutbox } from '@overlegtafels/testing';

describe('RelayOutboxUseCase', () => {
  it('re-enqueues the pending rows older than the grace period, under their own keys, and nothing else', async () => {
    const clock = new ControlledClock('2026-03-02T09:00:00Z');
    const outbox = new FakeMailOutbox();
    const queue = new FakeMailJobQueue();
    const at = (iso: string) => new Date(iso);
    const lost = await outbox.seed(anOutboxMessage('lost'), {
      status: 'pending',
      createdAt: at('2026-03-02T08:59:00Z'),
    });
    await outbox.seed(anOutboxMessage('on-its-way'), {
      status: 'pending',
      createdAt: at('2026-03-02T08:59:50Z'),
    });
    await outbox.seed(anOutboxMessage('failed'), { status: 'failed', createdAt: at('2026-03-02T08:00:00Z') });
    await outbox.seed(anOutboxMessage('sent'), { status: 'sent', createdAt: at('2026-03-02T08:00:00Z') });
    expect(await new RelayOutboxUseCase(outbox, queue, clock).execute()).toBe(1);
    expect(queue.jobs).toEqual([{ outboxId: lost, idempotencyKey: 'lost', delayMs: 0 }]);
  });

  it('hands on nothing when no row is stale', async () => {
    const queue = new FakeMailJobQueue();
    const clock = new ControlledClock('2026-03-02T09:00:00Z');
    expect(await new RelayOutboxUseCase(new FakeMailOutbox(), queue, clock).execute()).toBe(0);
    expect(queue.jobs).toEqual([]);
  });
});
