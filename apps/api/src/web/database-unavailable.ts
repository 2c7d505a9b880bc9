import { HttpException, HttpStatus } from '@nestjs/common';

/** Socket errors and PostgreSQL's "cannot connect / shutting down / cancelled" SQLSTATEs. */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '57014', // query_canceled: the statement timeout
  'P1001', // Prisma: cannot reach the database server
  'P1017', // Prisma: the server closed the connection
  'P2024', // Prisma: timed out fetching a connection from the pool
]);
const OUTAGE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
const OUTAGE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connect ECONNREFUSED|the database system is (shutting down|starting up)/i;

/** Whether an error (or one of its causes) says the database is down or did not answer in time. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown };
  if ([e.code, e.originalCode].some((c) => typeof c === 'string' && OUTAGE_CODES.has(c))) return true;
  if (typeof e.kind === 'string' && OUTAGE_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && OUTAGE_MESSAGES.test(e.message)) return true;
  const nested = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
  return (
    isDatabaseUnavailable(nested.cause, depth + 1) ||
    isDatabaseUnavailable(nested.meta?.driverAdapterError, depth + 1)
  );
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'De databank is tijdelijk niet bereikbaar. Er is niets bewaard of verstuurd; probeer het over enkele ogenblikken opnieuw.';

/** A 503 that says so, for API clients (`code`) and for pages alike. */
export function databaseUnavailable(): HttpException {
  return new HttpException(
    { code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE },
    HttpStatus.SERVICE_UNAVAILABLE,
  );
}
