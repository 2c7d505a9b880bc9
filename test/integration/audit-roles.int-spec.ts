import { Client } from 'pg';
import { runCli } from '../../apps/cli/src/main';
import { AuditCommand } from '../../apps/cli/src/commands/audit.command';
import type { CliIo } from '../../apps/cli/src/cli-command';
import {
  AuditRepository,
  createPrismaClient,
  grantAppRole,
  migrate,
  PrismaService,
  readMigrations,
  verifyAuditChain,
} from '@overlegtafels/persistence';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';

const HASH_CHAIN = '20261202192234_audit_hash_chain';

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

async function insertEvents(client: Client, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO audit_events (action, entity_type, entity_id, outcome, details)
       VALUES ('dossier.read', 'dossier', $1, 'allowed', $2) RETURNING id`,
      [`${tag}-${i}`, JSON.stringify({ i, tag, note: 'é "quoted"\n' })],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

/** `audit verify` as the operator runs it, against the database of `url`. */
async function auditVerify(url: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stdinLines: async function* () {} };
  const code = await runCli(['audit', 'verify'], io, [new AuditCommand({ DATABASE_URL: url })]);
  return { code, out, err };
}

describe('database roles: the service runs as an app role that cannot rewrite the audit log', () => {
  let db: TestDatabase;
  let app: Client;
  let owner: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await connect(db.appUrl);
    owner = await connect(db.url);
  });

  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await db?.drop();
  });

  it('connects as a role that is no superuser and owns no table', async () => {
    const { rows } = await app.query<{ rolsuper: boolean; owned: string }>(
      `SELECT r.rolsuper, (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::text AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows).toEqual([{ rolsuper: false, owned: '0' }]);
    expect(new URL(db.appUrl).username).not.toBe(new URL(db.url).username);
  });

  it('may append to and read the audit log, and is refused every way of rewriting it', async () => {
    const [id] = await insertEvents(app, 1, 'app');
    const before = (await owner.query(`SELECT * FROM audit_events WHERE id = $1`, [id])).rows;
    expect(before).toHaveLength(1);

    const refusals: [string, RegExp][] = [
      [`UPDATE audit_events SET outcome = 'denied' WHERE id = ${id}`, /permission denied/],
      [`DELETE FROM audit_events WHERE id = ${id}`, /permission denied/],
      [`TRUNCATE audit_events`, /permission denied/],
      [`SET session_replication_role = replica`, /permission denied/],
      [`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`, /must be owner/],
      [`ALTER TABLE audit_events DISABLE TRIGGER ALL`, /must be owner/],
      [`DROP TRIGGER audit_events_chain ON audit_events`, /must be owner/],
      [`DROP TABLE audit_events`, /must be owner/],
      [`CREATE TABLE public.shadow (id int)`, /permission denied/],
    ];
    for (const [sql, refusal] of refusals) {
      await expect(app.query(sql)).rejects.toThrow(refusal);
    }
    // The same inside a transaction, as `SET LOCAL … ; DELETE` would be tried.
    await app.query('BEGIN');
    await expect(app.query(`SET LOCAL session_replication_role = replica`)).rejects.toThrow(
      /permission denied/,
    );
    await app.query('ROLLBACK');

    expect((await owner.query(`SELECT * FROM audit_events WHERE id = $1`, [id])).rows).toEqual(before);
    expect((await auditVerify(db.appUrl)).code).toBe(0);
  });

  it('gets the rights on a table a later migration creates, without that migration naming the role', async () => {
    await owner.query(`CREATE TABLE later_feature (id serial PRIMARY KEY, note text)`);
    try {
      await app.query(`INSERT INTO later_feature (note) VALUES ('x')`);
      await app.query(`UPDATE later_feature SET note = 'y'`);
      expect((await app.query(`SELECT note FROM later_feature`)).rows).toEqual([{ note: 'y' }]);
      await app.query(`DELETE FROM later_feature`);
      await expect(app.query(`ALTER TABLE later_feature ADD COLUMN x int`)).rejects.toThrow(/must be owner/);
    } finally {
      await owner.query(`DROP TABLE later_feature`);
    }
  });

  it('is refused the migrations table', async () => {
    await expect(app.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
  });
});

