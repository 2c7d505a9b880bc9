/**
 * Page benchmark (issue 18). Run with `npm run --silent bench:pages`.
 *
 * Two data sets, each in a database of its own on one server: the demo data (the demo seed, and
 * the items the default mode's first start places with seedDemoAgenda), and the ten-year data
 * (the same plus about 3,000 dossiers over 2016–2026, their sessions, agenda items, decisions and
 * obligations and 2 million audit rows, generated with SQL: ten-year-data.ts). On each, the api
 * runs in this process in the default mode's settings (NODE_ENV=development, demo login, the
 * PostgreSQL queue backend, the local mail sink; no worker, LOG_LEVEL=error, REMINDERS=false)
 * with a bare hello handler as the baseline, and a coordinator, a casusregisseur and a member log
 * in through the demo login form (routes.ts names who opens what).
 *
 * Each route is loaded by autocannon, in a process of its own, at concurrency 1 and 10: a
 * one-second warm-up, then BENCH_SECONDS of keep-alive requests. Printed per route: p50/p95,
 * requests per second and its ratio to hello's, and CPU ms per request of this process
 * (process.cpuUsage) and of PostgreSQL (the CPU time of the server's process tree, read from
 * /proc: postmaster, backends and workers); then per route the ten-year/demo ratio of node+pg CPU
 * per request, the process's RSS idle and after the load and the time from start to /health 200
 * at ten-year data, and last the worst page's node+pg CPU ms per request at ten-year data.
 * Every response must be 200: a route answering anything else stops the run (exit 1).
 *
 * Options (environment): BENCH_DATABASE_URL (an admin URL; default TEST_DATABASE_URL, else an
 * embedded PostgreSQL), BENCH_SECONDS (default 3), BENCH_ROUTES (route names to run, substrings,
 * comma-separated; hello always runs), BENCH_AUDIT_ROWS (default 2,000,000; fewer for a quick
 * run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoAgenda } from '@overlegtafels/application';
import { startEmbeddedPostgres } from '@overlegtafels/persistence';
import { createTestDatabase } from '@overlegtafels/testing';
import { loginAs, startBenchApp } from './bench-app';
import { LoadClient, Measured, PgServerCpu } from './load';
import { findTargets, routes, Who } from './routes';
import { generateTenYears } from './ten-year-data';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCIES = [1, 10];
const TARGET_MS = 15;
const DATA_SETS = ['demo', 'ten-year'] as const;
type DataSet = (typeof DATA_SETS)[number];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const cpuOf = (m: Measured) => m.nodeCpuMs + (Number.isFinite(m.pgCpuMs) ? m.pgCpuMs : 0);

/** One GET as the route's person: 200, or the run stops with what it answered. */
async function check(
  base: string,
  name: string,
  url: string,
  headers: Record<string, string>,
): Promise<void> {
  const res = await fetch(`${base}${url}`, { headers, redirect: 'manual' });
  const body = await res.text();
  if (res.status !== 200) {
    throw new Error(
      `${name} (${url}) answered ${res.status}, not 200: ${body.slice(0, 300).replace(/\s+/g, ' ')}`,
    );
  }
}

