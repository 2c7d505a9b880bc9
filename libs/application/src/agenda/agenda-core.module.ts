import { Module } from '@nestjs/common';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import { AgendaService } from './agenda.service';

/**
 * What both the agenda and its mailing need: the tables and the allocation (with the table lock
 * every change of an agenda takes). Split off so the mailing module can use it while the agenda
 * module uses the mailing module's notifier.
 */
@Module({
  providers: [TableCalendarService, AgendaService],
  exports: [TableCalendarService, AgendaService],
})
export class AgendaCoreModule {}
