import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@overlegtafels/config';
import { MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { DatabaseProbe, MailProbe, QueueProbe } from '../ports/health-probes.port';

/** What a probe of the installation sees: no data, only whether each part answers. */
export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { ok: boolean };
  queue: { ok: boolean; backend: 'redis' | 'postgres' };
  mail: { ok: boolean; mode: 'sink' | 'smtp' };
}

/** A part that has not answered by then counts as down, so the whole report comes within 2 s. */
export const PROBE_TIMEOUT_MS = 1_500;
/** How long an SMTP verification (ok or failed) is reused: a probe a second costs no connection. */
export const MAIL_RESULT_TTL_MS = 30_000;

/** Asks the database, the queue and the mail server at once; ok only when all three answer. */
@Injectable()
export class CheckHealthUseCase {
  private lastMail?: { ok: boolean; at: number };
  private mailInFlight?: Promise<boolean>;

  constructor(
    @Inject(DatabaseProbe) private readonly database: DatabaseProbe,
    @Inject(QueueProbe) private readonly queue: QueueProbe,
    @Inject(MailProbe) private readonly mail: MailProbe,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<HealthReport> {
    const [database, queue, mail] = await Promise.all([
      bounded(() => this.database.isHealthy()),
      bounded(() => this.queue.isHealthy()),
      this.mailResult(),
    ]);
    return {
      status: database && queue && mail ? 'ok' : 'unavailable',
      database: { ok: database },
      queue: { ok: queue, backend: this.queue.kind },
      mail: { ok: mail, mode: this.sink ? 'sink' : 'smtp' },
    };
  }

  /** The last verification while it is fresh; otherwise one verification shared by concurrent probes. */
  private mailResult(): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (this.lastMail && now - this.lastMail.at >= 0 && now - this.lastMail.at < MAIL_RESULT_TTL_MS) {
      return Promise.resolve(this.lastMail.ok);
    }
    this.mailInFlight ??= bounded(() => this.mail.verify()).then((ok) => {
      this.lastMail = { ok, at: this.clock.now().getTime() };
      this.mailInFlight = undefined;
      return ok;
    });
    return this.mailInFlight;
  }
}

/** The probe's answer, or false when it throws or has not answered within the time limit. */
function bounded(probe: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    timer.unref();
  });
  const answer = Promise.resolve()
    .then(probe)
    .catch(() => false);
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}
