import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { JOBS, MaintenanceProducer } from '@overlegtafels/queues';
import { EnqueueTracker } from './enqueue-tracker';

/**
 * Every REPLY_POLL_SECONDS it enqueues the read of the organiser mailbox (ProcessCalendarReplies,
 * run by the maintenance processor). The id is the 10-second slot of the moment, so however many
 * workers poll, one job reads the mailbox per slot; a reply is applied once in any case (its
 * Message-ID is recorded with it).
 */
@Injectable()
export class CalendarRepliesCron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CalendarRepliesCron.name);
  private readonly enqueues = new EnqueueTracker(this.logger);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MaintenanceProducer) private readonly producer: MaintenanceProducer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.poll(), this.config.replyPollSeconds * 1000);
    this.timer.unref();
  }

  poll(): Promise<string | undefined> {
    return this.enqueues.track(
      'calendar replies',
      this.producer.enqueue(JOBS.maintenance.calendarReplies, this.clock.now()),
    );
  }

  beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return this.enqueues.idle();
  }
}
