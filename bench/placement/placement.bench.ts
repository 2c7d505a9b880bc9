import { execFileSync } from 'node:child_process';
import { DateTime } from 'luxon';
/**
 * Placement benchmark (issue 3). Run with `npm run --silent bench:placement`.
 *
 * Baseline: parsing the very same ISO-8601 strings with the very same function the engine uses
 * for input (`parseIsoInstant`: luxon `DateTime.fromISO` plus the offset check), in the same
 * process, so the ratio is the price of placing on top of reading the input.
 * Engine: `placementView`, exactly what the CLI and the API call: parse, find the session, build
 * the JSON object with ISO strings at the Brussels offset.
 */
import {
  generateSessions,
  formatInstant,
  parseIsoInstant,
  placementView,
  placeSubmission,
  RegionConfig,
  TableDefinition,
} from '@overlegtafels/domain';
import { co3Antwerpen, CO3_ANTWERPEN } from '@overlegtafels/regions';

const SUBMISSIONS = 1_000_000;
const RUNS = 2;
const MAX_RATIO = 3;
const MAX_SESSION_MS = 50;

/** Small deterministic PRNG (xorshift32) so every run measures the same input. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

function makeInput(region: RegionConfig): { tables: string[]; instants: string[]; millis: number[] } {
  const next = random(20260113);
  const from = Date.parse('2026-01-01T00:00:00+01:00');
  const to = Date.parse('2031-01-01T00:00:00+01:00');
  const tables: string[] = [];
  const instants: string[] = [];
  const millis: number[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const table = region.tables[Math.floor(next() * region.tables.length)] as TableDefinition;
    const ms = from + Math.floor(next() * (to - from));
    tables.push(table.key);
    millis.push(ms);
    // Three in four as Brussels wall time with offset, one in four in UTC with milliseconds.
    instants.push(next() < 0.75 ? formatInstant(table, ms - (ms % 1000)) : new Date(ms).toISOString());
  }
  return { tables, instants, millis };
}

function time(run: () => number): { ms: number; checksum: number } {
  const start = performance.now();
  const checksum = run();
  return { ms: performance.now() - start, checksum };
}

function best(runs: number, run: () => number): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) fastest = Math.min(fastest, time(run).ms);
  return fastest;
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');

const COLD_RUNS = 5;

/** Ten years of sessions for the three tables, from freshly built (uncompiled) definitions. */
function generateAll(): number {
  const from = Date.parse('2026-01-01T00:00:00+01:00');
  const to = Date.parse('2036-01-01T00:00:00+01:00');
  let count = 0;
  for (const table of co3Antwerpen().tables)
    count += generateSessions(table, { fromMs: from, toMs: to }).length;
  return count;
}

/**
 * In a child process of its own: one cold run (no compiled table, no zone offsets cached), after
 * loading ICU's time-zone data, which is a once-per-process cost of Node and not of our work.
 */
function coldChild(): void {
  const icu = time(() => DateTime.fromMillis(0, { zone: 'Europe/Brussels' }).toISO()!.length);
  const cold = time(generateAll);
  process.stdout.write(JSON.stringify({ icuMs: icu.ms, ms: cold.ms, sessions: cold.checksum }));
}

/**
 * The warm figure, the best of 20 runs in this process, is held to the target; the cold one, the
 * median of COLD_RUNS fresh processes, is information (a loaded machine decides it).
 */
