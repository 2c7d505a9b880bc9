import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { DateTime } from 'luxon';
import { loggableError } from '@overlegtafels/application';
import { BRUSSELS } from '@overlegtafels/mail';

/** Nest's start-up chatter (every module and route): worth reading when debugging, not at every start. */
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

export function logLevels(level: 'error' | 'warn' | 'log' | 'debug' | 'verbose'): LogLevel[] {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}

/**
 * The service's console: one line per message with an ISO 8601 timestamp in Brussels time, Nest's
 * module and route listing at debug level, and never an object dump: an Error is written as its
 * name and code (what loggableError keeps), any other object as its kind only, because an object
 * may hold personal data. Colours only on a terminal.
 */
export class ServiceLogger extends ConsoleLogger {
  constructor(level: Parameters<typeof logLevels>[0]) {
    super({
      logLevels: logLevels(level),
      colors: !!process.stdout.isTTY,
    });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) {
      super.debug(message, ...rest);
      return;
    }
    super.log(message, ...rest);
  }

  protected override getTimestamp(): string {
    return DateTime.now().setZone(BRUSSELS).toISO({ includeOffset: true })!;
  }

  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    return super.stringifyMessage(oneLine(message), logLevel);
  }

  /** Structured parameters: their names, never their values. */
  protected override stringifyParams(params: Record<string, unknown>): string {
    return `{${Object.keys(params).join(', ')}}`;
  }
}

/** What may be written of a logged value: text as it is, an error by name and code, else its kind. */
export function oneLine(message: unknown): unknown {
  if (typeof message === 'string' || typeof message === 'number' || typeof message === 'boolean')
    return message;
  if (typeof message === 'function') return message;
  if (message instanceof Error) return loggableError(message);
  if (message === null || message === undefined) return String(message);
  return `[${(message as object).constructor?.name ?? 'object'}]`;
}
