import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import {
  loggableError,
  ReconcileObligationsUseCase,
  SweepRemindersUseCase,
  SweepResult,
} from '@overlegtafels/application';

const NOTHING: SweepResult = { obligations: 0, steps: 0, mails: 0, superseded: 0, failed: 0 };

/**
 * Follow-up reminders and escalations. Every minute it only finds the reminder steps whose moment
 * has come and hands them to the mail queue through the outbox (SweepRemindersUseCase); any number
 * of workers may run it at once. Steps are at 08:00 Brussels or at a due moment, so a minute is
 * as late as a reminder gets while a worker runs, and one that fell due while none ran goes out on
 * the first sweep after.
 *
 * Once a night, and once at start, every dossier's obligations are re-planned: cheap when nothing
 * changed, and it catches a change that reached the database without a sync.
 */
@Injectable()
export class ReminderCron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderCron.name);
  private sweeping?: Promise<SweepResult>;
  private reconciling?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SweepRemindersUseCase) private readonly sweeper: SweepRemindersUseCase,
    @Inject(ReconcileObligationsUseCase) private readonly reconciler: ReconcileObligationsUseCase,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: a worker is ready to take jobs before a large region is re-planned.
    void this.reconcile();
  }

  /** Every minute, unless this worker was started with REMINDERS=false. */
  @Cron('0 * * * * *', { name: 'obligation-reminders', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    if (this.config.reminders) await this.sweep();
  }

  /** One sweep at a time: a call while one runs gets nothing to do. */
  async sweep(): Promise<SweepResult> {
    if (this.sweeping) return NOTHING;
    this.sweeping = this.sweeper.execute().catch((error: unknown) => {
      this.logger.error(`reminder sweep failed: ${loggableError(error)}`);
      return NOTHING;
    });
    try {
      return await this.sweeping;
    } finally {
      this.sweeping = undefined;
    }
  }

  @Cron('0 30 3 * * *', { name: 'obligation-reconcile', timeZone: 'Europe/Brussels' })
  async reconcile(): Promise<void> {
    if (this.reconciling) return;
    this.reconciling = this.reconciler
      .execute()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.error(
          `obligation reconcile failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    try {
      await this.reconciling;
    } finally {
      this.reconciling = undefined;
    }
  }

  /** The crons stop first; a sweep or re-plan under way finishes before the connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.sweeping, this.reconciling]);
  }
}
