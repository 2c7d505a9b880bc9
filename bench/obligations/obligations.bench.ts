/**
 * Reminder sweep benchmark (issue 6). Run with `npm run --silent bench:obligations`.
 *
 * A fresh database on DATABASE_URL's server (or on an embedded PostgreSQL when it is unset) gets
 * open obligations generated in SQL (generate_series), each with its reminder steps, as the sync
 * stores them: the past step of each obligation already sent, the coming ones not yet. Exactly
 * DUE obligations have one step whose moment has come.
 *
 * Sweep: SweepRemindersUseCase.findDue, the finding half of the cron's sweep, exactly as the cron
 * calls it: the repository's query through Prisma, then per obligation the domain's reminderSteps
 * and dueSteps to choose what goes out. (The other half writes an outbox row and a mail job per
 * mail; it costs the same per mail at any size and is not what the total size could slow down.)
 * Baseline: the same SQL, sent with node-postgres directly, returning the same rows.
 *
 * Printed: both times (median of RUNS after a warm-up) and their ratio (target <= 2x) at 1 000 000
 * open obligations, and the sweep time at 10 000, 100 000 and 1 000 000, which should stay flat:
 * it follows the number of due steps, not the total.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { ObligationsModule, SweepRemindersUseCase } from '@overlegtafels/application';
import { CoreModule } from '@overlegtafels/runtime';
import { loadConfig } from '@overlegtafels/config';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import {
  EmbeddedPostgresServer,
  migrate,
  seedIfEmpty,
  startEmbeddedPostgres,
} from '@overlegtafels/persistence';

const SIZES = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const DUE = 1_000;
const RUNS = 9;
const MAX_RATIO = 2;
/** A fixed "now" (Monday 16 November 2026, 09:00 Brussels) so every run measures the same rows. */
const NOW = new Date('2026-11-16T08:00:00Z');

/**
 * Rules with reminders 14, 2 and 0 days before and a weekly escalation, as the CO3 data has them
 * (checked at the start: a rule whose reminders change would silently drop its due steps).
 */
const RULES = [
  'eerste-plan-van-aanpak',
  'ronde-tafel-na-weegploeg',
  'tussentijdse-evaluatie',
  'controle-zes-maanden-na-afronding',
];

function checkRules(): void {
  for (const key of RULES) {
    const rule = CO3_ANTWERPEN.obligations?.find((r) => r.key === key);
    const days = rule?.reminders?.daysBeforeDue.join(',');
    if (days !== '14,2,0')
      throw new Error(`rule ${key}: reminders ${days ?? 'none'} days before, the bench needs 14,2,0`);
  }
}

const RAW_SQL = `
  SELECT r.obligation_id AS "obligationId", r.step_key AS "stepKey", o.rule_key AS "ruleKey",
         o.due_at AS "dueAt"
    FROM obligation_reminders r
    JOIN follow_up_obligations o ON o.id = r.obligation_id
   WHERE r.enqueued_at IS NULL AND r.send_at <= $1 AND o.status = 'open'
   ORDER BY r.send_at, r.id
   LIMIT $2`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

/**
 * Adds open obligations `from`..`to` (1-based, inclusive) with their steps. Obligation i belongs to
 * dossier ceil(i / 5); the first DUE of all are due in 3 to 12 days (ten different days, four
 * rules), so their 14-day reminder has come and their 2-day one not yet; the others are due 30
 * days to a year from now, so nothing of theirs is due yet.
 */
async function generate(
  pg: Client,
  regionId: string,
  aanmelderId: string,
  from: number,
  to: number,
): Promise<void> {
  const now = NOW.toISOString();
  await pg.query(
    `INSERT INTO dossiers (id, code, region_id, aanmelder_id, phase, casusregie_start_date)
     SELECT md5('dossier' || d)::uuid, 'B' || (d / 1000000) || '-2026-' || lpad((d % 1000000)::text, 6, '0'),
            $1::uuid, $2::uuid, 'casusregie', DATE '2026-01-01'
       FROM generate_series(($3::int + 4) / 5, ($4::int + 4) / 5) AS d
     ON CONFLICT DO NOTHING`,
    [regionId, aanmelderId, from, to],
  );
  await pg.query(
    `INSERT INTO follow_up_obligations (id, dossier_id, rule_key, sequence, owner_role, due_at, status)
     SELECT md5('obligation' || i)::uuid, md5('dossier' || ((i + 4) / 5))::uuid,
            ($5::text[])[1 + (i % 4)], (i - 1) % 5, 'casusregisseur',
            date_trunc('day', $3::timestamptz) + interval '10 hours'
              + CASE WHEN i <= $4 THEN (3 + i % 10) * interval '1 day' ELSE (30 + i % 335) * interval '1 day' END,
            'open'
       FROM generate_series($1::int, $2::int) AS i`,
    [from, to, now, DUE, RULES],
  );
  // Per obligation: one step sent a while ago (history), the 14-, 2- and 0-day reminders and the
  // first escalation; only the 14-day reminder of the first DUE obligations has come.
  await pg.query(
    `INSERT INTO obligation_reminders (obligation_id, step_key, send_at, enqueued_at)
     SELECT o.id, s.key || '-due-' || to_char(o.due_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD'),
            o.due_at + s.shift, CASE WHEN s.sent THEN o.due_at + s.shift END
       FROM follow_up_obligations o
       CROSS JOIN (VALUES ('reminder-30d', interval '-40 days', true),
                          ('reminder-14d', interval '-14 days 2 hours', false),
                          ('reminder-2d', interval '-2 days 2 hours', false),
                          ('reminder-0d', interval '-2 hours', false),
                          ('escalation-1', interval '22 hours', false)) AS s(key, shift, sent)
      WHERE o.id IN (SELECT md5('obligation' || i)::uuid FROM generate_series($1::int, $2::int) AS i)`,
    [from, to],
  );
  await pg.query('ANALYZE dossiers, follow_up_obligations, obligation_reminders');
}

