import { Module } from '@nestjs/common';
import { RegionScope } from '../region-scope/region-scope.service';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import { AgendaService } from './agenda.service';

/**
 * What both the agenda and its mailing need: the tables and the allocation (with the table lock
 * every change of an agenda takes), and which region a job runs in. Split off so the mailing module can use it while the agenda
 * module uses the mailing module's notifier.
 */
@Module({
  providers: [TableCalendarService, AgendaService, RegionScope],
  exports: [TableCalendarService, AgendaService, RegionScope],
})
export class AgendaCoreModule {}
