/**
 * The app as the page benchmark runs it: the api of the default mode (NODE_ENV=development, the
 * demo login on, the PostgreSQL queue backend, the local mail sink) without the worker, with
 * LOG_LEVEL=error and REMINDERS=false, a bare hello handler in the same process, and people
 * logged in through the demo login form as a browser does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@overlegtafels/config';
import { MailSink } from '@overlegtafels/mail';
import { grantAppRole } from '@overlegtafels/persistence';
import { QueueConnection } from '@overlegtafels/queues';
import type { TestDatabase } from '@overlegtafels/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';

export const HELLO = '/bench-hello';

export interface BenchApp {
  app: NestExpressApplication;
  base: string;
  /** From the start of the app's creation to the first 200 of /health. */
  startToHealthyMs: number;
  close(): Promise<void>;
}

export async function startBenchApp(db: TestDatabase): Promise<BenchApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-pages-'));
  const prefix = `ot_bench_${db.name}`;
  await new QueueConnection({ databaseUrl: db.url, prefix }).prepare();
  await grantAppRole(db.url, db.appUrl);
  const sink = new MailSink(path.join(dir, 'mail'));
  const smtpPort = await sink.start(0);
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_URL: 'http://localhost:3000',
    DEMO_LOGIN: 'true',
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'error',
    DATA_DIR: dir,
    REMINDERS: 'false',
  });
  const started = performance.now();
  const app = await createApiApp({ config, mailSink: sink });
  app.use(HELLO, (_req: http.IncomingMessage, res: http.ServerResponse) => res.end('hello'));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  for (;;) {
    const res = await fetch(`${base}/health`).catch(() => undefined);
    await res?.arrayBuffer();
    if (res?.status === 200) break;
    if (performance.now() - started > 120_000) throw new Error('/health did not answer 200 within 2 minutes');
    await new Promise((r) => setTimeout(r, 50));
  }
  const startToHealthyMs = performance.now() - started;
  return {
    app,
    base,
    startToHealthyMs,
    close: async () => {
      await app.close();
      await sink.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Logs in as a demo person (by id) as the login page's form does: its pre-session cookie and
 * CSRF token, then POST /login/demo; returns the session cookie.
 */
export async function loginAs(base: string, personId: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const pre = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!pre.startsWith('ot_voorsessie=') || !csrf) throw new Error('the login page set no pre-session');
  const res = await fetch(`${base}/login/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre },
    body: new URLSearchParams({ _csrf: csrf, personId, next: '/' }),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (res.status !== 303 || !cookie.startsWith('ot_sessie=')) {
    throw new Error(`the demo login answered ${res.status} without a session`);
  }
  return cookie;
}
