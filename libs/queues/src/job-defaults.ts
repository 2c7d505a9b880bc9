import type { JobsOptions } from 'bullmq';
import { QueueName } from './queue-names';

/** Retry and retention in one place. Mail retries for about a day before it is marked failed. */
export const JOB_DEFAULTS: Record<QueueName, JobsOptions> = {
  mail: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 15_000 },
    removeOnComplete: { age: 24 * 3600, count: 5_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  // Freeze and send are idempotent (they act on the session's status), so a retry is safe. A
  // completed job is kept a while: re-adding its deterministic id is then a no-op.
  agenda: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: 14 * 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  // A finished job's id is what tells a second worker that its moment was handled, so it is kept
  // a while. Retention applies to the whole queue, so it is the longest any of its jobs needs: the
  // re-plan's id is asked for again until the next night (the catch-up at start), hence two days
  // (some 6 000 small jobs). Every job is idempotent; a failed one is tried again a few times.
  maintenance: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 15_000 },
    removeOnComplete: { age: 2 * 24 * 3600 },
    removeOnFail: { age: 2 * 24 * 3600 },
  },
  // A minute's sweep is asked for during that minute only: an hour is ample. A failed sweep is not
  // retried; the next minute's sweep finds the same steps.
  reminders: {
    attempts: 1,
    removeOnComplete: { age: 3600 },
    removeOnFail: { age: 24 * 3600 },
  },
};

/** BullMQ reserves ':' in keys; deterministic ids from idempotency keys are made safe here. */
export function jobIdFor(key: string): string {
  return key.replace(/:/g, '|');
}
