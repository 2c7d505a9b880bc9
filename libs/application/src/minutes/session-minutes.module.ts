import { Module } from '@nestjs/common';
import { AgendaCoreModule } from '../agenda/agenda-core.module';
import { AddActionPointUseCase } from '../add-action-point/add-action-point.usecase';
import { CloseMinutesUseCase } from '../close-minutes/close-minutes.usecase';
import { DossierMinutesQuery } from '../dossier-minutes/dossier-minutes.query';
import { ListMinutesArchiveUseCase } from '../list-minutes-archive/list-minutes-archive.usecase';
import { ObligationsModule } from '../obligations/obligations.module';
import { ReadMinutesUseCase } from '../read-minutes/read-minutes.usecase';
import { RecordAttendanceUseCase } from '../record-attendance/record-attendance.usecase';
import { ReopenMinutesUseCase } from '../reopen-minutes/reopen-minutes.usecase';
import { WriteItemMinutesUseCase } from '../write-item-minutes/write-item-minutes.usecase';
import { SessionAnswers } from '../list-session-answers/session-answers.service';
import { MinutesAccess } from './minutes-access';

const useCases = [
  RecordAttendanceUseCase,
  WriteItemMinutesUseCase,
  AddActionPointUseCase,
  CloseMinutesUseCase,
  ReopenMinutesUseCase,
  ReadMinutesUseCase,
  ListMinutesArchiveUseCase,
  DossierMinutesQuery,
];

/**
 * The verslag of a session (issue #13, items 4 and 5): attendance, per item the verslag and the
 * action points (follow-up obligations of the dossier), closing and reopening, reading it with
 * need-to-know, the archive per table and the dossier page's part.
 */
@Module({
  imports: [AgendaCoreModule, ObligationsModule],
  providers: [MinutesAccess, SessionAnswers, ...useCases],
  exports: [...useCases, SessionAnswers],
})
export class SessionMinutesModule {}
