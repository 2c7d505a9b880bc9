import type { EmbeddedPostgresServer } from '../../libs/persistence/src/embedded-postgres';
import { dropTemplateDatabases } from '../../libs/testing/src/test-database';

export default async function globalTeardown(): Promise<void> {
  await dropTemplateDatabases();
  const holder = globalThis as { __OT_EMBEDDED_PG__?: EmbeddedPostgresServer };
  const server = holder.__OT_EMBEDDED_PG__;
  // Integration and e2e in one run share the server: the first teardown stops it.
  delete holder.__OT_EMBEDDED_PG__;
  if (server) await server.stop();
}
