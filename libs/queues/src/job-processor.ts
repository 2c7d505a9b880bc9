import type { Job } from 'bullmq';
import { JOBS, QueueName } from './queue-names';

export type JobHandler = (payload: unknown, job: Job) => Promise<unknown>;

/**
 * A worker-side processor for one queue: one handler per job name. Processors stay thin — parse
 * the payload, call one use case.
 */
export interface JobProcessor {
  readonly queue: QueueName;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs of this queue one worker runs at once; WORKER_CONCURRENCY when not set. */
  readonly concurrency?: number;
  /**
   * False: this worker takes no jobs of the queue (its handlers still count as declared, so the
   * check below holds whatever the configuration).
   */
  readonly enabled?: boolean;
  /** Called once a job has failed its last attempt: decide what "given up" means (e.g. mark an outbox row failed). */
  onFinalFailure?(jobName: string, payload: unknown, error: Error): Promise<void>;
}

export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');

export class MissingJobHandlerError extends Error {
  readonly code = 'MISSING_JOB_HANDLER';
  constructor(readonly missing: string[]) {
    super(`the worker has no handler for: ${missing.join(', ')}`);
  }
}

/** Every declared job name needs exactly one handler, and no handler may serve an undeclared job. */
export function assertHandlersComplete(processors: readonly JobProcessor[], declared = JOBS): void {
  const problems: string[] = [];
  for (const [queue, jobs] of Object.entries(declared) as [QueueName, Record<string, string>][]) {
    const forQueue = processors.filter((p) => p.queue === queue);
    if (forQueue.length > 1) problems.push(`${queue} (more than one processor)`);
    for (const jobName of Object.values(jobs)) {
      if (!forQueue.some((p) => typeof p.handlers[jobName] === 'function'))
        problems.push(`${queue}/${jobName}`);
    }
  }
  for (const p of processors) {
    const known = Object.values((declared as Record<string, Record<string, string>>)[p.queue] ?? {});
    for (const jobName of Object.keys(p.handlers)) {
      if (!known.includes(jobName)) problems.push(`${p.queue}/${jobName} (not declared in JOBS)`);
    }
  }
  if (problems.length) throw new MissingJobHandlerError(problems);
}
