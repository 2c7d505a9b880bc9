import { availableQueueBackends, eventually, loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * The foundation's end-to-end path: a request to the API writes an outbox row and enqueues a job;
 * the worker picks it up and hands the message to a real SMTP server; the row is marked sent.
 * Runs on BullMQ's PostgreSQL backend always, and on Redis when TEST_REDIS_URL is set.
 */
describe.each(availableQueueBackends())('job through the API to the worker (%s backend)', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ queue: backend });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('reports the backend in use on /health', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      database: { ok: true },
      queue: { ok: true, backend },
      mail: { ok: true, mode: 'sink' },
    });
  });

  it('delivers a test mail enqueued by a coordinator and marks the outbox row sent', async () => {
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    const res = await coordinator.post('/api/admin/mail/test', { to: 'ontvanger@example.org' });
    expect(res.status).toBe(202);
    const { outboxId } = (await res.json()) as { outboxId: string };

    const mail = await eventually(
      async () => (await t.sink.list()).find((m) => m.to.includes('ontvanger@example.org')),
      'the test mail reaches SMTP',
    );
    expect(mail.subject).toBe('Testbericht – CO3 Antwerpen');

    const status = await eventually(async () => {
      const s = (await (await coordinator.get(`/api/admin/mail/outbox/${outboxId}`)).json()) as {
        status: string;
        attempts: number;
      };
      return s.status === 'sent' ? s : undefined;
    }, 'the outbox row is marked sent');
    expect(status.attempts).toBe(1);
    expect((await t.sink.list()).filter((m) => m.messageId === mail.messageId)).toHaveLength(1);
  });

  it('refuses the test mail to people who are not coordinator or admin, and names a bad field', async () => {
    const aanmelder = await loginAs(t, 'eva.wouters@example.org');
    expect((await aanmelder.post('/api/admin/mail/test', { to: 'x@example.org' })).status).toBe(403);
    const coordinator = await loginAs(t, 'lotte.verbeke@example.be');
    const bad = await coordinator.post('/api/admin/mail/test', { to: 'geen-adres' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'to', message: 'to: must be an e-mail address' });
  });
});