async function measureDataSet(
  set: DataSet,
  client: LoadClient,
  pgCpu: PgServerCpu,
): Promise<Map<string, Measured>> {
  const db = await createTestDatabase({ seed: 'demo' });
  const results = new Map<string, Measured>();
  try {
    if (set === 'ten-year') {
      console.log('generating the ten-year data set');
      const g = await generateTenYears(db.url, console.log);
      console.log(
        `  generated in ${f(g.ms / 1000)} s (audit rows ${f(g.auditMs / 1000)} s); rows: ` +
          Object.entries(g.rows)
            .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
            .join(', '),
      );
    }
    const bench = await startBenchApp(db);
    try {
      // As the default mode's first start: a few items on the coming agendas, through the use cases.
      await seedDemoAgenda(bench.app);
      const targets = await findTargets(db.url);
      const cookies = {} as Record<Who, string>;
      for (const who of Object.keys(targets.people) as Who[]) {
        cookies[who] = await loginAs(bench.base, targets.people[who]);
      }
      const year = new Date().getFullYear();
      const list = routes(targets, year, process.env.BENCH_ROUTES);
      const headersOf = (r: (typeof list)[number]) => ({
        ...(r.who ? { cookie: cookies[r.who] } : {}),
        ...(r.json ? { accept: 'application/json' } : {}),
      });
      for (const r of list) await check(bench.base, r.name, r.path, headersOf(r));
      const rssIdle = process.memoryUsage().rss;
      console.log(
        `${set} data: session ${targets.sessionId}, dossier ${targets.dossierCode}; ` +
          `start to /health 200: ${f(bench.startToHealthyMs, 0)} ms; RSS idle ${mb(rssIdle)}`,
      );
      console.log(
        `  ${'route'.padEnd(24)} c    p50 ms   p95 ms    req/s  ×hello  node ms/req  pg ms/req  total ms/req`,
      );
      let hello: Record<number, number> = {};
      for (const r of list) {
        for (const connections of CONCURRENCIES) {
          const m = await client.measure(
            {
              url: `${bench.base}${r.path}`,
              connections,
              seconds: SECONDS,
              warmupSeconds: 1,
              headers: headersOf(r),
            },
            pgCpu,
          );
          const bad = m.requests - (m.statuses['200'] ?? 0);
          if (bad > 0 || m.errors > 0 || m.requests === 0) {
            throw new Error(
              `${r.name} (${r.path}) at c=${connections}: ${bad} of ${m.requests} responses not 200 ` +
                `(${JSON.stringify(m.statuses)}), ${m.errors} errors: a benchmark of error pages measures nothing`,
            );
          }
          if (r.name === 'hello') hello = { ...hello, [connections]: m.rps };
          results.set(`${r.name}@${connections}`, m);
          console.log(
            `  ${r.name.padEnd(24)} ${String(connections).padEnd(3)} ${f(m.p50, 2).padStart(8)} ${f(m.p95, 2).padStart(8)} ` +
              `${f(m.rps, 0).padStart(8)} ${f(m.rps / (hello[connections] ?? NaN), 3).padStart(7)} ` +
              `${f(m.nodeCpuMs, 2).padStart(12)} ${f(m.pgCpuMs, 2).padStart(10)} ${f(cpuOf(m), 2).padStart(13)}`,
          );
        }
      }
      if (set === 'ten-year') {
        console.log(
          `ten-year data: RSS idle ${mb(rssIdle)}, after the load ${mb(process.memoryUsage().rss)}; ` +
            `start to /health 200 ${f(bench.startToHealthyMs, 0)} ms`,
        );
      }
    } finally {
      await bench.close();
    }
  } finally {
    await db.drop();
  }
  return results;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-pages-pg-'));
  let admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const embedded = admin
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: false });
  admin ??= embedded!.url;
  process.env.TEST_DATABASE_URL = admin;
  const pgCpu = await PgServerCpu.find(admin);
  if (!pgCpu.readable)
    console.log('PostgreSQL runs elsewhere: its CPU is not read (pg n/a, totals are node only)');
  const client = new LoadClient();
  try {
    const all = {} as Record<DataSet, Map<string, Measured>>;
    for (const set of DATA_SETS) all[set] = await measureDataSet(set, client, pgCpu);
    console.log(`ten-year / demo, node+pg CPU ms per request (${SECONDS} s per route and concurrency)`);
    let worst = { name: '', cpu: 0 };
    for (const [key, tenYear] of all['ten-year']) {
      const [name, c] = key.split('@') as [string, string];
      const demo = all.demo.get(key);
      console.log(
        `  ${name.padEnd(24)} c=${c.padEnd(3)} demo ${f(demo ? cpuOf(demo) : NaN, 2).padStart(7)}  ` +
          `ten-year ${f(cpuOf(tenYear), 2).padStart(7)}  ratio ${f(demo ? cpuOf(tenYear) / cpuOf(demo) : NaN, 2)}`,
      );
      if (name !== 'hello' && cpuOf(tenYear) > worst.cpu)
        worst = { name: `${name} at c=${c}`, cpu: cpuOf(tenYear) };
    }
    console.log(`worst page at ten-year data: ${worst.name}`);
    console.log(
      `ratio worst page CPU ms per request at ten-year data: ${f(worst.cpu, 1)} (target <= ${TARGET_MS})`,
    );
  } finally {
    client.stop();
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
