import path from 'node:path';
import { DEFAULT_REGION_KEY, getRegion, listRegions, registerRegionFile } from '@overlegtafels/regions';
import { readRegionFiles } from './region-files';
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
  /**
   * MAIL_FROM: the sender of an installation of one region, over its configuration's mailFrom.
   * Unset: every region mails as its configuration says (libs/regions).
   */
  mailFrom?: string;
  dataDir: string;
  embeddedPgPort: number;
  mailSinkPort: number;
  /** The login page that lists demo users; never in production. */
  demoLogin: boolean;
  /**
   * The keys of the regions this installation serves (REGIONS), each in libs/regions. Every person,
   * dossier and session belongs to one of them; work runs in the region of what it works on.
   */
  regions: string[];
  /** Where region configuration files are read from (absolute), besides the built-in regions. */
  regionDir?: string;
  sessionTtlHours: number;
  /** A session nobody used for this long ends, before its absolute end (sessionTtlHours). */
  sessionIdleMinutes: number;
  /**
   * Login attempts counted per fixed window: link requests per address and per IP, link use and
   * demo logins per IP (a demo login also per person, with the address limit).
   */
  loginLimits: { windowMinutes: number; perAddress: number; perIp: number };
  /** Uploads one person may have in flight at once (this process). */
  uploadsPerPerson: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  workerConcurrency: number;
  /** Whether this worker runs the follow-up reminder sweep every minute (default on). */
  reminders: boolean;
  queuePrefix: string;
  /** Single sign-on with the region's identity provider; undefined: login by mail link only. */
  oidc?: OidcConfig;
  /** Connect, statement and idle-in-transaction limits of the app's pool, in ms (not migrations). */
  databaseTimeouts: { connectMs: number; statementMs: number; idleInTransactionMs: number };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: PUBLIC_URL + /login/oidc/callback. */
  redirectUri: string;
  /** Where the provider's logout sends the browser back: PUBLIC_URL + /login. */
  postLogoutRedirectUri: string;
  scope: string;
  /** The ID token claim that carries the person's e-mail address. */
  emailClaim: string;
  /** Only an address the provider marks verified (email_verified: true) logs in. */
  requireVerifiedEmail: boolean;
  /** Plain http to the provider: only outside production (a provider on this machine in tests). */
  allowInsecure: boolean;
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
  // The regions of REGION_DIR's files join the built-in ones first: REGIONS may name them.
  if (e.REGION_DIR) loadRegionDir(path.resolve(cwd, e.REGION_DIR));
  const regions = regionKeys(e.REGIONS, e.REGION);
  if (e.MAIL_FROM && regions.length > 1)
    throw new ConfigError(
      'MAIL_FROM',
      "applies to an installation of one region; with several REGIONS each region mails as its configuration's mailFrom",
    );
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (e.DATABASE_URL ? '0.0.0.0' : '127.0.0.1'),
    publicUrl,
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
    regions,
    ...(e.REGION_DIR ? { regionDir: path.resolve(cwd, e.REGION_DIR) } : {}),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    loginLimits: {
      windowMinutes: e.LOGIN_LIMIT_WINDOW_MINUTES,
      perAddress: e.LOGIN_LIMIT_PER_ADDRESS,
      perIp: e.LOGIN_LIMIT_PER_IP,
    },
    uploadsPerPerson: e.UPLOADS_PER_PERSON,
    logLevel: e.LOG_LEVEL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    reminders: e.REMINDERS ?? true,
    queuePrefix: e.QUEUE_PREFIX,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUri: `${publicUrl}/login/oidc/callback`,
            postLogoutRedirectUri: `${publicUrl}/login`,
            scope: e.OIDC_SCOPES,
            emailClaim: e.OIDC_EMAIL_CLAIM,
            requireVerifiedEmail: e.OIDC_REQUIRE_EMAIL_VERIFIED ?? true,
            allowInsecure: e.OIDC_ISSUER.startsWith('http://'),
          }
        : undefined,
    databaseTimeouts: {
      connectMs: e.DB_CONNECT_TIMEOUT_MS,
      statementMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  };
}

/** REGIONS (or the older REGION) as known, distinct region keys; unset: CO3 Antwerpen. */
function regionKeys(list: string | undefined, single: string | undefined): string[] {
  const variable = list !== undefined ? 'REGIONS' : 'REGION';
  const keys = (list ?? single ?? DEFAULT_REGION_KEY).split(',').map((k) => k.trim());
  for (const key of keys) {
    if (!getRegion(key))
      throw new ConfigError(
        variable,
        `names an unknown region "${key}" (known: ${listRegions()
          .map((r) => r.key)
          .join(', ')})`,
      );
  }
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) throw new ConfigError(variable, `names the region "${twice}" twice`);
  return keys;
}

/** REGION_DIR's region files, registered; a file that does not hold together is REGION_DIR's error. */
function loadRegionDir(dir: string): void {
  try {
    for (const { file, contents } of readRegionFiles(dir)) registerRegionFile(contents, file);
  } catch (error) {
    throw new ConfigError('REGION_DIR', (error as { message?: string }).message ?? String(error));
  }
}
