import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client, Pool, type PoolConfig } from 'pg';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { PrismaClient } from './generated/prisma/client';

/**
 * Prisma runs on a pg pool we own, so that the few statements on the mail sender's hot path
 * (claim a row, mark it sent: two per message) can go straight to pg on the same connections.
 * Through Prisma's query interpreter each costs about half a millisecond of CPU; straight, a tenth.
 */
function adapterOn(pool: Pool): PrismaPg {
  return queriesInTurnInTransactions(new PrismaPg(pool, { disposeExternalPool: true }));
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgTransaction = Awaited<ReturnType<PgAdapter['startTransaction']>>;

/**
 * Inside an interactive transaction Prisma's query interpreter reads an `include`'s relations side
 * by side (Promise.all), all on the transaction's one pg connection; pg 8.20+ warns about a query
 * sent while another is running, and pg 9 will refuse it (prisma/orm#29468, open). The adapter is
 * ours to wrap: a transaction's statements go to its connection one after the other, in the order
 * they were asked. Queries outside transactions run on the pool and are left alone.
 */
export function queriesInTurnInTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => inTurn(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}

function inTurn(tx: PgTransaction): PgTransaction {
  let last: Promise<unknown> = Promise.resolve();
  const queue = <T>(run: () => Promise<T>): Promise<T> => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
  const queryRaw = tx.queryRaw.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  tx.queryRaw = (query) => queue(() => queryRaw(query));
  tx.executeRaw = (query) => queue(() => executeRaw(query));
  return tx;
}

/** Limits so that a database that is down or stuck fails a request in seconds instead of hanging it. */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
};

/** The one place the app's pool options are made (migrations use their own client, without limits). */
export function poolOptions(
  databaseUrl: string,
  max: number,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
): PoolConfig {
  return {
    connectionString: databaseUrl,
    max,
    connectionTimeoutMillis: timeouts.connectMs,
    // Server side (the statement ends in PostgreSQL too) and client side (a dead server answers nothing).
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1_000,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
  };
}

/**
 * A pooled connection that breaks while idle (the server restarts, a network blip) is an 'error'
 * event on the pool; without a listener Node ends the process and prints the whole client. The pool
 * drops that connection and opens a new one on the next query: one line in the log is enough.
 */
function quietPool(options: PoolConfig): Pool {
  const pool = new Pool(options);
  const logger = new Logger('Database');
  pool.on('error', (error: Error & { code?: string }) =>
    logger.warn(`an idle database connection broke (${error.code ?? error.name}); the pool reconnects`),
  );
  return pool;
}

export function createPrismaClient(
  databaseUrl: string,
  poolSize = 10,
): PrismaClient & { readonly pool: Pool } {
  const pool = quietPool(poolOptions(databaseUrl, poolSize));
  return Object.assign(new PrismaClient({ adapter: adapterOn(pool) }), { pool });
}

/** The database, for repositories only: services and controllers never see Prisma. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  /** The connections under Prisma, for hand-written hot-path SQL in repositories only. */
  readonly pool: Pool;
  private readonly probeOptions: PoolConfig;
  private probing?: Promise<boolean>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const options = poolOptions(config.databaseUrl!, 10, config.databaseTimeouts);
    const pool = quietPool(options);
    super({ adapter: adapterOn(pool) });
    this.pool = pool;
    this.probeOptions = options;
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }

  /**
   * Whether the server takes a new connection and answers on it. Not through the pool: while the
   * server shuts down "smart" (SIGTERM, as `docker stop` sends) it refuses new connections but the
   * pooled ones keep answering, so a pooled `SELECT 1` said true of a database nobody could reach.
   * Probes that arrive together share one connection.
   */
  isHealthy(): Promise<boolean> {
    this.probing ??= probeNewConnection(this.probeOptions).finally(() => (this.probing = undefined));
    return this.probing;
  }
}

async function probeNewConnection(options: PoolConfig): Promise<boolean> {
  const client = new Client({ ...options, connectionTimeoutMillis: 1_500, query_timeout: 1_500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    void client.end().catch(() => undefined);
  }
}
