import { Module } from '@nestjs/common';
import { SessionMinutesModule } from '@overlegtafels/application';
import { PageService } from '../web/page.service';
import { ViewRenderer } from '../web/view-renderer.service';
import { MinutesApiController } from './minutes-api.controller';
import { VerslagPageController } from './verslag-page.controller';

/** The api's part of the verslag: its pages and REST. */
@Module({
  imports: [SessionMinutesModule],
  controllers: [VerslagPageController, MinutesApiController],
  providers: [ViewRenderer, PageService],
})
export class MinutesApiModule {}
