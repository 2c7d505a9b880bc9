import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { PrismaClient } from './generated/prisma/client';
import { migrate, projectRoot, readMigrations } from './migrator';
import {
  columnFields,
  columnName,
  columnOf,
  Datamodel,
  enumDbValues,
  enumTypeName,
  expectedColumnDefault,
  expectedColumnType,
  normaliseColumnDefault,
  onDeleteOf,
  onUpdateOf,
  readDatamodel,
  REFERENTIAL_ACTION_CODE,
  schemaPath,
  tableName,
} from './prisma-dmmf.util';

/**
 * prisma/schema.prisma and the hand-written SQL in prisma/migrations must describe the same
 * database (the Prisma schema engine, which would normally generate the SQL, is not available).
 * This suite migrates a fresh database and compares its catalog with the parsed schema, both ways.
 */

const INIT = '20261123000000_init';

const actionName = (code: string): string =>
  Object.entries(REFERENTIAL_ACTION_CODE).find(([, c]) => c === code)?.[0] ?? code;

interface ColumnRow {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  udt_name: string;
  datetime_precision: number | null;
  column_default: string | null;
}
interface IndexRow {
  table_name: string;
  index_name: string;
  is_unique: boolean;
  is_primary: boolean;
  columns: string[];
  is_partial: boolean;
}
interface ForeignKeyRow {
  table_name: string;
  constraint_name: string;
  columns: string[];
  ref_table: string;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
}

