import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  FreezeSessionUseCase,
  loggableError,
  RegionScope,
  SendAgendaUseCase,
} from '@overlegtafels/application';
import { JobPayload, JobProcessor, JOBS, parseJobPayload, QUEUES } from '@overlegtafels/queues';

type SessionJob = JobPayload<'agenda', 'freeze'>;

@Injectable()
export class AgendaProcessor implements JobProcessor {
  readonly queue = QUEUES.agenda;
  private readonly logger = new Logger(AgendaProcessor.name);

  constructor(
    @Inject(FreezeSessionUseCase) private readonly freeze: FreezeSessionUseCase,
    @Inject(SendAgendaUseCase) private readonly send: SendAgendaUseCase,
    @Inject(RegionScope) private readonly scope: RegionScope,
  ) {}

  readonly handlers = {
    [JOBS.agenda.freeze]: async (data: unknown) => {
      const { sessionId, plannedAtMs } = parseJobPayload(
        QUEUES.agenda,
        JOBS.agenda.freeze,
        data,
      ) as SessionJob;
      // In the session's region: its table's rules, its coordinators, its mail identity.
      return this.scope.inSessionRegion(sessionId, () => this.freeze.execute({ sessionId, plannedAtMs }));
    },
    [JOBS.agenda.send]: async (data: unknown) => {
      const { sessionId, plannedAtMs } = parseJobPayload(QUEUES.agenda, JOBS.agenda.send, data) as SessionJob;
      return this.scope.inSessionRegion(sessionId, () => this.send.execute({ sessionId, plannedAtMs }));
    },
  };

  async onFinalFailure(jobName: string, data: unknown, error: Error): Promise<void> {
    const { sessionId } = parseJobPayload(QUEUES.agenda, jobName, data) as SessionJob;
    // The planning cron does not re-add a failed job of the same instant; a coordinator must act.
    this.logger.error(`agenda/${jobName} for session ${sessionId} gave up: ${loggableError(error)}`);
  }
}