describe('the audit log as a hash chain, and `audit verify`', () => {
  const dbs: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    return db;
  };

  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('finds the first row whose field a superuser changed', async () => {
    const db = await fresh();
    const app = await connect(db.appUrl);
    const ids = await insertEvents(app, 6, 'edit');
    await app.end();
    const intact = await auditVerify(db.appUrl);
    expect(intact).toEqual({
      code: 0,
      out: [
        expect.stringMatching(
          new RegExp(
            `^audit log intact: 6 rows, each linked to the one before; last row ${ids[5]}, hash [0-9a-f]{64}$`,
          ),
        ),
      ],
      err: [],
    });

    const su = await connect(db.url);
    await su.query('BEGIN');
    await su.query('SET LOCAL session_replication_role = replica');
    await su.query(`UPDATE audit_events SET outcome = 'denied' WHERE id = $1`, [ids[3]]);
    await su.query('COMMIT');
    await su.end();

    const result = await auditVerify(db.appUrl);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      `audit log broken at row ${ids[3]}: its hash does not match its content (a field was changed)`,
    ]);
  });

  it('finds the row after one a superuser deleted', async () => {
    const db = await fresh();
    const app = await connect(db.appUrl);
    const ids = await insertEvents(app, 5, 'delete');
    await app.end();
    const su = await connect(db.url);
    await su.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`);
    await su.query(`DELETE FROM audit_events WHERE id = $1`, [ids[2]]);
    await su.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete`);
    await su.end();

    const result = await auditVerify(db.appUrl);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      `audit log broken at row ${ids[3]}: its previous hash is not the hash of row ${ids[1]} (a row between them was removed, or a row was changed with its hash)`,
    ]);
  });

  it('stays one unbroken chain under concurrent inserts from many transactions', async () => {
    const db = await fresh();
    const writers = await Promise.all(Array.from({ length: 8 }, () => connect(db.appUrl)));
    try {
      await Promise.all(
        writers.map(async (c, w) => {
          for (let i = 0; i < 15; i++) {
            await c.query('BEGIN');
            await insertEvents(c, 2, `w${w}-${i}`);
            // Hold the transaction open a moment, so that others queue behind the chain's lock.
            if (i % 3 === 0) await new Promise((r) => setTimeout(r, 2));
            await c.query(i % 5 === 4 ? 'ROLLBACK' : 'COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(writers.map((c) => c.end()));
    }
    // 8 writers × 15 transactions × 2 rows, less the rolled-back ones (3 per writer).
    const report = await verifyAuditChain(db.appUrl);
    expect([report.rows, report.broken]).toEqual([8 * 12 * 2, undefined]);
  });

  it('chains the entries a page writes in one statement in their order (appendMany)', async () => {
    const db = await fresh();
    const prisma = createPrismaClient(db.appUrl, 1);
    try {
      const log = new AuditRepository(prisma as unknown as PrismaService);
      const at = new Date('2026-12-03T09:00:00Z');
      const entry = (i: number) => ({
        actorPersonId: null,
        action: 'agenda-item.read',
        entityType: 'agenda_item',
        entityId: `item-${i}`,
        outcome: 'allowed' as const,
        details: { code: `CO3-2026-000${i}` },
      });
      await log.append(entry(0), at);
      await log.appendMany([entry(1), entry(2), entry(3)], at);
      const rows = await prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { entityId: true } });
      expect(rows.map((r) => r.entityId)).toEqual(['item-0', 'item-1', 'item-2', 'item-3']);
    } finally {
      await prisma.$disconnect();
    }
    const report = await verifyAuditChain(db.appUrl);
    expect([report.rows, report.broken]).toEqual([4, undefined]);
  });

  it('refuses an audit insert in a transaction whose snapshot could be older than the chain', async () => {
    const db = await fresh();
    const app = await connect(db.appUrl);
    try {
      await app.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await expect(insertEvents(app, 1, 'rr')).rejects.toThrow(/READ COMMITTED transactions only/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });

  it('is usage error 2 for a wrong subcommand', async () => {
    const io = { out: jest.fn(), err: jest.fn(), stdinLines: async function* () {} };
    await expect(runCli(['audit', 'check'], io, [new AuditCommand({})])).resolves.toBe(2);
    expect(io.err).toHaveBeenCalledWith(expect.stringMatching(/^unknown subcommand "check"/));
  });
});

describe(`migration ${HASH_CHAIN}`, () => {
  let db: TestDatabase;

  afterAll(async () => {
    await db?.drop();
  });

  it('chains the rows that were there before it', async () => {
    db = await createTestDatabase({ migrated: false });
    const all = readMigrations();
    const at = all.findIndex((m) => m.name === HASH_CHAIN);
    expect(at).toBeGreaterThan(0);
    await migrate(db.url, all.slice(0, at));
    const client = await connect(db.url);
    try {
      await insertEvents(client, 4, 'old');
      await migrate(db.url, all);
      await insertEvents(client, 2, 'new');
      const { rows } = await client.query<{ prev_hash: string }>(
        `SELECT prev_hash FROM audit_events ORDER BY id`,
      );
      expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    } finally {
      await client.end();
    }
    const report = await verifyAuditChain(db.url);
    expect([report.rows, report.broken]).toEqual([6, undefined]);
  });
});

describe('production roles: a non-superuser owner with CREATEROLE', () => {
  const tag = `ot_prod_${Date.now().toString(36)}`;
  const admin = process.env.TEST_DATABASE_URL!;
  const at = (user: string, password: string) => {
    const u = new URL(admin);
    u.username = user;
    u.password = password;
    u.pathname = `/${tag}`;
    return u.toString();
  };
  const ownerUrl = at(`${tag}_owner`, 'owner-secret');
  const appUrl = at(`${tag}_app`, 'app-secret');

  afterAll(async () => {
    const su = await connect(admin);
    await su.query(`DROP DATABASE IF EXISTS "${tag}" WITH (FORCE)`);
    await su.query(`DROP ROLE IF EXISTS "${tag}_app"`);
    await su.query(`DROP ROLE IF EXISTS "${tag}_owner"`);
    await su.end();
  });

  it('migrates, makes the app role with its configured password, and refuses it as the owner', async () => {
    const su = await connect(admin);
    await su.query(`CREATE ROLE "${tag}_owner" LOGIN CREATEROLE PASSWORD 'owner-secret'`);
    await su.query(`CREATE DATABASE "${tag}" OWNER "${tag}_owner"`);
    await su.end();

    await migrate(ownerUrl);
    await grantAppRole(ownerUrl, appUrl);
    await grantAppRole(ownerUrl, appUrl); // idempotent: a second start changes nothing

    const app = await connect(appUrl);
    try {
      const { rows } = await app.query<{ rolsuper: boolean; rolcreaterole: boolean }>(
        `SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user`,
      );
      expect(rows).toEqual([{ rolsuper: false, rolcreaterole: false }]);
      await insertEvents(app, 2, 'prod');
      await expect(app.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`ALTER TABLE audit_events DISABLE TRIGGER ALL`)).rejects.toThrow(
        /must be owner/,
      );
    } finally {
      await app.end();
    }
    const report = await verifyAuditChain(appUrl);
    expect([report.rows, report.broken]).toEqual([2, undefined]);
    await expect(grantAppRole(ownerUrl, ownerUrl)).rejects.toThrow(/is the owner/);
  });
});
