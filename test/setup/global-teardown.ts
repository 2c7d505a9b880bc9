import type { EmbeddedPostgresServer } from '@overlegtafels/persistence';
import { dropTemplateDatabases } from '@overlegtafels/testing';

export default async function globalTeardown(): Promise<void> {
  await dropTemplateDatabases();
  const holder = globalThis as { __OT_EMBEDDED_PG__?: EmbeddedPostgresServer };
  const server = holder.__OT_EMBEDDED_PG__;
  // Integration and e2e in one run share the server: the first teardown stops it.
  delete holder.__OT_EMBEDDED_PG__;
  if (server) await server.stop();
}
