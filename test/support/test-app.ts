import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Clock } from '@overlegtafels/config';
import { AppConfig, loadConfig } from '@overlegtafels/config';
import { MailSink } from '@overlegtafels/mail';
import { QueueConnection } from '@overlegtafels/queues';
import { grantAppRole } from '@overlegtafels/persistence';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export type QueueBackend = 'redis' | 'postgres';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  config: AppConfig & { databaseUrl: string; smtpUrl: string };
  sink: MailSink;
  db: TestDatabase;
  close(): Promise<void>;
}

/** Queue backends this run can exercise: PostgreSQL always, Redis when TEST_REDIS_URL is set. */
export function availableQueueBackends(): QueueBackend[] {
  return process.env.TEST_REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
}

/**
 * The real api (and, unless told otherwise, the worker in the same process) on a fresh database
 * seeded with the demo data, a real SMTP sink and the chosen queue backend.
 */
export async function startTestApp(
  options: {
    queue?: QueueBackend;
    withWorker?: boolean | Type;
    clock?: Clock;
    reminders?: boolean;
    /** Settings on top of the suite's (e.g. the login limits for the suite that tests them). */
    env?: Record<string, string>;
    /**
     * Another installation on this app's database (two regions in one database, each served by
     * its own, as `REGION` says): its own queues and mail sink; the database stays with its owner.
     */
    sharing?: TestApp;
  } = {},
): Promise<TestApp> {
  const queue = options.queue ?? 'postgres';
  const db = options.sharing?.db ?? (await createTestDatabase({ seed: 'demo' }));
  const dir = mkdtempSync(path.join(tmpdir(), 'ot-app-'));
  const sink = new MailSink(path.join(dir, 'mail'));
  const smtpPort = await sink.start(0);
  const prefix = `ot_test_${db.name}${options.sharing ? `_${options.env?.REGION ?? 'second'}` : ''}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    // The service runs as the app role, as in every mode; the suite's fixtures use db.url (owner).
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.url,
    REDIS_URL: queue === 'redis' ? process.env.TEST_REDIS_URL : undefined,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    DEMO_LOGIN: 'true',
    DATA_DIR: dir,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://localhost:3999',
    // The minute-by-minute reminder sweep runs on the wall clock; tests that want it call it.
    REMINDERS: options.reminders ? 'true' : 'false',
    // Suites log in many times from one IP, move their clock by hours within one login and send
    // one person's uploads fifty at once (agendering-once): the login limits, the idle timeout and
    // the upload cap are the login-hardening and upload-gate suites' to test, with their own values.
    UPLOADS_PER_PERSON: '1000',
    LOGIN_LIMIT_PER_ADDRESS: '1000000',
    LOGIN_LIMIT_PER_IP: '1000000',
    SESSION_IDLE_MINUTES: String(24 * 60),
    ...options.env,
  }) as TestApp['config'];
  await new QueueConnection({ redisUrl: config.redisUrl, databaseUrl: db.url, prefix }).prepare();
  // BullMQ's schema was made just now (as the owner): the app role gets its rights on it.
  if (queue === 'postgres') await grantAppRole(db.url, db.appUrl);
  const app = await createApiApp({
    config,
    mailSink: sink,
    clock: options.clock,
    withWorker:
      options.withWorker === false
        ? undefined
        : options.withWorker === true || options.withWorker === undefined
          ? WorkerModule
          : options.withWorker,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    sink,
    db,
    close: async () => {
      await app.close();
      await sink.stop();
      if (!options.sharing) await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The login page's pre-session cookie and the token its forms carry (login CSRF). */
export async function loginForm(t: TestApp): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${t.baseUrl}/login`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!cookie.startsWith('ot_voorsessie=') || !csrf) throw new Error('the login page set no pre-session');
  return { cookie, csrf };
}

/**
 * A logged-in HTTP client for one demo person (by e-mail), speaking JSON with CSRF handled. A
 * person of another region than the installation's cannot use its demo login; the second region
 * some suites make gets its session from the session service, as route-requests' callerFor does.
 */
export async function loginAs(t: TestApp, email: string) {
  const prisma = await import('@overlegtafels/persistence');
  const client = prisma.createPrismaClient(t.db.url, 1);
  const person = await client.person.findFirstOrThrow({
    where: { email },
    select: { id: true, region: { select: { key: true } } },
  });
  await client.$disconnect();
  // A person of a region the app does not serve is nobody there (region-not-served.int-spec.ts).
  if (!t.config.regions.includes(person.region.key))
    throw new Error(`${email} is of ${person.region.key}, which this app does not serve (REGIONS)`);
  const form = await loginForm(t);
  const res = await fetch(`${t.baseUrl}/login/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
    body: new URLSearchParams({ _csrf: form.csrf, personId: person.id, next: '/' }),
    redirect: 'manual',
  });
  if (res.status !== 303) throw new Error(`demo login for ${email} answered ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await (await fetch(`${t.baseUrl}/api/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
    personId: string;
  };
  const request = (method: string, url: string, body?: unknown) =>
    fetch(`${t.baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        accept: 'application/json',
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      redirect: 'manual',
    });
  return {
    personId: me.personId,
    cookie,
    csrfToken: me.csrfToken,
    get: (url: string) => request('GET', url),
    post: (url: string, body?: unknown) => request('POST', url, body ?? {}),
  };
}

/** Polls until the condition holds; fails with the message when it does not within the time. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  message: string,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
