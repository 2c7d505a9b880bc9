import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { JOB_DEFAULTS, jobIdFor } from './job-defaults';
import { parseJobPayload } from './job-payloads';
import { QueueConnection } from './queue-connection';
import { JOBS, QUEUES } from './queue-names';

/** The crons' time zone: their slots and nights are those of Brussels. */
export const MAINTENANCE_ZONE = 'Europe/Brussels';

/**
 * A cron fires at the start of its slot; a host whose clock reads up to this much earlier still
 * names that slot, not the one before (which has run already).
 */
export const SLOT_LEEWAY_MS = 5_000;

export type MaintenanceJobName =
  | (typeof JOBS.maintenance)[keyof typeof JOBS.maintenance]
  | (typeof JOBS.reminders)[keyof typeof JOBS.reminders];

export interface MaintenanceMoment {
  /** The moment the job stands for: the start of its slot; for the re-plan, the night's 03:30. */
  readonly momentMs: number;
  /**
   * `<job>:<moment in Brussels>`, e.g. `dossier-retention:2026-12-03`, and the variant when the job
   * has one: the re-plan's is the version of the region's rules (`obligation-reconcile:2026-12-03:<version>`).
   */
  readonly key: string;
}

/** The nightly jobs and the time of night (Brussels) each stands for. */
const NIGHTLY: Partial<Record<MaintenanceJobName, { hour: number; minute: number }>> = {
  'obligation-reconcile': { hour: 3, minute: 30 },
  'dossier-retention': { hour: 4, minute: 0 },
  'login-purge': { hour: 4, minute: 30 },
};

const SLOT_MS: Record<
  Exclude<MaintenanceJobName, 'obligation-reconcile' | 'dossier-retention' | 'login-purge'>,
  number
> = {
  'reminder-sweep': 60_000,
  'agenda-planning': 10 * 60_000,
  'outbox-relay': 30_000,
  // The smallest poll interval (REPLY_POLL_SECONDS ≥ 10): every poll has its own slot.
  'calendar-replies': 10_000,
};

const QUEUE_OF: Record<MaintenanceJobName, typeof QUEUES.maintenance | typeof QUEUES.reminders> = {
  'obligation-reconcile': QUEUES.maintenance,
  'agenda-planning': QUEUES.maintenance,
  'outbox-relay': QUEUES.maintenance,
  'dossier-retention': QUEUES.maintenance,
  'login-purge': QUEUES.maintenance,
  'calendar-replies': QUEUES.maintenance,
  'reminder-sweep': QUEUES.reminders,
};

/**
 * The moment a job enqueued at `now` stands for. The re-plan's is the latest 03:30 Brussels at or
 * before then, so the catch-up at start names the same night as the cron that fired (or should
 * have fired) at 03:30; 03:30 exists on every Brussels day (clocks change at 02:00 and 03:00).
 * The others' is the start of the slot then falls in: a minute, ten minutes, 30 or 10 seconds. Brussels
 * offsets are whole hours, so those slots start at the same instants in UTC and in Brussels.
 */
export function maintenanceMoment(job: MaintenanceJobName, now: Date, variant?: string): MaintenanceMoment {
  const at = now.getTime() + SLOT_LEEWAY_MS;
  const nightly = NIGHTLY[job];
  if (nightly) {
    // The retention run at 04:00 and the purge at 04:30 exist on every Brussels day too (clocks
    // change at 02:00 and 03:00).
    const local = DateTime.fromMillis(at, { zone: MAINTENANCE_ZONE });
    let night = local.set({ ...nightly, second: 0, millisecond: 0 });
    if (night.toMillis() > at) night = night.minus({ days: 1 });
    const suffix = variant ? `:${variant}` : '';
    return { momentMs: night.toMillis(), key: `${job}:${night.toISODate()}${suffix}` };
  }
  const size = SLOT_MS[job as keyof typeof SLOT_MS];
  const momentMs = Math.floor(at / size) * size;
  const format = size % 60_000 === 0 ? "yyyy-MM-dd'T'HH:mmZZ" : "yyyy-MM-dd'T'HH:mm:ssZZ";
  const local = DateTime.fromMillis(momentMs, { zone: MAINTENANCE_ZONE });
  return { momentMs, key: `${job}:${local.toFormat(format)}` };
}

/** The BullMQ id of the job for the moment `now` falls in (and its variant, if any). */
export function maintenanceJobId(job: MaintenanceJobName, now: Date, variant?: string): string {
  return jobIdFor(maintenanceMoment(job, now, variant).key);
}

export type FinishedState = 'completed' | 'failed' | 'gone';

/**
 * What the crons enqueue. The id is the moment the job stands for, so any number of workers
 * whose crons fire for the same moment add one job, and a worker that comes late to a moment
 * that was handled adds nothing while the finished job is kept (JOB_DEFAULTS).
 */
@Injectable()
export class MaintenanceProducer {
  constructor(@Inject(QueueConnection) private readonly connection: QueueConnection) {}

  /**
   * Enqueues the job of the moment `now` falls in (no-op when it exists); returns its id. A
   * variant makes another job for the same moment: the re-plan of a night under new rules.
   */
  async enqueue(job: MaintenanceJobName, now: Date, variant?: string): Promise<string> {
    const queue = QUEUE_OF[job];
    const moment = maintenanceMoment(job, now, variant);
    const data = parseJobPayload(queue, job, { momentMs: moment.momentMs });
    const jobId = jobIdFor(moment.key);
    await this.connection.queue(queue).add(job, data, { ...JOB_DEFAULTS[queue], jobId });
    return jobId;
  }

  /** Waits until the job has completed or failed for good (or is gone); for tests and tools. */
  async finished(job: MaintenanceJobName, jobId: string, timeoutMs = 60_000): Promise<FinishedState> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.connection.queue(QUEUE_OF[job]).getJob(jobId);
      if (!found) return 'gone';
      const state = await found.getState();
      if (state === 'completed' || state === 'failed') return state;
      if (state === 'unknown') return 'gone';
      if (Date.now() > until) throw new Error(`${job} job ${jobId} not finished after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
