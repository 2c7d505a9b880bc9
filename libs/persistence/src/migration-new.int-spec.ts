import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { catalogDifference, DatabaseCatalog, PRISMA_PARTS, readCatalog } from './database-catalog.util';
import { migrate, projectRoot, readMigrations } from './migrator';
import { readDatamodel } from './prisma-dmmf.util';

/**
 * `npm run migration:new -- <name>` (scripts/migration-new.mjs) generates migrations with Prisma's
 * schema engine (WebAssembly). These run the script as a developer would, on copies of prisma/ in
 * temporary directories, and apply what it writes with the project's migrator.
 */

const ROOT = projectRoot();
const SCRIPT = path.join(ROOT, 'scripts', 'migration-new.mjs');
const SCHEMA = readFileSync(path.join(ROOT, 'prisma', 'schema.prisma'), 'utf8');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  // The engine only reads the server version; the test server is as good as any.
  const env = { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL };
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const temporaries: string[] = [];
const databases: TestDatabase[] = [];

/** A copy of the repository's prisma/ directory (or only its schema, with no migrations). */
function project(withMigrations = true): { schema: string; migrations: string; args: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'overlegtafels-migration-new-'));
  temporaries.push(dir);
  const migrations = path.join(dir, 'migrations');
  if (withMigrations) cpSync(path.join(ROOT, 'prisma', 'migrations'), migrations, { recursive: true });
  else mkdirSync(migrations);
  const schema = path.join(dir, 'schema.prisma');
  writeFileSync(schema, SCHEMA);
  return { schema, migrations, args: ['--schema', schema, '--migrations', migrations] };
}

const entries = (dir: string): string[] => readdirSync(dir).sort();
const timestamp = (at: Date): string => at.toISOString().replace(/\D/g, '').slice(0, 14);

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrated: false });
  databases.push(db);
  return db;
}

/** Sessions get a room and an attendee count, and an index on the room. */
function withRoom(schema: string): string {
  const column = '  heldAt            DateTime?     @map("held_at") @db.Timestamptz(3)\n';
  const index = '  @@index([status, startsAt])\n  @@map("sessions")';
  expect(schema).toContain(column);
  expect(schema).toContain(index);
  return schema
    .replace(
      column,
      column +
        '  roomLabel         String?       @map("room_label")\n' +
        '  attendeeCount     Int           @default(0) @map("attendee_count")\n',
    )
    .replace(index, '  @@index([status, startsAt])\n  @@index([roomLabel])\n  @@map("sessions")');
}

