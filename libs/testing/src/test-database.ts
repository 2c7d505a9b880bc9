import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** As the owner (the server's admin): migrations, fixtures, inspection. */
  url: string;
  /** As the app role (no ownership, INSERT and SELECT only on the audit log): what the service uses. */
  appUrl: string;
  name: string;
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

function uniqueName(kind: string): string {
  return `ot_${kind}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
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
  return { url, appUrl, name, drop: () => dropDatabase(name) };
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
  const made: Templates = { migrated: uniqueName('tpl'), demo: uniqueName('tpl') };
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

/** For a global teardown: drops what createTemplateDatabases made. */
export async function dropTemplateDatabases(): Promise<void> {
  const made = templates();
  if (!made) return;
  delete process.env[TEMPLATES_ENV];
  for (const db of [made.demo, made.migrated]) await dropDatabase(db);
}
