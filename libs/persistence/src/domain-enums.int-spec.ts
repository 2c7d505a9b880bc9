import { Client } from 'pg';
import {
  DECISION_KINDS,
  DOSSIER_PHASES,
  ORGANISATION_KINDS,
  ROLES,
  TABLE_FUNCTIONS,
} from '@overlegtafels/domain';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';

/**
 * The domain's phases, decision kinds, organisation kinds, roles and table functions are stored
 * as they are, as the labels of PostgreSQL enums: the migrated database must have exactly those
 * labels, in the domain's order (an enum sorts in its declared order). The domain cannot check
 * this itself: it does no I/O.
 */
describe('the domain’s stored keys are the database’s enum labels', () => {
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
    ['dossier_phase', DOSSIER_PHASES],
    ['decision_kind', DECISION_KINDS],
    ['organisation_kind', Object.keys(ORGANISATION_KINDS)],
    ['role', ROLES],
    ['table_function', TABLE_FUNCTIONS],
  ])('%s has exactly the domain’s keys, in order', (typname, keys) => {
    expect(labels[typname]).toEqual([...keys]);
  });

  it('accepts every domain phase and decision kind as a value, and refuses any other', async () => {
    // Through a cast as a query would store them, not only through the catalog.
    const cast = async (value: string, type: string) =>
      (await pg.query<{ v: string }>(`SELECT $1::${type}::text AS v`, [value])).rows[0]!.v;
    for (const phase of DOSSIER_PHASES) expect(await cast(phase, 'dossier_phase')).toBe(phase);
    for (const kind of DECISION_KINDS) expect(await cast(kind, 'decision_kind')).toBe(kind);
    await expect(cast('heropend', 'dossier_phase')).rejects.toThrow(/invalid input value for enum/);
    await expect(cast('pva-besproken', 'decision_kind')).rejects.toThrow(/invalid input value for enum/);
  });
});
