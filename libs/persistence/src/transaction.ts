import type { Prisma } from './generated/prisma/client';

declare const opaque: unique symbol;

/**
 * An open transaction as the application sees it: a handle it passes from the unit of work to
 * the repositories, with nothing to call on it. Only persistence looks inside (`prismaTx`), so no
 * Prisma type or client ever reaches a use case.
 */
export interface Transaction {
  readonly [opaque]: 'transaction';
}

/** Prisma's transaction client: inside persistence only. */
export type Tx = Prisma.TransactionClient;
type Client = Tx;

/** Wraps Prisma's transaction client as the handle the application passes around. */
export function asTransaction(client: Client): Transaction {
  return client as unknown as Transaction;
}

/**
 * The client a repository's statements run on: the caller's transaction, or (for reads and single
 * statements outside one) the shared client.
 */
export function on(tx: Transaction | undefined, outside: Client): Client {
  return tx ? (tx as unknown as Client) : outside;
}
