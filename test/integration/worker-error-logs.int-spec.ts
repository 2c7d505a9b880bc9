import { mkdtempSync, rmSync } from 'node:fs';
import { CoreModule } from '@overlegtafels/runtime';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@overlegtafels/config';
import { MailOutbox } from '@overlegtafels/application';
import { MailProducer, QueueConnection } from '@overlegtafels/queues';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { eventually } from '../support/test-app';

const REFUSED = 'weigering.lotte@example.org';

/**
 * Logs carry ids and codes only. An SMTP server that refuses a recipient answers with the address
 * in its message ("550 <…>: Recipient address rejected"); the worker's log of the failed job must
 * keep the codes and drop the address, which stays with the job and, after the last attempt, in
 * the outbox row for coordinators.
 */
describe('a mail the SMTP server refuses', () => {
  let db: TestDatabase;
  let dir: string;
  let smtp: SMTPServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'worker-logs-'));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address === REFUSED) {
          const error = Object.assign(new Error(`<${REFUSED}>: Recipient address rejected`), {
            responseCode: 550,
          });
          return callback(error);
        }
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await close?.();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is logged with its codes, without the address', async () => {
    const port = (smtp.server.address() as { port: number }).port;
    const prefix = `ot_test_${db.name}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUBLIC_URL: 'http://localhost:3999',
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      REMINDERS: 'false',
    });
    await new QueueConnection({ databaseUrl: db.url, prefix }).prepare();
    const warnings: string[] = [];
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
    @Module({ imports: [CoreModule.forRoot({ config }), WorkerModule] })
    class TestWorker {}
    const app = await NestFactory.createApplicationContext(TestWorker, { logger: ['error'] });
    await app.init();
    close = async () => {
      await app.close();
      warn.mockRestore();
    };

    const outbox = app.get(MailOutbox);
    const { id } = await outbox.add({
      idempotencyKey: 'test:refused',
      purpose: 'test',
      templateKey: 'test',
      recipientEmail: REFUSED,
      messageId: '<refused@overlegtafels.example.be>',
      fromAddress: 'CO3 Antwerpen <overlegtafels@example.be>',
      subject: 'Testbericht – CO3 Antwerpen',
      textBody: 'Het werkt.',
    });
    await app.get(MailProducer).enqueueSend(id, 'test:refused');

    const failed = await eventually(
      async () => warnings.find((w) => w.startsWith('mail/send job')),
      'the failed job in the log',
    );
    expect(failed).toBe('mail/send job test|refused failed (attempt 1): Error EENVELOPE SMTP 550 at RCPT_TO');
    expect(warnings.join('\n')).not.toContain('weigering');
  }, 60_000);
});
