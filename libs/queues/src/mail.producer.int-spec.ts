import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { jobIdFor } from './job-defaults';
import { MailProducer } from './mail.producer';
import { QueueConnection } from './queue-connection';
import { MAIL_BATCH_MAX } from './job-payloads';
import { JOBS, QUEUES } from './queue-names';

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

describe.each(backends)('MailProducer.enqueueMany (%s backend)', (backend) => {
  let db: TestDatabase;
  let connection: QueueConnection;

  beforeAll(async () => {
    db = await createTestDatabase();
    const options = {
      redisUrl: backend === 'redis' ? process.env.TEST_REDIS_URL : undefined,
      databaseUrl: db.url,
      prefix: `ot_test_${db.name}_many`,
    };
    await new QueueConnection(options).prepare();
    connection = new QueueConnection(options);
  });

  afterAll(async () => {
    await connection?.close();
    await db?.drop();
  });

  const rows = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({
      outboxId: `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`,
      idempotencyKey: `mail:row-${from + i}`,
    }));

  it('cuts a fan-out into batch jobs of ids only, every row in exactly one, and adds nothing for the same rows again', async () => {
    const producer = new MailProducer(connection);
    const queue = connection.queue(QUEUES.mail);
    const fanOut = rows(230, 100);

    await producer.enqueueMany(fanOut);
    await producer.enqueueMany(fanOut);

    const counts = await queue.getJobCounts('waiting');
    // 230 rows: ten jobs of 25 rows at most (the last one with 5).
    expect(counts.waiting).toBe(10);
    const jobs = await (
      queue as unknown as { getJobs(t: string[]): Promise<{ name: string; data: unknown }[]> }
    ).getJobs(['waiting']);
    expect(new Set(jobs.map((j) => j.name))).toEqual(new Set([JOBS.mail.sendBatch]));
    const ids = jobs.flatMap((j) => {
      expect(Object.keys(j.data as object)).toEqual(['outboxIds']);
      return (j.data as { outboxIds: string[] }).outboxIds;
    });
    expect(ids.sort()).toEqual(fanOut.map((r) => r.outboxId).sort());
    expect(Math.max(...jobs.map((j) => (j.data as { outboxIds: string[] }).outboxIds.length))).toBe(
      MAIL_BATCH_MAX,
    );
  });

  it('gives a small fan-out small batches, and a single row its own job keyed by the row', async () => {
    const producer = new MailProducer(connection);
    const queue = connection.queue(QUEUES.mail);
    const before = (await queue.getJobCounts('waiting')).waiting!;

    await producer.enqueueMany(rows(16, 1000));
    expect((await queue.getJobCounts('waiting')).waiting! - before).toBe(8);

    const [one] = rows(1, 2000);
    await producer.enqueueMany([one!]);
    const job = await queue.getJob(jobIdFor(one!.idempotencyKey));
    expect(job?.name).toBe(JOBS.mail.send);
    expect(job?.data).toEqual({ outboxId: one!.outboxId });
  });
});
