import { Module } from '@nestjs/common';
import { AgendaModule, SessionMinutesModule } from '@overlegtafels/application';
import { AgendaPdfController } from './agenda-pdf.controller';
import { MinutesPdfController } from './minutes-pdf.controller';
import { PlanPdfController } from './plan-pdf.controller';
import { PrintStyleController } from './print-style.controller';

/** The documents people print or download as PDF, each built from its page's read model. */
@Module({
  imports: [AgendaModule, SessionMinutesModule],
  controllers: [AgendaPdfController, MinutesPdfController, PlanPdfController, PrintStyleController],
})
export class PrintModule {}
