import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { MIGRATION_LOCK } from './migrator';

/**
 * The two roles of the service's database: the owner, which runs the migrations and owns every
 * table, and the app role the api and the workers connect as. The app role owns nothing and is no
 * superuser: it reads and writes the tables (through default privileges also those later
 * migrations create), but on the audit log it may only INSERT and SELECT, and it can neither set
 * session_replication_role nor disable a trigger (both need a superuser or the table's owner).
 */
export interface DatabaseUrls {
  /** Migrations (and BullMQ's schema) run as this role. */
  ownerUrl: string;
  /** The service connects as this role. */
  appUrl: string;
}

/**
 * With an explicit owner URL, `databaseUrl` is the app role's. Without one, `databaseUrl` is the
 * owner's and the app role is derived from it: `<owner>_app`, with a password derived from the
 * owner's credentials and the server (as secret as the owner's password, the same in every
 * process that is given the same owner URL).
 */
export function databaseUrls(databaseUrl: string, ownerUrl?: string): DatabaseUrls {
  if (ownerUrl) return { ownerUrl, appUrl: databaseUrl };
  return { ownerUrl: databaseUrl, appUrl: derivedAppUrl(databaseUrl) };
}

export function derivedAppUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const owner = decodeURIComponent(url.username) || 'postgres';
  const secret = [owner, decodeURIComponent(url.password), url.hostname, url.port].join('\0');
  url.username = `${owner}_app`;
  url.password = createHash('sha256').update(`overlegtafels app role\0${secret}`).digest('hex').slice(0, 40);
  return url.toString();
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// Tables the app role gets nothing on, and those it may only append to and read.
const NO_ACCESS = ['_prisma_migrations'];
const APPEND_ONLY = ['audit_events'];

/**
 * Makes the app role of `appUrl` exist with its password (when it cannot log in yet) and grants it
 * what the service needs on the database of `ownerUrl`; idempotent, under the migrations' lock.
 * Refuses an app role that is a superuser, the owner or a member of the owner.
 */
export async function grantAppRole(ownerUrl: string, appUrl: string): Promise<void> {
  const app = new URL(appUrl);
  const role = decodeURIComponent(app.username);
  if (!ROLE_NAME.test(role))
    throw new Error(`the app role "${role}" must be lower-case letters, digits and _`);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const owner = (await client.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
    if (owner === role)
      throw new Error(`the app role "${role}" is the owner: give the service a role of its own`);
    if (!(await canLogIn(appUrl))) await createOrAlterRole(client, role, decodeURIComponent(app.password));
    await refuseMighty(client, role, owner);
    await grant(client, role);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function canLogIn(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

async function createOrAlterRole(client: Client, role: string, password: string): Promise<void> {
  const secret = client.escapeLiteral(password);
  // Roles are shared by every database of the server: another database's start may race us.
  for (let attempt = 0; ; attempt++) {
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      await client.query(
        rowCount
          ? `ALTER ROLE "${role}" WITH LOGIN PASSWORD ${secret}`
          : `CREATE ROLE "${role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${secret}`,
      );
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== '42710' && code !== '23505' && code !== 'XX000')) throw error;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

async function refuseMighty(client: Client, role: string, owner: string): Promise<void> {
  const { rows } = await client.query<{ rolsuper: boolean; member: boolean; owns: boolean }>(
    `SELECT r.rolsuper, pg_has_role(r.oid, $2, 'MEMBER') AS member,
            EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owns
       FROM pg_roles r WHERE r.rolname = $1`,
    [role, owner],
  );
  const r = rows[0];
  if (!r) throw new Error(`the app role "${role}" does not exist and could not be made`);
  if (r.rolsuper || r.member || r.owns)
    throw new Error(
      `the app role "${role}" ${r.rolsuper ? 'is a superuser' : r.member ? `is a member of the owner "${owner}"` : 'owns tables'}: give the service a role with no more rights than it needs`,
    );
}

async function grant(client: Client, role: string): Promise<void> {
  const r = `"${role}"`;
  const bullmq = (await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'bullmq'`)).rowCount;
  const statements = [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // Tables and sequences later migrations (run by this owner) create, in any schema.
    `ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    ...NO_ACCESS.map((t) => `REVOKE ALL ON TABLE "${t}" FROM ${r}`),
    ...APPEND_ONLY.flatMap((t) => [
      `REVOKE ALL ON TABLE "${t}" FROM ${r}`,
      `GRANT SELECT, INSERT ON TABLE "${t}" TO ${r}`,
    ]),
    // BullMQ's PostgreSQL backend makes a sequence per queue at run time: it may create in its schema.
    ...(bullmq
      ? [
          `GRANT USAGE, CREATE ON SCHEMA bullmq TO ${r}`,
          `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA bullmq TO ${r}`,
          `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA bullmq TO ${r}`,
        ]
      : []),
  ];
  await client.query('BEGIN');
  try {
    for (const sql of statements) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
