import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { ObligationRules } from '@overlegtafels/application';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { JOBS, MAINTENANCE_ZONE, MaintenanceProducer } from '@overlegtafels/queues';
import { EnqueueTracker } from './enqueue-tracker';

/**
 * Follow-up reminders and escalations, and the nightly re-plan. The crons only enqueue; the
 * reminder and maintenance processors do the work, once per moment whatever the number of
 * workers, because a job's id is the moment it stands for.
 *
 * Every minute: the sweep of that minute (SweepRemindersUseCase: the steps whose moment has come,
 * to the mail queue through the outbox). Steps are at 08:00 Brussels or at a due moment, so a
 * minute is as late as a reminder gets while a worker runs, and one that fell due while none ran
 * goes out on the first sweep after. A worker started with REMINDERS=false neither enqueues nor
 * takes sweep jobs; the others sweep.
 *
 * At 03:30 Brussels, and at start: the re-plan of that night (the dossiers changed since the last
 * run, all of them when the region's rules changed; it catches a change that reached the database
 * without a sync). Its id is the night and the rules' version (`obligation-reconcile:<date>:<version>`):
 * at start the night that passed, so a worker that was down at 03:30 catches up, workers starting
 * later that day, or several at once, add nothing, and a worker started with other rules re-plans
 * under them at once.
 */
@Injectable()
export class ReminderCron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderCron.name);
  private readonly enqueues = new EnqueueTracker(this.logger);
  private lastReconcile?: Promise<string | undefined>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MaintenanceProducer) private readonly producer: MaintenanceProducer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
  ) {}

  onApplicationBootstrap(): void {
    void this.reconcile();
  }

  /** Enqueues this minute's sweep, unless this worker was started with REMINDERS=false. */
  @Cron('0 * * * * *', { name: 'obligation-reminders', timeZone: MAINTENANCE_ZONE })
  tick(): Promise<string | undefined> {
    if (!this.config.reminders) return Promise.resolve(undefined);
    return this.enqueues.track(
      'reminder sweep',
      this.producer.enqueue(JOBS.reminders.sweep, this.clock.now()),
    );
  }

  /** Enqueues the re-plan of the night that is, or last was, at 03:30, under this worker's rules. */
  @Cron('0 30 3 * * *', { name: 'obligation-reconcile', timeZone: MAINTENANCE_ZONE })
  reconcile(): Promise<string | undefined> {
    this.lastReconcile = this.enqueues.track(
      'obligation re-plan',
      this.producer.enqueue(
        JOBS.maintenance.reconcileObligations,
        this.clock.now(),
        this.rules.installationVersion,
      ),
    );
    return this.lastReconcile;
  }

  /** Resolves once the re-plan this worker enqueued last has run, here or elsewhere (tests, tools). */
  async reconcileSettled(timeoutMs?: number): Promise<void> {
    const jobId = await this.lastReconcile;
    if (jobId) await this.producer.finished(JOBS.maintenance.reconcileObligations, jobId, timeoutMs);
  }

  /** The crons stop first; an enqueue under way finishes before the queue connections close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.enqueues.idle();
  }
}
