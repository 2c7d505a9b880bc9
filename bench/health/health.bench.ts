/**
 * Health check benchmark (issue 18). Run with `npm run --silent bench:health`.
 *
 * The api (no worker) on a fresh, seeded database with the PostgreSQL queue backend and a real
 * local SMTP server (the mail sink), so that /health asks all three parts as in production. A bare
 * hello handler is mounted in the same process as the baseline. Each route is loaded for a few
 * seconds by a closed loop of CONCURRENCY keep-alive clients (after a warm-up); printed per route:
 * requests per second and p50/p95, then the ratio of /health's rate to hello's.
 *
 * Options (environment): BENCH_DATABASE_URL (an admin URL; default TEST_DATABASE_URL, else an
 * embedded PostgreSQL), BENCH_SECONDS (default 5), BENCH_CONCURRENCY (default 10).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@overlegtafels/config';
import { MailSink } from '@overlegtafels/mail';
import { seedIfEmpty, startEmbeddedPostgres } from '@overlegtafels/persistence';
import { QueueConnection } from '@overlegtafels/queues';
import { createTestDatabase } from '@overlegtafels/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

interface Load {
  rps: number;
  p50: number;
  p95: number;
  statuses: Record<number, number>;
}

function get(agent: http.Agent, port: number, route: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: route, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

/** CONCURRENCY clients, each sending the next request as soon as the last one is answered. */
async function load(port: number, route: string, seconds: number): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const end = performance.now() + seconds * 1_000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const status = await get(agent, port, route);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1_000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!;
  return { rps: latencies.length / elapsed, p50: at(0.5), p95: at(0.95), statuses };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-health-'));
  let admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const embedded = admin
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: false });
  admin ??= embedded!.url;
  process.env.TEST_DATABASE_URL = admin;
  const db = await createTestDatabase();
  await seedIfEmpty(db.url, { demo: true });
  const prefix = `ot_bench_${db.name}`;
  await new QueueConnection({ databaseUrl: db.url, prefix }).prepare();
  const sink = new MailSink(path.join(dir, 'mail'));
  const smtpPort = await sink.start(0);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PUBLIC_URL: 'https://overlegtafels.example.be',
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'error',
    DATA_DIR: dir,
    REMINDERS: 'false',
  });
  const app = await createApiApp({ config });
  app.use('/bench-hello', (_req: http.IncomingMessage, res: http.ServerResponse) => res.end('hello'));
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  try {
    const results: Record<string, Load> = {};
    for (const route of ['/bench-hello', '/health']) {
      await load(port, route, 1); // warm-up
      results[route] = await load(port, route, SECONDS);
      const r = results[route];
      console.log(
        `${route.padEnd(13)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  statuses ${JSON.stringify(r.statuses)}`,
      );
    }
    const health = results['/health']!;
    if (!health.statuses[200])
      throw new Error('/health never answered 200: the benchmark measured an outage');
    console.log(`concurrency ${CONCURRENCY}, ${SECONDS} s per route`);
    console.log(
      `ratio /health to hello requests per second: ${(health.rps / results['/bench-hello']!.rps).toFixed(2)}`,
    );
  } finally {
    await app.close();
    await sink.stop();
    await db.drop();
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
