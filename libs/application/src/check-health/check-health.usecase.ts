import { Inject, Injectable } from '@nestjs/common';
import { MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { DatabaseProbe, MailProbe, QueueProbe } from '../ports/health-probes.port';

/** What a probe of the installation sees: no data, only whether each part answers. */
export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { ok: boolean };
  queue: { ok: boolean; backend: 'redis' | 'postgres' };
  mail: { ok: boolean; mode: 'sink' | 'smtp' };
}

/** Asks the database, the queue and the mail server at once; ok only when all three answer. */
@Injectable()
export class CheckHealthUseCase {
  constructor(
    @Inject(DatabaseProbe) private readonly database: DatabaseProbe,
    @Inject(QueueProbe) private readonly queue: QueueProbe,
    @Inject(MailProbe) private readonly mail: MailProbe,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
  ) {}

  async execute(): Promise<HealthReport> {
    const [database, queue, mail] = await Promise.all([
      this.database.isHealthy(),
      this.queue.isHealthy(),
      this.mail.verify(),
    ]);
    return {
      status: database && queue && mail ? 'ok' : 'unavailable',
      database: { ok: database },
      queue: { ok: queue, backend: this.queue.kind },
      mail: { ok: mail, mode: this.sink ? 'sink' : 'smtp' },
    };
  }
}
