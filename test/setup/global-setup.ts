import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@overlegtafels/persistence';
import { createTemplateDatabases } from '@overlegtafels/testing';

/**
 * Integration and e2e suites need a PostgreSQL server. With TEST_DATABASE_URL set (CI, or a
 * developer's own server) that one is used; otherwise an embedded PostgreSQL is started for the
 * run. Each suite then creates its own database on it (libs/testing `createTestDatabase`), as a
 * copy of a database migrated (and one seeded) once here for the whole run.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    // The temporary directory is the cluster's data directory: stopping the server removes it.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'overlegtafels-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    process.env.TEST_DATABASE_URL = server.url;
    (globalThis as { __OT_EMBEDDED_PG__?: typeof server }).__OT_EMBEDDED_PG__ = server;
  }
  await createTemplateDatabases();
}
