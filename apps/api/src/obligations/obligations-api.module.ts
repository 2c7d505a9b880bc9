import { Module } from '@nestjs/common';
import { ObligationsModule, OpenDossierModule } from '@overlegtafels/application';
import { ViewRenderer } from '../web/view-renderer.service';
import { CoordinatiePageController } from './coordinatie-page.controller';
import { ObligationsApiController } from './obligations-api.controller';
import { OpvolgingPageController } from './opvolging-page.controller';

/** The api's part of the follow-up obligations: "Mijn opvolging", the coordinators' dashboard, REST. */
@Module({
  imports: [ObligationsModule, OpenDossierModule],
  controllers: [OpvolgingPageController, CoordinatiePageController, ObligationsApiController],
  providers: [ViewRenderer],
  // Re-exported so that the api's calendar feed can add the subscriber's due dates.
  exports: [ObligationsModule],
})
export class ObligationsApiModule {}