async function main(): Promise<void> {
  checkRules();
  const env = loadConfig();
  let embedded: EmbeddedPostgresServer | undefined;
  let dir: string | undefined;
  let serverUrl = env.databaseUrl;
  if (!serverUrl) {
    dir = mkdtempSync(path.join(tmpdir(), 'overlegtafels-bench-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), persistent: false });
    serverUrl = embedded.url;
  }
  const name = `ot_bench_obligations_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  let app: INestApplicationContext | undefined;
  const pg = new Client({ connectionString: dbUrl });
  try {
    await migrate(dbUrl);
    await seedIfEmpty(dbUrl, { demo: true });
    await pg.connect();
    const region = (await pg.query<{ id: string }>(`SELECT id FROM regions WHERE key = 'co3-antwerpen'`))
      .rows[0]!;
    const person = (await pg.query<{ id: string }>(`SELECT id FROM persons ORDER BY email LIMIT 1`)).rows[0]!;
    // The demo dossiers play no part here.
    await pg.query(`UPDATE dossiers SET casusregie_start_date = NULL`);

    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      PUBLIC_URL: 'http://localhost:3000',
      LOG_LEVEL: 'error',
      DATA_DIR: dir ?? tmpdir(),
    });
    @Module({ imports: [CoreModule.forRoot({ config }), ObligationsModule] })
    class BenchModule {}
    app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
    const sweep = app.get(SweepRemindersUseCase);

    console.log(`reminder sweep: ${DUE} due steps, median of ${RUNS} runs after a warm-up`);
    let generated = 0;
    const sweepTimes: number[] = [];
    let last = { raw: 0, sweep: 0 };
    for (const size of SIZES) {
      const g = await time(() => generate(pg, region.id, person.id, generated + 1, size));
      generated = size;
      const raw: number[] = [];
      const found: number[] = [];
      let rawRows = 0;
      let sweepSteps = 0;
      for (let run = 0; run <= RUNS; run++) {
        const r = await time(() => pg.query(RAW_SQL, [NOW, DUE]));
        const s = await time(() => sweep.findDue(NOW, DUE));
        if (run === 0) continue;
        raw.push(r.ms);
        found.push(s.ms);
        rawRows = r.result.rowCount ?? 0;
        sweepSteps = s.result.reduce((n, o) => n + o.steps.length, 0);
      }
      if (rawRows !== DUE || sweepSteps !== DUE) {
        throw new Error(`expected ${DUE} due steps, raw query found ${rawRows}, sweep ${sweepSteps}`);
      }
      last = { raw: median(raw), sweep: median(found) };
      sweepTimes.push(last.sweep);
      console.log(
        `  ${size.toLocaleString('en').padStart(9)} open obligations (${(size * 5).toLocaleString('en')} steps, generated in ${(g.ms / 1000).toFixed(1)} s): ` +
          `sweep ${last.sweep.toFixed(2)} ms, raw SQL ${last.raw.toFixed(2)} ms`,
      );
    }
    const ratio = last.sweep / last.raw;
    const growth = (sweepTimes.at(-1) as number) / (sweepTimes[0] as number);
    console.log(
      `  at 1,000,000: sweep ${last.sweep.toFixed(2)} ms, raw indexed SQL ${last.raw.toFixed(2)} ms`,
    );
    console.log(
      `  ratio     sweep / raw SQL: ${ratio.toFixed(2)}x (target <= ${MAX_RATIO}x) ${ratio <= MAX_RATIO ? 'OK' : 'FAIL'}`,
    );
    console.log(
      `  growth    sweep at 1,000,000 / at 10,000: ${growth.toFixed(2)}x (100x the obligations, the same ${DUE} due steps)`,
    );
    if (ratio > MAX_RATIO) process.exitCode = 1;
  } finally {
    await app?.close();
    await pg.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
