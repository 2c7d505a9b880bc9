import { Inject, Injectable } from '@nestjs/common';
import {
  eachRegion,
  AgendaJobsPlanner,
  DestroyExpiredDossiersUseCase,
  ProcessCalendarRepliesUseCase,
  PurgeExpiredLoginsUseCase,
  ReconcileObligationsUseCase,
  RelayOutboxUseCase,
} from '@overlegtafels/application';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { JobProcessor, JOBS, parseJobPayload, QUEUES } from '@overlegtafels/queues';

/** What the crons enqueue, one job per moment; each job reads the clock and the database itself. */
@Injectable()
export class MaintenanceProcessor implements JobProcessor {
  readonly queue = QUEUES.maintenance;
  /** Room for one job of each kind: a long re-plan does not hold up the relay or the planning. */
  readonly concurrency = 4;

  constructor(
    @Inject(ReconcileObligationsUseCase) private readonly reconcile: ReconcileObligationsUseCase,
    @Inject(AgendaJobsPlanner) private readonly planner: AgendaJobsPlanner,
    @Inject(RelayOutboxUseCase) private readonly relay: RelayOutboxUseCase,
    @Inject(DestroyExpiredDossiersUseCase) private readonly retention: DestroyExpiredDossiersUseCase,
    @Inject(ProcessCalendarRepliesUseCase) private readonly replies: ProcessCalendarRepliesUseCase,
    @Inject(PurgeExpiredLoginsUseCase) private readonly logins: PurgeExpiredLoginsUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  readonly handlers = {
    [JOBS.maintenance.reconcileObligations]: async (data: unknown) => {
      parseJobPayload(QUEUES.maintenance, JOBS.maintenance.reconcileObligations, data);
      // Each region under its own rules; the counts are the installation's.
      const runs = await eachRegion(this.config, () => this.reconcile.execute());
      return {
        dossiers: runs.reduce((n, r) => n + r.dossiers, 0),
        changed: runs.reduce((n, r) => n + r.changed, 0),
        full: runs.some((r) => r.full),
      };
    },
    [JOBS.maintenance.planAgenda]: async (data: unknown) => {
      parseJobPayload(QUEUES.maintenance, JOBS.maintenance.planAgenda, data);
      const planned = await eachRegion(this.config, () => this.planner.planUpcoming());
      return planned.reduce((n, p) => n + p, 0);
    },
    [JOBS.maintenance.relayOutbox]: async (data: unknown) => {
      parseJobPayload(QUEUES.maintenance, JOBS.maintenance.relayOutbox, data);
      return this.relay.execute();
    },
    // Every region's due dossiers; the result (codes and dates) is kept on the finished job.
    [JOBS.maintenance.retention]: async (data: unknown) => {
      parseJobPayload(QUEUES.maintenance, JOBS.maintenance.retention, data);
      const run = await this.retention.execute({ trigger: `job ${JOBS.maintenance.retention}` });
      return { destroyed: run.dossiers.length };
    },
    // Counts only: how many sessions, links and counters went.
    [JOBS.maintenance.loginPurge]: async (data: unknown) => {
      parseJobPayload(QUEUES.maintenance, JOBS.maintenance.loginPurge, data);
      return this.logins.execute();
    },
    [JOBS.maintenance.calendarReplies]: async (data: unknown) => {
      parseJobPayload(QUEUES.maintenance, JOBS.maintenance.calendarReplies, data);
      return this.replies.execute();
    },
  };
}
