import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '@overlegtafels/config';
import { MailSink } from '@overlegtafels/mail';
import {
  databaseUrls,
  EmbeddedPostgresServer,
  grantAppRole,
  migrate,
  startEmbeddedPostgres,
} from '@overlegtafels/persistence';
import { QueueConnection } from '@overlegtafels/queues';

/** What the process runs on, after the embedded pieces of the default mode were started. */
export interface Runtime {
  /**
   * The configuration with every endpoint resolved (embedded ones filled in); `databaseUrl` is the
   * app role's connection.
   */
  config: AppConfig & { databaseUrl: string; smtpUrl: string };
  embedded: { postgres: boolean; mail: boolean };
  mailSink?: MailSink;
  /** Stops what prepareRuntime started, in reverse order. Call after the Nest app has closed. */
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/**
 * Brings up what the service needs before Nest starts: in the default mode an embedded PostgreSQL
 * (data in DATA_DIR/pg, kept across restarts) and a mail sink (DATA_DIR/mail); always the
 * migrations and, on BullMQ's PostgreSQL backend, its schema, both as the database's owner, and
 * then the app role's rights (database-roles): the service itself connects as the app role.
 */
export async function prepareRuntime(config: AppConfig, log: Log): Promise<Runtime> {
  const stops: (() => Promise<void>)[] = [];
  let pg: EmbeddedPostgresServer | undefined;
  let databaseUrl = config.databaseUrl;
  try {
    if (!databaseUrl) {
      const dataDir = path.join(config.dataDir, 'pg');
      await stopStalePostgres(dataDir, log);
      log(`starting embedded PostgreSQL (data in ${dataDir})`);
      pg = await startEmbeddedPostgres({
        dataDir,
        persistent: true,
        port: config.embeddedPgPort,
        ownProcessGroup: true,
      });
      stops.push(() => pg!.stop());
      databaseUrl = await ensureDatabase(pg.url, 'overlegtafels');
    }
    const { ownerUrl, appUrl } = databaseUrls(databaseUrl, pg ? undefined : config.databaseOwnerUrl);
    const result = await migrate(ownerUrl);
    if (result.applied.length) log(`applied migrations: ${result.applied.join(', ')}`);
    await new QueueConnection({
      redisUrl: config.redisUrl,
      databaseUrl: ownerUrl,
      prefix: config.queuePrefix,
    }).prepare();
    await grantAppRole(ownerUrl, appUrl);

    let smtpUrl = config.smtpUrl;
    let mailSink: MailSink | undefined;
    if (!smtpUrl) {
      const sink = new MailSink(path.join(config.dataDir, 'mail'));
      const port = await sink.start(config.mailSinkPort);
      stops.push(() => sink.stop());
      mailSink = sink;
      smtpUrl = `smtp://127.0.0.1:${port}`;
    }
    return {
      // The service gets the app role's URL only: nothing after the start needs the owner's.
      config: { ...config, databaseUrl: appUrl, databaseOwnerUrl: undefined, smtpUrl },
      embedded: { postgres: !!pg, mail: !!mailSink },
      mailSink,
      stop: async () => {
        for (const stop of stops.reverse())
          await stop().catch((e: Error) => log(`stop failed: ${e.message}`));
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A previous run that was killed (not stopped) leaves its postmaster running on our data
 * directory. Stop it cleanly so this run can start its own; data is kept.
 */
async function stopStalePostgres(dataDir: string, log: Log): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping a PostgreSQL left running by an earlier run (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid))
    throw new Error(`PostgreSQL pid ${pid} on ${dataDir} did not stop; stop it and start again`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
