import { Module } from '@nestjs/common';
import { AgendaMailingModule } from '@overlegtafels/application';
import { AgendaPlanningCron } from './crons/agenda-planning.cron';
import { AgendaProcessor } from './processors/agenda.processor';

/** The worker's agenda part: the freeze/send processor and the cron that enqueues the planning. */
@Module({
  imports: [AgendaMailingModule],
  providers: [AgendaProcessor, AgendaPlanningCron],
  exports: [AgendaProcessor],
})
export class AgendaWorkerModule {}
