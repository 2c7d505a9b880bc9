// `npm test`: lint, the libs' boundaries (no cycle, no deep import) and the type check, the unit suite under two time zones, then the integration
// and e2e suites. The steps of one stage run side by side (each one's output is printed when it
// ends); the run stops after the first stage with a failing step and ends with one plain summary
// line ("N passed, N failed, N skipped").
//
// The unit suite runs once, with every test in it registered twice, once per time zone (UTC and
// America/New_York): loading a suite's modules costs far more than running its tests, and a second
// run under the other TZ paid that cost again for every file.
//
// Integration and e2e run as one jest run over both projects: every suite has its own database,
// queue prefix and ports, and the e2e suites mostly wait (a worker restart, BullMQ's stalled-job
// check) while the integration suites use the CPU. `npm test -- integration` (or `e2e`, `unit`,
// `lint`, …) runs just that step.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const reportDir = mkdtempSync(path.join(tmpdir(), 'ot-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs just that step
const selected = (label) => !only.length || only.some((o) => label.startsWith(o));
/** Suites side by side in the integration + e2e run; most of the e2e suites' time is waiting. */
const SERVER_SUITE_WORKERS = 4;
/**
 * Connections one server suite may hold at its peak: the app's pool (10), BullMQ's PostgreSQL
 * backend (a pool per queue and per worker, and its listeners) and the suite's own fixtures.
 * Measured: about 15 for a plain suite, 27 for one that posts fifty requests at once.
 */
const CONNECTIONS_PER_SERVER_SUITE = 30;
/** The unit suite's workers: jest's default (cores − 1) leaves one of this machine's two idle. */
const UNIT_WORKERS = 2;

/** Runs one step; `buffered` keeps its output until it ends (for steps that run side by side). */
function run(label, args, { env = {}, buffered = false } = {}) {
  const started = Date.now();
  if (!buffered) console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    const output = [];
    child.stdout?.on('data', (c) => output.push(c));
    child.stderr?.on('data', (c) => output.push(c));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      if (buffered) {
        console.log(`\n▶ ${label}`);
        process.stdout.write(Buffer.concat(output));
      }
      const status = code ?? 1;
      console.log(
        `◀ ${label}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      resolve(status);
    });
  });
}

/**
 * As many server suites side by side as the PostgreSQL server has connections for: four suites'
 * pools overran a server at its default of 100 ("remaining connection slots are reserved"). The
 * embedded server the suites start without TEST_DATABASE_URL allows 200.
 */
async function serverSuiteWorkers() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return SERVER_SUITE_WORKERS;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(
      `SELECT current_setting('max_connections')::int
              - current_setting('superuser_reserved_connections')::int
              - coalesce(nullif(current_setting('reserved_connections', true), ''), '0')::int
              - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS free`,
    );
    const fit = Math.floor((rows[0].free - 5) / CONNECTIONS_PER_SERVER_SUITE);
    const workers = Math.max(1, Math.min(SERVER_SUITE_WORKERS, fit));
    if (workers < SERVER_SUITE_WORKERS) {
      console.log(
        `server suites: ${workers} side by side (PostgreSQL has ${rows[0].free} free connections, ` +
          `a suite needs up to ${CONNECTIONS_PER_SERVER_SUITE}; raise max_connections for ${SERVER_SUITE_WORKERS})`,
      );
    }
    return workers;
  } catch {
    // The suites' global set-up reports an unreachable server with its own, clearer error.
    return SERVER_SUITE_WORKERS;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A project's test files (`x.int-spec.ts` does not end in `.spec.ts`; groups: suite-groups.ts). */
const PROJECT_FILES = {
  unit: /\.spec\.ts$/,
  integration: /\.int-(spec|group)\.ts$/,
  e2e: /\.e2e-spec\.ts$/,
};

async function jest(label, projects, { env = {}, buffered = false, extra = [] } = {}) {
  const out = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  const status = await run(
    label,
    [bin('jest/bin/jest.js'), '--selectProjects', ...projects, '--json', '--outputFile', out, ...extra],
    { env, buffered },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    totals.failed += 1;
    return status || 1;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  let code = status;
  for (const project of projects) {
    const ran = report.testResults
      .filter((r) => PROJECT_FILES[project].test(r.name))
      .reduce((n, r) => n + r.assertionResults.length, 0);
    if (ran === 0) {
      console.error(`${label}: no ${project} test ran`);
      code = 1;
    }
  }
  return code;
}

function finish(code) {
  rmSync(reportDir, { recursive: true, force: true });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

/** One stage: its selected steps side by side (output buffered when there is more than one). */
async function stage(steps) {
  const chosen = steps.filter((s) => selected(s.label));
  const buffered = chosen.length > 1;
  const codes = await Promise.all(chosen.map((s) => s.start(buffered)));
  return codes.find((c) => c !== 0) ?? 0;
}

const serverProjects = ['integration', 'e2e'].filter(selected);
const stages = [
  [
    {
      label: 'lint',
      start: (buffered) =>
        run('lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0'], { buffered }),
    },
    {
      label: 'boundaries',
      start: (buffered) => run('boundaries', [path.join(root, 'scripts/check-boundaries.mjs')], { buffered }),
    },
    {
      label: 'typecheck',
      start: (buffered) =>
        run('typecheck', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], { buffered }),
    },
  ],
  [
    {
      // One run, every test in it twice: under TZ=UTC and under TZ=America/New_York (jest.config.js,
      // test/setup/two-zones*.js). Module-level code and beforeAll hooks run under New York's zone.
      label: 'unit (TZ=UTC and TZ=America/New_York)',
      start: (buffered) =>
        jest('unit (TZ=UTC and TZ=America/New_York)', ['unit'], {
          env: { TZ: 'America/New_York' },
          buffered,
          extra: [`--maxWorkers=${UNIT_WORKERS}`],
        }),
    },
  ],
  serverProjects.length
    ? [
        {
          label: serverProjects.join(' + '),
          start: async (buffered) =>
            jest(serverProjects.join(' + '), serverProjects, {
              // The integration suites a few to a jest file, sharing its modules (suite-groups.ts).
              env: { OT_SUITE_GROUPS: '1' },
              buffered,
              extra: [`--maxWorkers=${await serverSuiteWorkers()}`],
            }),
        },
      ]
    : [],
];
for (const steps of stages) {
  const code = await stage(steps);
  if (code !== 0) finish(code);
}
finish(0);
