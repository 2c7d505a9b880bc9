import path from 'node:path';
import { envSchema } from './config.schema';

export type ProcessRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Interface to listen on: loopback in the default mode, all interfaces otherwise. */
  host: string;
  publicUrl: string;
  /**
   * Unset: the default mode starts an embedded PostgreSQL in `dataDir/pg`. With
   * `databaseOwnerUrl` the app role's connection; without, the owner's, and the app role is
   * derived from it (libs/persistence database-roles). After prepareRuntime: the app role's.
   */
  databaseUrl?: string;
  /** The owner role's connection: migrations run as it. */
  databaseOwnerUrl?: string;
  /** Unset: BullMQ runs on its PostgreSQL backend in the same database. */
  redisUrl?: string;
  /** Unset: mail goes to the embedded sink, which stores .eml files in `dataDir/mail`. */
  smtpUrl?: string;
  /** The organiser mailbox read for answers to invitations; unset: the replies sent to the local sink. */
  replyImap?: { url: string; user: string; password: string };
  /** How often the worker reads that mailbox. */
  replyPollSeconds: number;
  mailFrom: string;
  dataDir: string;
  embeddedPgPort: number;
  mailSinkPort: number;
  /** The login page that lists demo users; never in production. */
  demoLogin: boolean;
  region: string;
  sessionTtlHours: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  workerConcurrency: number;
  /** Whether this worker runs the follow-up reminder sweep every minute (default on). */
  reminders: boolean;
  queuePrefix: string;
  /** Connect, statement and idle-in-transaction limits of the app's pool, in ms (not migrations). */
  databaseTimeouts: { connectMs: number; statementMs: number; idleInTransactionMs: number };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`configuration error: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; the first problem is reported as one line naming the variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): AppConfig {
  // An empty variable counts as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (e.DATABASE_URL ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    ...(e.REPLY_IMAP_URL
      ? { replyImap: { url: e.REPLY_IMAP_URL, user: e.REPLY_IMAP_USER!, password: e.REPLY_IMAP_PASSWORD! } }
      : {}),
    replyPollSeconds: e.REPLY_POLL_SECONDS,
    mailFrom: e.MAIL_FROM,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    mailSinkPort: e.MAIL_SINK_PORT,
    demoLogin: e.DEMO_LOGIN ?? (e.NODE_ENV !== 'production' && !e.DATABASE_URL),
    region: e.REGION,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    reminders: e.REMINDERS ?? true,
    queuePrefix: e.QUEUE_PREFIX,
    databaseTimeouts: {
      connectMs: e.DB_CONNECT_TIMEOUT_MS,
      statementMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  };
}