describe('npm run migration:new (scripts/migration-new.mjs)', () => {
  let migrated: DatabaseCatalog;

  beforeAll(async () => {
    const db = await createTestDatabase();
    databases.push(db);
    migrated = await readCatalog(db.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
  });

  it('from no migrations at all: writes the schema whole, as the tables, columns, indexes, foreign keys and enums prisma/migrations make', async () => {
    const p = project(false);
    const result = await run(['init', ...p.args]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Wrote \S+_init\/migration\.sql from an empty database \(\d+ ms\)\.\n$/);
    const [dir, ...others] = entries(p.migrations);
    expect(others).toEqual([]);
    expect(dir).toMatch(/^\d{14}_init$/);
    expect(entries(path.join(p.migrations, dir!))).toEqual(['migration.sql', 'schema.prisma']);
    expect(readFileSync(path.join(p.migrations, dir!, 'schema.prisma'), 'utf8')).toBe(SCHEMA);

    const db = await database();
    // citext is one of the hand-written parts of the repository's init migration.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query('CREATE EXTENSION citext').finally(() => pg.end());
    const applied = await migrate(db.url, readMigrations(p.migrations));
    expect(applied.applied).toEqual([dir]);

    const generated = await readCatalog(db.url);
    expect(generated.tables).toHaveLength(readDatamodel(p.schema).models.length);
    expect(generated.indexes.length).toBeGreaterThan(generated.tables.length);
    expect(generated.foreignKeys.length).toBeGreaterThan(0);
    // The one difference Prisma cannot express is NULLS NOT DISTINCT, written by hand: in the init
    // for the role assignments, in the slot replies' migration for the calendar answers.
    const nullsNotDistinct = [
      ['role_assignments.role_assignments_person_id_role_table_key_key', '(person_id, role, table_key)'],
      [
        'calendar_replies.calendar_replies_session_id_agenda_item_id_attendee_email_key',
        '(session_id, agenda_item_id, attendee_email)',
      ],
    ] as const;
    const difference = catalogDifference(migrated, generated, PRISMA_PARTS);
    expect({ added: [...difference.added].sort(), removed: [...difference.removed].sort() }).toEqual({
      added: nullsNotDistinct.map(([key, columns]) => `index ${key} btree unique ${columns}`).sort(),
      removed: nullsNotDistinct
        .map(([key, columns]) => `index ${key} btree unique nulls not distinct ${columns}`)
        .sort(),
    });
    // CHECK constraints and triggers stay hand-written: the engine never produces them.
    expect(generated.checks).toEqual([]);
    expect(generated.triggers).toEqual([]);
    expect(migrated.checks.length).toBeGreaterThan(0);
    expect(migrated.triggers.length).toBeGreaterThan(0);
  }, 60_000);

  it('after the existing and a hand-written migration: generates only the change, from the last snapshot, and the migrator applies both in name order', async () => {
    const p = project();
    const before = entries(p.migrations);
    const snapshotted = before.filter((n) => existsSync(path.join(p.migrations, n, 'schema.prisma')));
    expect(snapshotted.length).toBeGreaterThan(0);
    const handWritten = `${timestamp(new Date(Date.now() - 60_000))}_sessions_ics_sequence_check`;
    mkdirSync(path.join(p.migrations, handWritten));
    writeFileSync(
      path.join(p.migrations, handWritten, 'migration.sql'),
      'ALTER TABLE "sessions" ADD CONSTRAINT "sessions_ics_sequence_check" CHECK ("ics_sequence" >= 0);\n',
    );
    const changed = withRoom(SCHEMA);
    writeFileSync(p.schema, changed);

    const result = await run(['session_room', ...p.args]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(` from ${snapshotted.at(-1)}/schema.prisma (`);
    const added = entries(p.migrations).filter((n) => !before.includes(n));
    expect(added).toHaveLength(2);
    expect(added[0]).toBe(handWritten);
    const generated = added[1]!;
    expect(generated).toMatch(/^\d{14}_session_room$/);
    expect(readFileSync(path.join(p.migrations, generated, 'schema.prisma'), 'utf8')).toBe(changed);
    const sql = readFileSync(path.join(p.migrations, generated, 'migration.sql'), 'utf8');
    expect(sql).toMatch(/ALTER TABLE "sessions" ADD COLUMN\s+"attendee_count" INTEGER NOT NULL DEFAULT 0,/);
    expect(sql).toMatch(/ADD COLUMN\s+"room_label" TEXT;/);
    expect(sql).toContain('CREATE INDEX "sessions_room_label_idx" ON "sessions"("room_label");');
    expect(sql).not.toMatch(/CREATE TABLE|DROP|CHECK/);

    const db = await database();
    const applied = await migrate(db.url, readMigrations(p.migrations));
    expect(applied.applied.slice(-2)).toEqual([handWritten, generated]);
    expect(catalogDifference(migrated, await readCatalog(db.url))).toEqual({
      added: [
        'check sessions.sessions_ics_sequence_check CHECK ((ics_sequence >= 0))',
        'column sessions.attendee_count int4 not null default 0',
        'column sessions.room_label text null',
        'index sessions.sessions_room_label_idx btree (room_label)',
      ],
      removed: [],
    });

    const again = await run(['session_room_again', ...p.args]);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toMatch(new RegExp(`^No difference between ${generated}/schema\\.prisma and `));
    expect(entries(p.migrations)).toEqual([...before, handWritten, generated].sort());
  }, 60_000);

  // Fails when prisma/schema.prisma changed without a migration generated for it, or when a
  // hand-written migration changed what the schema describes without a schema.prisma beside it.
  it("finds nothing to generate for the repository's own schema and migrations (the last snapshot is current)", async () => {
    const p = project();
    const before = entries(p.migrations);
    const result = await run(['nothing', ...p.args]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^No difference between \S+\/schema\.prisma and \S+: no migration written/);
    expect(entries(p.migrations)).toEqual(before);
  }, 60_000);

  it('refuses a missing or bad name, or a missing file, with exit code 2 and one line naming the argument', async () => {
    const p = project();
    const before = entries(p.migrations);
    const cases: [string[], RegExp][] = [
      [[], /^migration:new: missing <name>/],
      [['Sessie Zaal'], /^migration:new: <name> "Sessie Zaal" must be/],
      [['1_room'], /^migration:new: <name> "1_room" must be/],
      [['room__label'], /^migration:new: <name> "room__label" must be/],
      [['a'.repeat(61)], /^migration:new: <name> "a{61}" must be .* at most 60 characters/],
      [['room', 'label'], /^migration:new: <name> is one word, got 2/],
      [
        ['room', '--schema', path.join(p.migrations, 'none.prisma')],
        /^migration:new: --schema \S+none\.prisma: no such file/,
      ],
      [
        ['room', '--migrations', path.join(p.migrations, 'none')],
        /^migration:new: --migrations \S+none: no such directory/,
      ],
    ];
    for (const [args, message] of cases) {
      const withPaths = args.some((a) => a.startsWith('--')) ? args : [...args, ...p.args];
      const result = await run(withPaths);
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(entries(p.migrations)).toEqual(before);
  }, 60_000);

  it('refuses to guess the previous schema when no migration carries a snapshot', async () => {
    const p = project();
    for (const m of readMigrations(p.migrations))
      rmSync(path.join(p.migrations, m.name, 'schema.prisma'), { force: true });
    const before = entries(p.migrations);
    writeFileSync(p.schema, withRoom(SCHEMA));
    const result = await run(['session_room', ...p.args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^migration:new: no migration in \S+ has a schema\.prisma beside its migration\.sql/,
    );
    expect(entries(p.migrations)).toEqual(before);
  }, 60_000);
});
