import { Client } from 'pg';

/**
 * A PostgreSQL database's `public` schema as comparable lines, one per table, column, index,
 * foreign key, enum, CHECK constraint and trigger, so that two databases (or one before and after
 * a migration) can be compared with plain set differences. For tests and tooling only.
 */
export interface DatabaseCatalog {
  tables: string[];
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
  enums: string[];
  checks: string[];
  triggers: string[];
}

/** The parts of a catalog that a Prisma schema describes (CHECKs and triggers it cannot). */
export const PRISMA_PARTS = ['tables', 'columns', 'indexes', 'foreignKeys', 'enums'] as const;

const lines = async (pg: Client, sql: string): Promise<string[]> =>
  (await pg.query<{ line: string }>(sql)).rows.map((r) => r.line).sort();

export async function readCatalog(url: string): Promise<DatabaseCatalog> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    return {
      tables: await lines(
        pg,
        `SELECT 'table ' || table_name AS line FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
      ),
      columns: await lines(
        pg,
        `SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name
                || coalesce('(' || character_maximum_length || ')', '')
                || coalesce(' precision ' || datetime_precision, '')
                || CASE is_nullable WHEN 'YES' THEN ' null' ELSE ' not null' END
                || coalesce(' default ' || column_default, '') AS line
           FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      ),
      indexes: await lines(
        pg,
        `SELECT 'index ' || t.relname || '.' || i.relname || ' ' || am.amname
                || CASE WHEN x.indisprimary THEN ' primary' WHEN x.indisunique THEN ' unique' ELSE '' END
                || CASE WHEN x.indnullsnotdistinct THEN ' nulls not distinct' ELSE '' END
                || CASE WHEN x.indpred IS NOT NULL THEN ' where ' || pg_get_expr(x.indpred, x.indrelid) ELSE '' END
                || ' (' || array_to_string(ARRAY(
                     SELECT pg_get_indexdef(x.indexrelid, k.n::int, true)
                       FROM generate_series(1, x.indnkeyatts) AS k(n) ORDER BY k.n), ', ') || ')' AS line
           FROM pg_index x
           JOIN pg_class i ON i.oid = x.indexrelid
           JOIN pg_class t ON t.oid = x.indrelid
           JOIN pg_am am ON am.oid = i.relam
           JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE ns.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
      ),
      foreignKeys: await lines(
        pg,
        `SELECT 'foreign key ' || t.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
           FROM pg_constraint c
           JOIN pg_class t ON t.oid = c.conrelid
           JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE c.contype = 'f' AND ns.nspname = 'public'`,
      ),
      enums: await lines(
        pg,
        `SELECT 'enum ' || t.typname || ' (' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) || ')' AS line
           FROM pg_type t
           JOIN pg_enum e ON e.enumtypid = t.oid
           JOIN pg_namespace ns ON ns.oid = t.typnamespace
          WHERE ns.nspname = 'public'
          GROUP BY t.typname`,
      ),
      checks: await lines(
        pg,
        `SELECT 'check ' || t.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
           FROM pg_constraint c
           JOIN pg_class t ON t.oid = c.conrelid
           JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE c.contype = 'c' AND ns.nspname = 'public'`,
      ),
      triggers: await lines(
        pg,
        `SELECT 'trigger ' || t.relname || '.' || g.tgname || ' ' || pg_get_triggerdef(g.oid) AS line
           FROM pg_trigger g
           JOIN pg_class t ON t.oid = g.tgrelid
           JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE NOT g.tgisinternal AND ns.nspname = 'public'`,
      ),
    };
  } finally {
    await pg.end();
  }
}

/** What `to` has and `from` lacks, and the reverse, over the given parts of the catalog. */
export function catalogDifference(
  from: DatabaseCatalog,
  to: DatabaseCatalog,
  parts: readonly (keyof DatabaseCatalog)[] = Object.keys(from) as (keyof DatabaseCatalog)[],
): { added: string[]; removed: string[] } {
  const a = parts.flatMap((p) => from[p]);
  const b = parts.flatMap((p) => to[p]);
  return {
    added: b.filter((line) => !a.includes(line)).sort(),
    removed: a.filter((line) => !b.includes(line)).sort(),
  };
}
