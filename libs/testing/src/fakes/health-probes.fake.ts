import type { DatabaseProbe, MailProbe, QueueProbe } from '@overlegtafels/application/testing';

/**
 * Probes a test switches on and off: `up` says whether each part answers, `hung` makes a part
 * never answer, and `calls` counts how often each was asked.
 */
export class FakeHealthProbes {
  readonly up = { database: true, queue: true, mail: true };
  readonly hung = { database: false, queue: false, mail: false };
  readonly calls = { database: 0, queue: 0, mail: 0 };
  readonly database: DatabaseProbe = { isHealthy: () => this.answer('database') };
  readonly queue: QueueProbe;
  readonly mail: MailProbe = { verify: () => this.answer('mail') };

  constructor(backend: 'redis' | 'postgres' = 'redis') {
    this.queue = { kind: backend, isHealthy: () => this.answer('queue') };
  }

  private answer(part: 'database' | 'queue' | 'mail'): Promise<boolean> {
    this.calls[part] += 1;
    return this.hung[part] ? new Promise<boolean>(() => undefined) : Promise.resolve(this.up[part]);
  }
}
