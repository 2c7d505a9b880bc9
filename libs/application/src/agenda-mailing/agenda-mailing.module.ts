import { Module } from '@nestjs/common';
import { AgendaCoreModule } from '../agenda/agenda-core.module';
import { AgendaService } from '../agenda/agenda.service';
import { AGENDA_NOTIFIER } from '../agenda/agenda-notifier';
import { AgendaJobsPlanner } from './agenda-jobs.planner';
import { AgendaMailDispatcher } from './agenda-mail.dispatcher';
import { AgendaMailWriter } from './agenda-mail.writer';
import { AgendaMailingNotifier } from './agenda-mailing.notifier';
import { FreezeSessionUseCase } from '../freeze-session/freeze-session.usecase';
import { SendAgendaUseCase } from '../send-agenda/send-agenda.usecase';
import { SESSION_MATERIALIZER } from './session-rows.materializer';
import { SessionTimingService } from './session-timing.service';

/**
 * Agenda mailing: the freeze and send use cases, the job planner, and the AgendaNotifier the
 * agenda calls when something changes that people were told about. Infrastructure (persistence,
 * queues, mail, clock, config) comes from the CoreModule.
 */
@Module({
  imports: [AgendaCoreModule],
  providers: [
    SessionTimingService,
    // Session rows are made by the agenda itself, under the table's lock.
    { provide: SESSION_MATERIALIZER, useExisting: AgendaService },
    AgendaJobsPlanner,
    AgendaMailWriter,
    AgendaMailDispatcher,
    FreezeSessionUseCase,
    SendAgendaUseCase,
    AgendaMailingNotifier,
    { provide: AGENDA_NOTIFIER, useExisting: AgendaMailingNotifier },
  ],
  exports: [
    AgendaJobsPlanner,
    AgendaMailDispatcher,
    FreezeSessionUseCase,
    SendAgendaUseCase,
    AgendaMailingNotifier,
    AGENDA_NOTIFIER,
    // The region a freeze or send job runs in (RegionScope) comes with the tables.
    AgendaCoreModule,
  ],
})
export class AgendaMailingModule {}
