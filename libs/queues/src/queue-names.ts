/**
 * Every queue and every job name the service uses. The worker refuses to start when one of these
 * job names has no handler, so a producer can never enqueue work nobody will do.
 */
export const QUEUES = {
  mail: 'mail',
  agenda: 'agenda',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  mail: {
    /** Send one outbox message; the job only sends (recipients and rendering were decided before). */
    send: 'send',
  },
  agenda: {
    /** At a session's freeze instant: fix the agenda, tell submitters what moved and what is confirmed. */
    freeze: 'freeze',
    /** At a session's agenda-send instant: render the agenda and invitations into the outbox. */
    send: 'send',
  },
} as const satisfies Record<QueueName, Record<string, string>>;

export type JobName<Q extends QueueName> = (typeof JOBS)[Q][keyof (typeof JOBS)[Q]];
