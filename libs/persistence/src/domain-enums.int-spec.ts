import { Client } from 'pg';
import { ROLES, TABLE_FUNCTIONS } from '@overlegtafels/domain';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { migrate, readMigrations } from './migrator';

/**
 * The domain's roles and table functions are stored as they are, as the labels of PostgreSQL
 * enums: the migrated database must have exactly those labels, in the domain's order (an enum
 * sorts in its declared order). Phases, decision kinds and organisation kinds are the region
 * configuration's, so they are text: a region stores its own without a migration, and the
 * migration that made them text kept every stored value. The domain cannot check this itself: it
 * does no I/O.
 */
const TEXT_MIGRATION = '20261207140723_region_keys_as_text';

describe('the domain’s stored keys in the database', () => {
  let db: TestDatabase;
  let pg: Client;
  let labels: Record<string, string[]>;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { rows } = await pg.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace ns ON ns.oid = t.typnamespace
        WHERE ns.nspname = 'public'
        GROUP BY t.typname`,
    );
    labels = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
  }, 60_000);

  afterAll(async () => {
    await pg?.end();
    await db?.drop();
  });

  it.each([
    ['role', ROLES],
    ['table_function', TABLE_FUNCTIONS],
  ])('%s has exactly the domain’s keys, in order', (typname, keys) => {
    expect(labels[typname]).toEqual([...keys]);
  });

  it('has no enum for phases, decision kinds or organisation kinds: they are text columns', async () => {
    for (const t of ['dossier_phase', 'decision_kind', 'organisation_kind'])
      expect(labels[t]).toBeUndefined();
    const { rows } = await pg.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND (table_name, column_name) IN
              (('dossiers', 'phase'), ('decisions', 'kind'), ('organisations', 'kind'))
        ORDER BY table_name`,
    );
    expect(rows).toEqual([
      { table_name: 'decisions', column_name: 'kind', data_type: 'text' },
      { table_name: 'dossiers', column_name: 'phase', data_type: 'text' },
      { table_name: 'organisations', column_name: 'kind', data_type: 'text' },
    ]);
  });

  it('keeps the values stored before the columns became text, and refuses an empty key', async () => {
    const old = await createTestDatabase({ migrated: false });
    const c = new Client({ connectionString: old.url });
    await c.connect();
    try {
      const all = readMigrations();
      expect(all.map((m) => m.name)).toContain(TEXT_MIGRATION);
      await migrate(
        old.url,
        all.filter((m) => m.name < TEXT_MIGRATION),
      );
      const region = (
        await c.query<{ id: string }>(
          `INSERT INTO regions (key, name, mail_from_name, mail_from_address)
           VALUES ('oud', 'Oud', 'Oud', 'oud@example.org') RETURNING id`,
        )
      ).rows[0]!.id;
      const org = (
        await c.query<{ id: string }>(
          `INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'meldpunt-risicojongeren', 'Meldpunt') RETURNING id`,
          [region],
        )
      ).rows[0]!.id;
      const person = (
        await c.query<{ id: string }>(
          `INSERT INTO persons (region_id, display_name, email) VALUES ($1, 'Ann Oud', 'ann@example.org') RETURNING id`,
          [region],
        )
      ).rows[0]!.id;
      await c.query(
        `INSERT INTO dossiers (code, region_id, aanmelder_id, aanmelder_organisation_id, phase)
         VALUES ('OUD-2026-0001', $1, $2, $3, 'afgerond'), ('OUD-2026-0002', $1, $2, $3, DEFAULT)`,
        [region, person, org],
      );

      await migrate(old.url, all);

      const read = async (sql: string) => (await c.query(sql)).rows;
      expect(await read(`SELECT kind FROM organisations`)).toEqual([{ kind: 'meldpunt-risicojongeren' }]);
      expect(await read(`SELECT code, phase FROM dossiers ORDER BY code`)).toEqual([
        { code: 'OUD-2026-0001', phase: 'afgerond' },
        { code: 'OUD-2026-0002', phase: 'aangemeld' },
      ]);
      // A region's own key is stored without a migration; an empty one is not a key.
      await c.query(`UPDATE dossiers SET phase = 'exploratie' WHERE code = 'OUD-2026-0002'`);
      await expect(c.query(`UPDATE dossiers SET phase = '' WHERE code = 'OUD-2026-0001'`)).rejects.toThrow(
        /dossiers_phase_check/,
      );
      await expect(c.query(`UPDATE organisations SET kind = ''`)).rejects.toThrow(/organisations_kind_check/);
    } finally {
      await c.end();
      await old.drop();
    }
  }, 60_000);
});
