import { Inject, Injectable } from '@nestjs/common';
import { SweepRemindersUseCase } from '@overlegtafels/application';
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
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SweepRemindersUseCase) private readonly sweeper: SweepRemindersUseCase,
  ) {
    this.enabled = config.reminders;
  }

  readonly handlers = {
    [JOBS.reminders.sweep]: async (data: unknown) => {
      parseJobPayload(QUEUES.reminders, JOBS.reminders.sweep, data);
      return this.sweeper.execute();
    },
  };
}
