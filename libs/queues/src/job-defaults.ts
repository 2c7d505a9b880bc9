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
};

/** BullMQ reserves ':' in keys; deterministic ids from idempotency keys are made safe here. */
export function jobIdFor(key: string): string {
  return key.replace(/:/g, '|');
}
