import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { jobIdFor } from './job-defaults';
import { MailProducer } from './mail.producer';
import { QueueConnection } from './queue-connection';
import { QUEUES } from './queue-names';

const backends = process.env.TEST_REDIS_URL ? (['postgres', 'redis'] as const) : (['postgres'] as const);

describe.each(backends)('MailProducer.requeueUnfinished (%s backend)', (backend) => {
  let db: TestDatabase;
  let connection: QueueConnection;

  beforeAll(async () => {
    db = await createTestDatabase();
    const options = {
      redisUrl: backend === 'redis' ? process.env.TEST_REDIS_URL : undefined,
      databaseUrl: db.url,
      prefix: `ot_test_${db.name}`,
    };
    await new QueueConnection(options).prepare();
    connection = new QueueConnection(options);
  });

  afterAll(async () => {
    await connection?.close();
    await db?.drop();
  });

  it('gives a row whose job finished, or has none, a new job, and leaves a waiting job alone', async () => {
    const producer = new MailProducer(connection);
    const done = { outboxId: '00000000-0000-4000-8000-000000000001', idempotencyKey: 'mail:done' };
    const lost = { outboxId: '00000000-0000-4000-8000-000000000002', idempotencyKey: 'mail:lost' };
    const waiting = { outboxId: '00000000-0000-4000-8000-000000000003', idempotencyKey: 'mail:waiting' };
    const queue = connection.queue(QUEUES.mail);

    // One job runs to completion (as when the row could not be marked sent afterwards).
    await producer.enqueueSend(done.outboxId, done.idempotencyKey);
    const finished = new Promise<void>((resolve) => {
      const worker = connection.worker(QUEUES.mail, async () => undefined, 1);
      worker.on('completed', () => void worker.close().then(resolve));
      void worker.run();
    });
    await finished;
    expect(await (await queue.getJob(jobIdFor(done.idempotencyKey)))!.getState()).toBe('completed');
    await producer.enqueueSend(waiting.outboxId, waiting.idempotencyKey);

    const again = await producer.requeueUnfinished([done, lost, waiting]);

    expect(again).toEqual([done, lost]);
    const states = await Promise.all(
      [done, lost, waiting].map(async (r) => (await queue.getJob(jobIdFor(r.idempotencyKey)))?.getState()),
    );
    expect(states).toEqual(['waiting', 'waiting', 'waiting']);
    expect((await queue.getJob(jobIdFor(done.idempotencyKey)))!.data).toEqual({ outboxId: done.outboxId });
    // Asked again at once: every row has a waiting job now, so nothing more is added.
    expect(await producer.requeueUnfinished([done, lost, waiting])).toEqual([]);
  });
});
