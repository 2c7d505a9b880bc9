/** Whether the database answers. */
export abstract class DatabaseProbe {
  abstract isHealthy(): Promise<boolean>;
}

/** Whether the job queue answers, and which backend it runs on. */
export abstract class QueueProbe {
  abstract readonly kind: 'redis' | 'postgres';
  abstract isHealthy(): Promise<boolean>;
}

/** Whether the SMTP server takes connections. */
export abstract class MailProbe {
  abstract verify(): Promise<boolean>;
}
