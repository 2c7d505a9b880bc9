import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** As the owner (the server's admin): migrations, fixtures, inspection. */
  url: string;
  /** As the app role (no ownership, INSERT and SELECT only on the audit log): what the service uses. */
  appUrl: string;
  name: string;
  /**
   * Drops the database. Within a jest run (its global setup made the templates) the drop is left
   * to a process of its own and the run's global teardown drops whatever is left: DROP DATABASE
   * waits for a checkpoint, seconds on a busy server, and the suite need not wait for it.
   */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** false: an empty database, without even the schema (for the migration suites). Default true. */
  migrated?: boolean;
  /** 'demo': also seeded with the region and the demo data, as `seedIfEmpty(url, { demo: true })`. */
  seed?: 'demo';
}

/**
 * The names of databases to copy instead of migrating (and seeding) a new one for every suite:
 * set by the global setup of the integration and e2e runs (createTemplateDatabases), read by the
 * suites' processes.
 */
const TEMPLATES_ENV = 'TEST_TEMPLATE_DATABASES';

interface Templates {
  migrated: string;
  demo: string;
  /** Part of every database name of the run, so its global teardown finds what is left. */
  run: string;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: run integration suites through jest (global setup starts PostgreSQL)',
    );
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function uniqueName(kind: string, run = templates()?.run ?? Date.now().toString(36)): string {
  return `ot_${kind}_${run}_${randomBytes(4).toString('hex')}`;
}

/** DROP DATABASE from a detached process: the suite goes on while the server checkpoints. */
function dropInBackground(name: string): void {
  const script = `const { Client } = require('pg');
const c = new Client({ connectionString: process.argv[1] });
c.connect().then(() => c.query('DROP DATABASE IF EXISTS "' + process.argv[2] + '" WITH (FORCE)'))
  .catch(() => {}).finally(() => c.end().catch(() => {}));`;
  const child = spawn(process.execPath, ['-e', script, adminUrl(), name], {
    cwd: __dirname,
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => undefined);
  child.unref();
}

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function templates(): Templates | undefined {
  const raw = process.env[TEMPLATES_ENV];
  return raw ? (JSON.parse(raw) as Templates) : undefined;
}

/**
 * The persistence lib, loaded only when a database is made: the unit suites import this lib for
 * its fakes, and loading the Prisma client in each of their files cost more than their tests.
 */
function persistence() {
  return import('@overlegtafels/persistence');
}

async function seedDemo(url: string): Promise<void> {
  // Loaded only when needed: most suites get the seeded copy and never seed here.
  const { seedIfEmpty } = await persistence();
  await seedIfEmpty(url, { demo: true });
}

/** Migrates a new database and grants the app role its rights on it. */
async function migrateWithAppRole(url: string): Promise<string> {
  const { derivedAppUrl, grantAppRole, migrate } = await persistence();
  const appUrl = derivedAppUrl(url);
  await migrate(url);
  await grantAppRole(url, appUrl);
  return appUrl;
}

/**
 * A fresh database for one suite, so suites never see each other's rows and can run in
 * parallel. Dropped again by `drop()`. Under jest's global setup it is a copy of a database that
 * was migrated (and seeded) once for the run; elsewhere it is migrated (and seeded) here: the same
 * rows either way.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrated = options.migrated !== false;
  if (options.seed && !migrated) throw new Error('a seeded test database must be migrated');
  const name = uniqueName('test');
  const template = migrated ? templates()?.[options.seed ?? 'migrated'] : undefined;
  await asAdmin((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
  const url = withDatabase(adminUrl(), name);
  const appUrl =
    !template && migrated ? await migrateWithAppRole(url) : (await persistence()).derivedAppUrl(url);
  if (!template && options.seed) await seedDemo(url);
  const inRun = template !== undefined;
  return {
    url,
    appUrl,
    name,
    drop: async () => (inRun ? dropInBackground(name) : dropDatabase(name)),
  };
}

async function dropDatabase(name: string): Promise<void> {
  await asAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * For a global setup: one migrated database and one migrated and seeded, for createTestDatabase
 * in every suite of the run to copy (CREATE DATABASE … TEMPLATE). Closed to connections once made,
 * as a template must have none. Names are unique per run: runs on one server never share them.
 */
export async function createTemplateDatabases(): Promise<void> {
  if (templates()) return;
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const made: Templates = { migrated: uniqueName('tpl', run), demo: uniqueName('tpl', run), run };
  try {
    await asAdmin((c) => c.query(`CREATE DATABASE "${made.migrated}"`));
    const migratedUrl = withDatabase(adminUrl(), made.migrated);
    // Grants and default privileges are copied with the template: every copy has the app role's rights.
    await migrateWithAppRole(migratedUrl);
    await asAdmin((c) => c.query(`CREATE DATABASE "${made.demo}" TEMPLATE "${made.migrated}"`));
    await seedDemo(withDatabase(adminUrl(), made.demo));
    await asAdmin(async (c) => {
      for (const db of [made.migrated, made.demo]) {
        await c.query(`ALTER DATABASE "${db}" WITH ALLOW_CONNECTIONS false`);
      }
    });
  } catch (error) {
    for (const db of [made.demo, made.migrated]) await dropDatabase(db).catch(() => undefined);
    throw error;
  }
  process.env[TEMPLATES_ENV] = JSON.stringify(made);
}

/**
 * For a global teardown: drops what createTemplateDatabases made and every suite's database of the
 * run that its background drop has not removed yet (or that a killed suite left).
 */
export async function dropTemplateDatabases(): Promise<void> {
  const made = templates();
  if (!made) return;
  delete process.env[TEMPLATES_ENV];
  const left = await asAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname NOT IN ($2, $3)`,
      [`ot\\_%\\_${made.run}\\_%`, made.demo, made.migrated],
    );
    return rows.map((r) => r.datname);
  });
  // A background drop of the same database may be under way: DROP … IF EXISTS waits for it.
  for (const db of left) await dropDatabase(db).catch(() => undefined);
  for (const db of [made.demo, made.migrated]) await dropDatabase(db);
}
