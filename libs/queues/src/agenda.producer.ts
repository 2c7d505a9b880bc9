import { Inject, Injectable } from '@nestjs/common';
import { JOB_DEFAULTS, jobIdFor } from './job-defaults';
import { parseJobPayload } from './job-payloads';
import { QueueConnection } from './queue-connection';
import { JOBS, QUEUES } from './queue-names';

export type AgendaJobName = (typeof JOBS.agenda)[keyof typeof JOBS.agenda];

/**
 * The id of a session job: the job, the session and the instant it was planned for. A session
 * that moves gets jobs with new ids; the old ones still fire and find a different instant.
 */
export function agendaJobId(job: AgendaJobName, sessionId: string, plannedAtMs: number): string {
  return jobIdFor(`agenda:${job}:${sessionId}:${plannedAtMs}`);
}

@Injectable()
export class AgendaProducer {
  constructor(@Inject(QueueConnection) private readonly connection: QueueConnection) {}

  /**
   * Plans one session job as a delayed job at `plannedAtMs` (now, when that has passed). Planning
   * the same job twice adds one job: the id is deterministic.
   */
  async schedule(job: AgendaJobName, sessionId: string, plannedAtMs: number, nowMs: number): Promise<string> {
    const payload = parseJobPayload(QUEUES.agenda, job, { sessionId, plannedAtMs });
    const jobId = agendaJobId(job, sessionId, plannedAtMs);
    await this.connection.queue(QUEUES.agenda).add(job, payload, {
      ...JOB_DEFAULTS.agenda,
      jobId,
      delay: Math.max(0, plannedAtMs - nowMs),
    });
    return jobId;
  }
}
