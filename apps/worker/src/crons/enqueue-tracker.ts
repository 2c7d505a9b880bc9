import { Logger } from '@nestjs/common';
import { loggableError } from '@overlegtafels/application';

/**
 * The enqueues a cron has under way. A failed enqueue is logged and resolves to undefined (the
 * next tick tries again); shutdown waits for the rest before the queue connections close.
 */
export class EnqueueTracker {
  private readonly pending = new Set<Promise<string | undefined>>();

  constructor(private readonly logger: Logger) {}

  track(what: string, enqueue: Promise<string>): Promise<string | undefined> {
    const tracked = enqueue.catch((error: unknown) => {
      this.logger.error(`${what} not enqueued: ${loggableError(error)}`);
      return undefined;
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
    return tracked;
  }

  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
