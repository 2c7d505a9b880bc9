import type { EmbeddedPostgresServer } from '@overlegtafels/persistence';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __OT_EMBEDDED_PG__?: EmbeddedPostgresServer }).__OT_EMBEDDED_PG__;
  if (server) await server.stop();
}