describe('database schema (prisma/schema.prisma vs prisma/migrations)', () => {
  let db: TestDatabase;
  let pg: Client;
  let dm: Datamodel;
  let columns: ColumnRow[];
  let indexes: IndexRow[];
  let foreignKeys: ForeignKeyRow[];
  let tables: string[];

  beforeAll(async () => {
    dm = readDatamodel(schemaPath(projectRoot()));
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    tables = (
      await pg.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )
    ).rows.map((r) => r.table_name);
    columns = (
      await pg.query<ColumnRow>(
        `SELECT table_name, column_name, is_nullable, udt_name, datetime_precision, column_default
           FROM information_schema.columns WHERE table_schema = 'public'`,
      )
    ).rows;
    indexes = (
      await pg.query<IndexRow>(
        `SELECT t.relname AS table_name, i.relname AS index_name, x.indisunique AS is_unique,
                x.indisprimary AS is_primary, x.indpred IS NOT NULL AS is_partial,
                ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                       ORDER BY k.n) AS columns
           FROM pg_index x
           JOIN pg_class i ON i.oid = x.indexrelid
           JOIN pg_class t ON t.oid = x.indrelid
           JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE ns.nspname = 'public'`,
      )
    ).rows;
    foreignKeys = (
      await pg.query<ForeignKeyRow>(
        `SELECT t.relname AS table_name, c.conname AS constraint_name, r.relname AS ref_table,
                c.confdeltype AS on_delete, c.confupdtype AS on_update,
                ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
                ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS ref_columns
           FROM pg_constraint c
           JOIN pg_class t ON t.oid = c.conrelid
           JOIN pg_class r ON r.oid = c.confrelid
           JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE c.contype = 'f' AND ns.nspname = 'public'`,
      )
    ).rows;
  }, 60_000);

  afterAll(async () => {
    await pg?.end();
    await db?.drop();
  });

  it('parses the schema', () => {
    expect(dm.models.length).toBeGreaterThan(15);
    expect(dm.enums.length).toBeGreaterThan(10);
  });

  it('has a table for every model, and no table that is not a model', () => {
    const expected = dm.models.map(tableName).sort();
    expect(tables.filter((t) => t !== '_prisma_migrations').sort()).toEqual(expected);
  });

  it('has exactly the columns of every model, with their nullability, type and default', () => {
    const problems: string[] = [];
    for (const model of dm.models) {
      const table = tableName(model);
      const actual = columns.filter((c) => c.table_name === table);
      const fields = columnFields(model);
      const expectedNames = fields.map(columnName);
      for (const extra of actual.filter((c) => !expectedNames.includes(c.column_name))) {
        problems.push(`${table}.${extra.column_name}: column not in the schema`);
      }
      for (const field of fields) {
        const col = actual.find((c) => c.column_name === columnName(field));
        const where = `${table}.${columnName(field)} (${model.name}.${field.name})`;
        if (!col) {
          problems.push(`${where}: missing column`);
          continue;
        }
        if ((col.is_nullable === 'NO') !== field.isRequired) {
          problems.push(`${where}: nullable=${col.is_nullable}, schema says required=${field.isRequired}`);
        }
        const type = expectedColumnType(field, dm.enums);
        if (col.udt_name !== type.udtName)
          problems.push(`${where}: type ${col.udt_name}, expected ${type.udtName}`);
        if (type.precision !== undefined && col.datetime_precision !== type.precision) {
          problems.push(`${where}: precision ${col.datetime_precision}, expected ${type.precision}`);
        }
        const expectedDefault = expectedColumnDefault(field, dm.enums);
        const actualDefault = normaliseColumnDefault(col.column_default);
        if (expectedDefault !== 'client-side' && expectedDefault !== actualDefault) {
          problems.push(
            `${where}: default ${actualDefault ?? '(none)'}, expected ${expectedDefault ?? '(none)'}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every enum with exactly the declared values, in order', async () => {
    const { rows } = await pg.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace ns ON ns.oid = t.typnamespace
        WHERE ns.nspname = 'public' GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dm.enums.map((e) => [enumTypeName(e), enumDbValues(e)]));
    expect(actual).toEqual(expected);
  });

  it('has the primary key, every unique constraint and every index, and no others', () => {
    const problems: string[] = [];
    const matched = new Set<string>();
    for (const index of dm.indexes) {
      if (index.type === 'fulltext') {
        problems.push(`${index.model}: fulltext indexes are not supported by this check`);
        continue;
      }
      const model = dm.models.find((m) => m.name === index.model)!;
      const table = tableName(model);
      const cols = index.fields.map((f) => columnOf(model, f.name));
      const found = indexes.find(
        (i) =>
          i.table_name === table &&
          !i.is_partial &&
          i.is_primary === (index.type === 'id') &&
          i.is_unique === (index.type !== 'normal') &&
          JSON.stringify(i.columns) === JSON.stringify(cols) &&
          (index.dbName === undefined || i.index_name === index.dbName),
      );
      if (found) matched.add(`${table}.${found.index_name}`);
      else problems.push(`${table}: no ${index.type} index on (${cols.join(', ')})`);
    }
    for (const i of indexes) {
      if (i.table_name === '_prisma_migrations') continue;
      if (!matched.has(`${i.table_name}.${i.index_name}`)) {
        problems.push(`${i.table_name}.${i.index_name} (${i.columns.join(', ')}): index not in the schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a foreign key with the declared referential actions for every relation, and no others', () => {
    const problems: string[] = [];
    const matched = new Set<string>();
    for (const model of dm.models) {
      for (const rel of model.fields.filter(
        (f) => f.kind === 'object' && (f.relationFromFields ?? []).length > 0,
      )) {
        const target = dm.models.find((m) => m.name === rel.type)!;
        const table = tableName(model);
        const cols = rel.relationFromFields!.map((f) => columnOf(model, f));
        const refCols = rel.relationToFields!.map((f) => columnOf(target, f));
        const onDelete = onDeleteOf(model, rel);
        const onUpdate = onUpdateOf(rel);
        const fk = foreignKeys.find(
          (k) =>
            k.table_name === table &&
            JSON.stringify(k.columns) === JSON.stringify(cols) &&
            k.ref_table === tableName(target) &&
            JSON.stringify(k.ref_columns) === JSON.stringify(refCols),
        );
        const where = `${model.name}.${rel.name}: ${table}(${cols.join(', ')}) -> ${tableName(target)}(${refCols.join(', ')})`;
        if (!fk) {
          problems.push(`${where}: missing foreign key`);
          continue;
        }
        matched.add(`${table}.${fk.constraint_name}`);
        if (fk.on_delete !== REFERENTIAL_ACTION_CODE[onDelete])
          problems.push(`${where}: ON DELETE ${actionName(fk.on_delete)}, expected ${onDelete}`);
        if (fk.on_update !== REFERENTIAL_ACTION_CODE[onUpdate])
          problems.push(`${where}: ON UPDATE ${actionName(fk.on_update)}, expected ${onUpdate}`);
      }
    }
    for (const fk of foreignKeys) {
      if (!matched.has(`${fk.table_name}.${fk.constraint_name}`)) {
        problems.push(`${fk.table_name}.${fk.constraint_name}: foreign key not in the schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('records the migration in _prisma_migrations, and migrating again changes nothing', async () => {
    const init = readMigrations().find((m) => m.name === INIT);
    expect(init).toBeDefined();
    const sql = readFileSync(path.join(projectRoot(), 'prisma', 'migrations', INIT, 'migration.sql'), 'utf8');
    const { rows } = await pg.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = $1`,
      [INIT],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);
    expect(rows[0]!.rolled_back_at).toBeNull();

    const again = await migrate(db.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toContain(INIT);
    const count = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(count.rows[0]!.n)).toBe(readMigrations().length);
  });

  describe('constraints the Prisma schema cannot express', () => {
    let regionId: string;
    let personId: string;

    beforeAll(async () => {
      // Raw SQL without ids: the database generates them.
      regionId = (
        await pg.query<{ id: string }>(
          `INSERT INTO regions (key, name, mail_from_name, mail_from_address)
           VALUES ('test-regio', 'Testregio', 'Overlegtafels Test', 'overleg@example.org') RETURNING id`,
        )
      ).rows[0]!.id;
      personId = (
        await pg.query<{ id: string }>(
          `INSERT INTO persons (region_id, display_name, email) VALUES ($1, 'Test Persoon', 'Test.Persoon@example.org') RETURNING id`,
          [regionId],
        )
      ).rows[0]!.id;
    });

    it('makes e-mail addresses unique per region regardless of case', async () => {
      await expect(
        pg.query(
          `INSERT INTO persons (region_id, display_name, email) VALUES ($1, 'Dubbel', 'test.persoon@EXAMPLE.org')`,
          [regionId],
        ),
      ).rejects.toThrow(/persons_region_id_email_key/);
    });

    it('refuses the same region-wide role twice (NULLS NOT DISTINCT)', async () => {
      await pg.query(`INSERT INTO role_assignments (person_id, role) VALUES ($1, 'admin')`, [personId]);
      await expect(
        pg.query(`INSERT INTO role_assignments (person_id, role) VALUES ($1, 'admin')`, [personId]),
      ).rejects.toThrow(/role_assignments_person_id_role_table_key_key/);
      await pg.query(
        `INSERT INTO role_assignments (person_id, role, table_key) VALUES ($1, 'member', 'ico'), ($1, 'member', 'weegploeg')`,
        [personId],
      );
    });

    it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE raise', async () => {
      const { rows } = await pg.query<{ id: string }>(
        `INSERT INTO audit_events (actor_person_id, action, entity_type, entity_id, outcome)
         VALUES ($1, 'dossier.read', 'dossier', 'x', 'allowed') RETURNING id`,
        [personId],
      );
      const id = rows[0]!.id;
      await expect(
        pg.query(`UPDATE audit_events SET outcome = 'denied' WHERE id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
      await expect(pg.query(`DELETE FROM audit_events WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(pg.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
      // A person who acted cannot be deleted either (the foreign key would need an UPDATE or lose the row).
      await expect(pg.query(`DELETE FROM persons WHERE id = $1`, [personId])).rejects.toThrow();
      const after = await pg.query(`SELECT outcome FROM audit_events WHERE id = $1`, [id]);
      expect(after.rows).toEqual([{ outcome: 'allowed' }]);
    });
  });

  it('round-trips the whole dossier life through the generated Prisma client', async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 1 }) });
    try {
      const region = await prisma.region.create({
        data: {
          key: 'co3-test',
          name: 'CO3 Test',
          timezone: 'Europe/Brussels',
          mailFromName: 'CO3',
          mailFromAddress: 'co3@example.org',
        },
      });
      const org = await prisma.organisation.create({
        data: {
          regionId: region.id,
          kind: 'meldpunt-risicojongeren',
          name: 'Meldpunt (test)',
          contactEmail: 'meldpunt@example.org',
        },
      });
      const aanmelder = await prisma.person.create({
        data: {
          regionId: region.id,
          organisationId: org.id,
          displayName: 'An Aanmelder',
          email: 'an@example.org',
          roleAssignments: { create: [{ role: 'aanmelder' }] },
          tableMemberships: {
            create: [{ regionId: region.id, tableKey: 'ico', function: 'op_afroep', standing: false }],
          },
        },
      });
      const regisseur = await prisma.person.create({
        data: { regionId: region.id, displayName: 'Cas Regisseur', email: 'cas@example.org' },
      });
      const counter = await prisma.dossierCodeCounter.upsert({
        where: { regionId_year: { regionId: region.id, year: 2026 } },
        create: { regionId: region.id, year: 2026, lastNumber: 1 },
        update: { lastNumber: { increment: 1 } },
      });
      const dossier = await prisma.dossier.create({
        data: {
          code: `CO3-2026-${String(counter.lastNumber).padStart(4, '0')}`,
          regionId: region.id,
          aanmelderId: aanmelder.id,
          aanmelderOrganisationId: org.id,
        },
      });
      expect(dossier).toMatchObject({
        phase: 'aangemeld',
        noConsentReturns: 0,
        childrenOver12: 0,
      });
      const aanmelding = await prisma.aanmelding.create({
        data: {
          dossierId: dossier.id,
          aanmelderId: aanmelder.id,
          organisationId: org.id,
          contactEmail: 'an@example.org',
          whyNow: 'w',
          violenceDescription: 'v',
          situationAtStart: 's0',
          situationNow: 's1',
          mainRisks: 'r',
          clientRelations: 'c',
          servicesInvolved: 'd',
          safetyPlanExists: false,
          questionsAndExpectations: 'q',
          confidentialityConfirmedAt: new Date('2026-03-02T10:00:00Z'),
          familyInformed: true,
          clients: {
            create: [
              { label: 'moeder', role: 'slachtoffer', age: 34 },
              { label: 'zoon', role: 'kind', age: 13, over12: true },
            ],
          },
        },
        include: { clients: true },
      });
      expect(aanmelding.sequence).toBe(1);
      expect(aanmelding.clients).toHaveLength(2);

      const session = await prisma.session.create({
        data: {
          regionId: region.id,
          tableKey: 'ico',
          scheduledStart: new Date('2026-03-13T08:30:00Z'),
          startsAt: new Date('2026-03-13T08:30:00Z'),
          endsAt: new Date('2026-03-13T11:00:00Z'),
        },
      });
      expect(session).toMatchObject({ status: 'planned', icsSequence: 0 });
      const item = await prisma.agendaItem.create({
        data: {
          sessionId: session.id,
          dossierId: dossier.id,
          aanmeldingId: aanmelding.id,
          tableKey: 'ico',
          itemType: 'aanmelding',
          durationMinutes: 30,
          position: 0,
          submittedById: aanmelder.id,
          guests: { create: [{ kind: 'aanmelder', personId: aanmelder.id }] },
        },
      });
      expect(item.status).toBe('placed');
      await prisma.decision.create({
        data: {
          agendaItemId: item.id,
          decidedItemId: item.id,
          dossierId: dossier.id,
          tableKey: 'ico',
          kind: 'met_casusregie',
          casusregisseurId: regisseur.id,
          startDate: new Date('2026-03-16'),
          decidedById: aanmelder.id,
        },
      });
      const obligation = await prisma.followUpObligation.create({
        data: {
          dossierId: dossier.id,
          ruleKey: 'first-pva',
          ownerId: regisseur.id,
          ownerRole: 'casusregisseur',
          tableKey: 'weegploeg',
          itemType: 'plan-van-aanpak',
          dueAt: new Date('2026-05-19T11:00:00Z'),
          reminders: { create: [{ stepKey: 'd-14', sendAt: new Date('2026-05-05T07:00:00Z') }] },
        },
      });
      expect(obligation.status).toBe('open');
      const body = await prisma.mailBody.create({ data: { digest: 'digest-of-a-dash', textBody: '-' } });
      await prisma.mailOutbox.create({
        data: {
          idempotencyKey: `invite:${item.id}:0`,
          purpose: 'aanmelder-invite',
          templateKey: 'aanmelder-invite',
          recipientEmail: 'an@example.org',
          recipientPersonId: aanmelder.id,
          sessionId: session.id,
          agendaItemId: item.id,
          dossierId: dossier.id,
          messageId: `<${item.id}@example.org>`,
          fromAddress: 'co3@example.org',
          subject: `ICO ${dossier.code}`,
          bodyId: body.id,
          payload: { agendaItemId: item.id },
        },
      });
      const audit = await prisma.auditEvent.create({
        data: {
          actorPersonId: regisseur.id,
          action: 'dossier.read',
          entityType: 'dossier',
          entityId: dossier.id,
          dossierId: dossier.id,
          outcome: 'allowed',
        },
      });
      expect(typeof audit.id).toBe('bigint');
      expect(audit.details).toEqual({});

      const found = await prisma.person.findFirst({
        where: { regionId: region.id, email: 'AN@EXAMPLE.ORG' },
      });
      expect(found?.id).toBe(aanmelder.id);
      const org2 = await prisma.organisation.findUniqueOrThrow({ where: { id: org.id } });
      expect(org2.kind).toBe('meldpunt-risicojongeren');
      const raw = await prisma.$queryRawUnsafe<{ kind: string }[]>(
        `SELECT kind FROM organisations WHERE id = $1::uuid`,
        org.id,
      );
      expect(raw[0]!.kind).toBe('meldpunt-risicojongeren');
    } finally {
      await prisma.$disconnect();
    }
  }, 30_000);
});
