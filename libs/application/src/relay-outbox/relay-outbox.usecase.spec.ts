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

  it('enqueues a row again whose job ended without marking it, and one whose send died mid-way', async () => {
    const clock = new ControlledClock('2026-03-02T09:00:00Z');
    const outbox = new FakeMailOutbox();
    const queue = new FakeMailJobQueue();
    const at = (iso: string) => new Date(iso);
    // Sent during a database outage: the job failed for good, the row stayed pending.
    const stranded = await outbox.seed(anOutboxMessage('stranded'), {
      status: 'pending',
      createdAt: at('2026-03-02T08:00:00Z'),
    });
    await queue.enqueueSend(stranded, 'stranded');
    queue.finished.add('stranded');
    // Still in its backoff: its job will come back to it.
    const waiting = await outbox.seed(anOutboxMessage('waiting'), {
      status: 'pending',
      createdAt: at('2026-03-02T08:00:00Z'),
    });
    await queue.enqueueSend(waiting, 'waiting');
    // Claimed eleven minutes ago, never marked: the send died.
    const died = await outbox.seed(anOutboxMessage('died'), {
      status: 'sending',
      createdAt: at('2026-03-02T08:40:00Z'),
      updatedAt: at('2026-03-02T08:49:00Z'),
    });
    queue.finished.add('died');
    // Claimed a minute ago: being sent now.
    await outbox.seed(anOutboxMessage('busy'), {
      status: 'sending',
      createdAt: at('2026-03-02T08:58:00Z'),
      updatedAt: at('2026-03-02T08:59:00Z'),
    });
    queue.calls.length = 0;

    expect(await new RelayOutboxUseCase(outbox, queue, clock).execute()).toBe(2);
    expect(queue.calls).toEqual([
      [
        { outboxId: stranded, idempotencyKey: 'stranded' },
        { outboxId: died, idempotencyKey: 'died' },
      ],
    ]);
    expect(queue.jobs.filter((j) => j.outboxId === waiting)).toHaveLength(1);
  });

  it('hands on nothing when no row is stale', async () => {
    const queue = new FakeMailJobQueue();
    const clock = new ControlledClock('2026-03-02T09:00:00Z');
    expect(await new RelayOutboxUseCase(new FakeMailOutbox(), queue, clock).execute()).toBe(0);
    expect(queue.jobs).toEqual([]);
  });
});
