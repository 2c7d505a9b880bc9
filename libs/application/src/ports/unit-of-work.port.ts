declare const opaque: unique symbol;

/**
 * An open transaction as the application sees it: a handle it passes from the unit of work to
 * the repositories, with nothing to call on it. Only persistence looks inside, so no Prisma type
 * or client ever reaches a use case.
 */
export interface Transaction {
  readonly [opaque]: 'transaction';
}

export interface TransactionLimits {
  /** How long to wait for a connection before giving up. */
  readonly maxWaitMs?: number;
  /** How long the work may take before the transaction is rolled back. */
  readonly timeoutMs?: number;
}

/**
 * The one way a use case opens a transaction. Everything `work` writes through the repositories
 * it hands the transaction to commits together, or not at all. The handle is opaque: a use case
 * can pass it on, not look inside. The database implementation lives in persistence; tests use
 * an in-memory one.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: (tx: Transaction) => Promise<T>, limits?: TransactionLimits): Promise<T>;
}
