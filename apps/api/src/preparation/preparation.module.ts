import { Module } from '@nestjs/common';
import { PreparationModule } from '@overlegtafels/application';
import { PageService } from '../web/page.service';
import { ViewRenderer } from '../web/view-renderer.service';
import { PreparationApiController } from './preparation-api.controller';
import { PreparationPageController } from './preparation-page.controller';

/** The preparation's API and pages (issue 13, item 1). */
@Module({
  imports: [PreparationModule],
  controllers: [PreparationApiController, PreparationPageController],
  providers: [ViewRenderer, PageService],
})
export class PreparationApiModule {}
