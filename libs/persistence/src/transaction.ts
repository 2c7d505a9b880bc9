import type { Transaction } from '@overlegtafels/application';
import type { Prisma } from './generated/prisma/client';

/** The application's opaque transaction handle; only this file looks inside it. */
export type { Transaction };

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
