import { Inject, Injectable } from '@nestjs/common';
import { eachRegion, RegionRepository, SweepRemindersUseCase } from '@overlegtafels/application';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { JobProcessor, JOBS, parseJobPayload, QUEUES } from '@overlegtafels/queues';

/** The minute's reminder sweep; its result (counts only) is the job's return value. */
@Injectable()
export class ReminderProcessor implements JobProcessor {
  readonly queue = QUEUES.reminders;
  /**
   * One sweep at a time on this worker; another worker may sweep another minute meanwhile (the
   * sweep locks each obligation it sends for).
   */
  readonly concurrency = 1;
  /** REMINDERS=false: this worker takes no sweep jobs (and its cron enqueues none). */
  readonly enabled: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SweepRemindersUseCase) private readonly sweeper: SweepRemindersUseCase,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
  ) {
    this.enabled = config.reminders;
  }

  readonly handlers = {
    [JOBS.reminders.sweep]: async (data: unknown) => {
      parseJobPayload(QUEUES.reminders, JOBS.reminders.sweep, data);
      // Each region's obligations under its own rules and mail identity; the counts added up.
      const runs = await eachRegion(this.config, async (key) =>
        this.sweeper.execute({ regionId: await this.regions.idOf(key) }),
      );
      const total = { obligations: 0, steps: 0, mails: 0, superseded: 0, failed: 0 };
      for (const r of runs) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
      return total;
    },
  };
}
