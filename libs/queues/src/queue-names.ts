/**
 * Every queue and every job name the service uses. The worker refuses to start when one of these
 * job names has no handler, so a producer can never enqueue work nobody will do.
 */
export const QUEUES = {
  mail: 'mail',
  agenda: 'agenda',
  /** What the crons enqueue (the re-plan, the agenda planning, the outbox relay): one job per moment. */
  maintenance: 'maintenance',
  /** The minute's reminder sweep, on its own queue: a worker with REMINDERS=false takes none of it. */
  reminders: 'reminders',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  mail: {
    /** Send one outbox message; the job only sends (recipients and rendering were decided before). */
    send: 'send',
    /**
     * Send a batch of one fan-out's outbox rows, one after the other, each marked sent as soon as
     * SMTP accepted it: one job (one claim, one finish) for up to MAIL_BATCH_MAX messages.
     */
    sendBatch: 'send-batch',
  },
  agenda: {
    /** At a session's freeze instant: fix the agenda, tell submitters what moved and what is confirmed. */
    freeze: 'freeze',
    /** At a session's agenda-send instant: render the agenda and invitations into the outbox. */
    send: 'send',
  },
  // A maintenance job's name is also the first part of its id (`<name>:<moment>`).
  maintenance: {
    /** The nightly re-plan of every dossier's obligations (and the catch-up at start). */
    reconcileObligations: 'obligation-reconcile',
    /** Session rows of the coming weeks and their freeze and send jobs (every ten minutes, at start). */
    planAgenda: 'agenda-planning',
    /** Re-enqueue outbox rows whose enqueue was lost (every 30 s). */
    relayOutbox: 'outbox-relay',
    /** The nightly destruction of dossiers whose retention period is over (04:00, at start). */
    retention: 'dossier-retention',
    /** The nightly purge of expired login sessions, login links and attempt counters (04:30, at start). */
    loginPurge: 'login-purge',
    /** Read the organiser mailbox and apply the answers to invitations (every REPLY_POLL_SECONDS). */
    calendarReplies: 'calendar-replies',
  },
  reminders: {
    /** Send the reminder and escalation steps whose moment has come (every minute). */
    sweep: 'reminder-sweep',
  },
} as const satisfies Record<QueueName, Record<string, string>>;

export type JobName<Q extends QueueName> = (typeof JOBS)[Q][keyof (typeof JOBS)[Q]];
