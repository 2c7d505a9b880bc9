import type { DatabaseProbe, MailProbe, QueueProbe } from '@overlegtafels/application';

/** Probes a test switches on and off: `up` says whether each part answers. */
export class FakeHealthProbes {
  readonly up = { database: true, queue: true, mail: true };
  readonly database: DatabaseProbe = { isHealthy: async () => this.up.database };
  readonly queue: QueueProbe;
  readonly mail: MailProbe = { verify: async () => this.up.mail };

  constructor(backend: 'redis' | 'postgres' = 'redis') {
    this.queue = { kind: backend, isHealthy: async () => this.up.queue };
  }
}
