import { z } from 'zod';
import { JOBS, QueueName } from './queue-names';

/** The most outbox rows one mail batch job carries. */
export const MAIL_BATCH_MAX = 25;

/**
 * A session job: the session's id and the instant it was planned for (epoch ms). The instant is
 * no personal data; it lets the processor recognise a job planned before the session moved or was
 * cancelled, and do nothing.
 */
const scheduledSessionJob = z
  .object({ sessionId: z.string().uuid(), plannedAtMs: z.number().int().nonnegative() })
  .strict();

/**
 * A maintenance job: only the moment it stands for (epoch ms: the start of its slot, or the
 * night's 03:30 for the re-plan). The work itself reads the clock and the database.
 */
const maintenanceJob = z.object({ momentMs: z.number().int().nonnegative() }).strict();

/**
 * Payload schemas. Payloads carry ids only — never names, addresses or case content — and are
 * strict, so an extra field is a bug caught at enqueue time rather than data in Redis.
 */
export const JOB_PAYLOADS = {
  mail: {
    [JOBS.mail.send]: z.object({ outboxId: z.string().uuid() }).strict(),
    [JOBS.mail.sendBatch]: z
      .object({ outboxIds: z.array(z.string().uuid()).min(1).max(MAIL_BATCH_MAX) })
      .strict(),
  },
  agenda: {
    [JOBS.agenda.freeze]: scheduledSessionJob,
    [JOBS.agenda.send]: scheduledSessionJob,
  },
  maintenance: {
    [JOBS.maintenance.reconcileObligations]: maintenanceJob,
    [JOBS.maintenance.planAgenda]: maintenanceJob,
    [JOBS.maintenance.relayOutbox]: maintenanceJob,
    [JOBS.maintenance.retention]: maintenanceJob,
    [JOBS.maintenance.loginPurge]: maintenanceJob,
    [JOBS.maintenance.calendarReplies]: maintenanceJob,
  },
  reminders: {
    [JOBS.reminders.sweep]: maintenanceJob,
  },
} as const satisfies { [Q in QueueName]: Record<string, z.ZodType> };

export type JobPayload<Q extends QueueName, J extends keyof (typeof JOB_PAYLOADS)[Q]> = z.infer<
  (typeof JOB_PAYLOADS)[Q][J] & z.ZodType
>;

export class InvalidJobPayloadError extends Error {
  readonly code = 'INVALID_JOB_PAYLOAD';
  constructor(queue: string, job: string, reason: string) {
    super(`invalid payload for ${queue}/${job}: ${reason}`);
  }
}

export function parseJobPayload<Q extends QueueName>(queue: Q, job: string, data: unknown): unknown {
  const schema = (JOB_PAYLOADS[queue] as Record<string, z.ZodType | undefined>)[job];
  if (!schema) throw new InvalidJobPayloadError(queue, job, 'unknown job name');
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidJobPayloadError(queue, job, `${issue.path.join('.') || 'payload'}: ${issue.message}`);
  }
  return parsed.data;
}