function benchSessions(): boolean {
  const runs = Array.from({ length: COLD_RUNS }, () => {
    const out = execFileSync(process.execPath, [__filename, '--cold-sessions'], { encoding: 'utf8' });
    return JSON.parse(out) as { icuMs: number; ms: number; sessions: number };
  }).sort((a, b) => a.ms - b.ms);
  const median = runs[Math.floor(COLD_RUNS / 2)]!;
  let warmMs = Infinity;
  for (let i = 0; i < 20; i++) warmMs = Math.min(warmMs, time(generateAll).ms);
  // On a shared machine the cold figure says as much about the neighbours as about us (#18): it
  // is printed as information, and the target holds the warm one.
  const ok = warmMs < MAX_SESSION_MS;
  console.log(
    `sessions: 10 years x 3 tables = ${median.sessions} sessions: best of 20 warm ${warmMs.toFixed(1)} ms ` +
      `(target < ${MAX_SESSION_MS} ms) ${ok ? 'OK' : 'FAIL'}`,
  );
  console.log(
    `  info      first run in a fresh process, median of ${COLD_RUNS}: ${median.ms.toFixed(1)} ms ` +
      `(min ${runs[0]!.ms.toFixed(1)}, max ${runs[COLD_RUNS - 1]!.ms.toFixed(1)}; after ${median.icuMs.toFixed(1)} ms loading ICU zone data)`,
  );
  return ok;
}

function main(): void {
  const sessionsOk = benchSessions();
  const region = CO3_ANTWERPEN;
  const { tables, instants, millis } = makeInput(region);
  const tableByKey = new Map(region.tables.map((t) => [t.key, t]));

  const parseOnly = () => {
    let sum = 0;
    for (let i = 0; i < SUBMISSIONS; i++) {
      const parsed = parseIsoInstant(instants[i] as string);
      if (parsed.ok) sum += parsed.instant % 997;
    }
    return sum;
  };
  const engine = () => {
    let sum = 0;
    for (let i = 0; i < SUBMISSIONS; i++) {
      const result = placementView(region, tables[i] as string, instants[i] as string);
      if (result.ok) sum += result.view.deadline.length;
    }
    return sum;
  };
  const engineFromMillis = () => {
    let sum = 0;
    for (let i = 0; i < SUBMISSIONS; i++) {
      const outcome = placeSubmission(
        tableByKey.get(tables[i] as string) as TableDefinition,
        millis[i] as number,
      );
      if (outcome.ok) sum += outcome.session.startMs % 997;
    }
    return sum;
  };
  const engineAndJson = () => {
    let sum = 0;
    for (let i = 0; i < SUBMISSIONS; i++) {
      const result = placementView(region, tables[i] as string, instants[i] as string);
      sum += JSON.stringify(result.ok ? result.view : result.error).length;
    }
    return sum;
  };

  // Warm up the JIT and the per-year session caches before measuring anything.
  parseOnly();
  let notPlaced = 0;
  for (let i = 0; i < SUBMISSIONS; i++) {
    if (!placementView(region, tables[i] as string, instants[i] as string).ok) notPlaced++;
  }

  const baselineMs = best(RUNS, parseOnly);
  const engineMs = best(RUNS, engine);
  const millisMs = best(RUNS, engineFromMillis);
  const jsonMs = best(RUNS, engineAndJson);
  const ratio = engineMs / baselineMs;

  console.log(
    `placement: ${SUBMISSIONS.toLocaleString('en-US')} random submissions 2026-01-01..2030-12-31 over ico/weegploeg/ronde-tafel ` +
      `(75% Brussels offset, 25% UTC 'Z' with ms); best of ${RUNS} runs; ${notPlaced} not placed`,
  );
  console.log(
    `  baseline  parse only (parseIsoInstant: luxon DateTime.fromISO + offset check): ${perSecond(SUBMISSIONS, baselineMs)} /s`,
  );
  console.log(
    `  engine    placementView (parse + place + JSON object):                       ${perSecond(SUBMISSIONS, engineMs)} /s`,
  );
  console.log(
    `  info      placeSubmission from epoch ms (no parsing):                        ${perSecond(SUBMISSIONS, millisMs)} /s`,
  );
  console.log(
    `  info      placementView + JSON.stringify (what the CLI prints):              ${perSecond(SUBMISSIONS, jsonMs)} /s`,
  );

  console.log(
    `  ratio     engine time / baseline time: ${ratio.toFixed(2)}x (target <= ${MAX_RATIO}x) ${ratio <= MAX_RATIO ? 'OK' : 'FAIL'}`,
  );

  if (ratio > MAX_RATIO || !sessionsOk) process.exitCode = 1;
}

if (process.argv.includes('--cold-sessions')) coldChild();
else main();
