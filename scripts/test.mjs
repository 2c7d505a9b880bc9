// `npm test`: lint, the libs' boundaries (no cycle, no deep import), typecheck, the unit suite under three time zones, integration and e2e.
// Stops at the first failing step and ends with one plain summary line ("N passed, N failed").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const reportDir = mkdtempSync(path.join(tmpdir(), 'ot-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs just that step

function run(label, args, env = {}) {
  if (only.length && !only.some((o) => label.startsWith(o))) return;
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  console.log(
    `◀ ${label}: ${res.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return res.status ?? 1;
}

function jest(label, project, env, extra = []) {
  const out = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  const status = run(
    label,
    [bin('jest/bin/jest.js'), '--selectProjects', project, '--json', '--outputFile', out, ...extra],
    env,
  );
  if (status === undefined) return 0;
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (r.numTotalTests === 0) {
      console.error(`${label}: no test ran`);
      return 1;
    }
  } catch {
    totals.failed += 1;
  }
  return status;
}

function finish(code) {
  rmSync(reportDir, { recursive: true, force: true });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

const steps = [
  () => run('lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']) ?? 0,
  () => run('boundaries', [path.join(root, 'scripts/check-boundaries.mjs')]) ?? 0,
  () => run('typecheck', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']) ?? 0,
  () => jest('unit (TZ=UTC)', 'unit', { TZ: 'UTC' }),
  () => jest('unit (TZ=America/New_York)', 'unit', { TZ: 'America/New_York' }),
  () => jest('integration', 'integration', {}, ['--runInBand']),
  () => jest('e2e', 'e2e', {}, ['--runInBand']),
];
for (const step of steps) {
  const code = step();
  if (code !== 0) finish(code);
}
finish(0);
