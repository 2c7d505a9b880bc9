/**
 * Audit chain benchmark (issue 17). Run with `npm run --silent bench:audit`.
 *
 * Every audit insert takes the chain's advisory lock and holds it to the end of its transaction,
 * so writers of audit rows queue behind each other from their audit insert to their commit. This
 * measures what that costs: WRITERS connections (as the app role) each run TXNS transactions shaped
 * like a use case's end (update a row of its own, append an audit row, insert an outbox-like row, commit),
 * once on a database with the chain's trigger and once on one where the owner disabled it.
 *
 * Printed: transactions per second both ways, their ratio, the median and 99th percentile time of
 * one transaction with the chain, and whether `verifyAuditChain` finds the chained run intact.
 * Options (environment): BENCH_DATABASE_URL (an admin URL; default TEST_DATABASE_URL, else an
 * embedded PostgreSQL), BENCH_WRITERS (default 8), BENCH_TXNS (per writer, default 250).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, verifyAuditChain } from '@overlegtafels/persistence';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';

const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const TXNS = Number(process.env.BENCH_TXNS ?? 250);

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

async function run(db: TestDatabase): Promise<{ perSecond: number; latencies: number[] }> {
  const owner = await connect(db.url);
  await owner.query(`CREATE TABLE bench_work (writer int PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
  await owner.query(`INSERT INTO bench_work (writer) SELECT generate_series(0, $1)`, [WRITERS]);
  await owner.query(`CREATE TABLE bench_outbox (id bigserial PRIMARY KEY, writer int NOT NULL, body text)`);
  await owner.end();
  const writers = await Promise.all(Array.from({ length: WRITERS }, () => connect(db.appUrl)));
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    writers.map(async (c, w) => {
      for (let i = 0; i < TXNS; i++) {
        const t0 = performance.now();
        await c.query('BEGIN');
        await c.query(`UPDATE bench_work SET n = n + 1 WHERE writer = $1`, [w]);
        await c.query(
          `INSERT INTO audit_events (action, entity_type, entity_id, outcome, details)
           VALUES ('dossier.update', 'dossier', $1, 'allowed', $2)`,
          [`d-${w}-${i}`, JSON.stringify({ writer: w, i })],
        );
        await c.query(`INSERT INTO bench_outbox (writer, body) VALUES ($1, 'mail')`, [w]);
        await c.query('COMMIT');
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(writers.map((c) => c.end()));
  return { perSecond: (WRITERS * TXNS) / seconds, latencies };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

async function main(): Promise<void> {
  let admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-audit-'));
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!admin) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: false });
    admin = embedded.url;
  }
  process.env.TEST_DATABASE_URL = admin;
  const chained = await createTestDatabase();
  const plain = await createTestDatabase();
  try {
    const owner = await connect(plain.url);
    await owner.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_chain`);
    await owner.end();
    const without = await run(plain);
    const withChain = await run(chained);
    const report = await verifyAuditChain(chained.appUrl);
    const lines = [
      `${WRITERS} writers x ${TXNS} transactions (update, audit insert, outbox insert, commit)`,
      `without the chain: ${without.perSecond.toFixed(0)} transactions/s`,
      `with the chain:    ${withChain.perSecond.toFixed(0)} transactions/s (ratio ${(without.perSecond / withChain.perSecond).toFixed(2)}x)`,
      `one transaction with the chain: median ${percentile(withChain.latencies, 0.5).toFixed(2)} ms, p99 ${percentile(withChain.latencies, 0.99).toFixed(2)} ms`,
      `chain: ${report.broken ? report.broken.message : `intact, ${report.rows} rows`}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await chained.drop();
    await plain.drop();
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
