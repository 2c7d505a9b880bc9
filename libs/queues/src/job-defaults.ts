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
};

/** BullMQ reserves ':' in keys; deterministic ids from idempotency keys are made safe here. */
export function jobIdFor(key: string): string {
  return key.replace(/:/g, '|');
}
