import { Module } from '@nestjs/common';
import { ObligationsModule, OpenDossierModule } from '@overlegtafels/application';
import { PageService } from '../web/page.service';
import { ViewRenderer } from '../web/view-renderer.service';
import { ObligationFormsApiController } from './obligation-forms-api.controller';
import { ObligationPageController } from './obligation-page.controller';
import { CoordinatiePageController } from './coordinatie-page.controller';
import { ObligationsApiController } from './obligations-api.controller';
import { OpvolgingPageController } from './opvolging-page.controller';

/** The api's part of the follow-up obligations: "Mijn opvolging", the coordinators' dashboard, REST. */
@Module({
  imports: [ObligationsModule, OpenDossierModule],
  controllers: [
    OpvolgingPageController,
    ObligationPageController,
    CoordinatiePageController,
    ObligationsApiController,
    ObligationFormsApiController,
  ],
  providers: [ViewRenderer, PageService],
  // Re-exported so that the api's calendar feed can add the subscriber's due dates.
  exports: [ObligationsModule],
})
export class ObligationsApiModule {}
