import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AgendaJobsPlanner, loggableError } from '@overlegtafels/application';

/**
 * Makes sure every upcoming session has its freeze and send jobs: creates the session rows of the
 * coming weeks and plans their jobs (deterministic ids, so planning again adds nothing). Runs at
 * start, so a worker that was down catches up, and then every ten minutes.
 */
@Injectable()
export class AgendaPlanningCron implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AgendaPlanningCron.name);
  private running?: Promise<number>;

  constructor(@Inject(AgendaJobsPlanner) private readonly planner: AgendaJobsPlanner) {}

  onApplicationBootstrap(): void {
    void this.plan();
  }

  /** One run at a time; a call during a run waits for it. */
  @Interval(10 * 60_000)
  plan(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves once no planning run is in progress (shutdown, tests). */
  async settled(): Promise<void> {
    await this.running;
  }

  /** A planning run under way finishes before the connections close. */
  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  private async run(): Promise<number> {
    try {
      const planned = await this.planner.planUpcoming();
      this.logger.debug(`agenda jobs planned: ${planned}`);
      return planned;
    } catch (error) {
      this.logger.error(`agenda planning failed: ${loggableError(error)}`);
      return 0;
    }
  }
}
