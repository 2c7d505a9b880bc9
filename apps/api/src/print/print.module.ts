import { Module } from '@nestjs/common';
import { AgendaModule } from '@overlegtafels/application';
import { AgendaPdfController } from './agenda-pdf.controller';
import { PrintStyleController } from './print-style.controller';

/** The documents people print or download as PDF, each built from its page's read model. */
@Module({
  imports: [AgendaModule],
  controllers: [AgendaPdfController, PrintStyleController],
})
export class PrintModule {}
