import { Module } from '@nestjs/common';
import { AgendaMailingModule, AgendaModule } from '@overlegtafels/application';
import { ViewRenderer } from '../web/view-renderer.service';
import { AanmeldingPageController } from './aanmelding.controller';
import { AgenderingPageController } from './agendering.controller';
import { CapaciteitPageController } from './capaciteit.controller';
import { DossierPageController } from './dossier.controller';
import { PageService } from './page.service';
import { TafelsPageController } from './tafels.controller';
import { ZittingPageController } from './zitting.controller';

/**
 * The server-rendered pages of the agenda (forms, agendas, dossier page). They call the same use
 * cases as the JSON API; the freeze button uses the agenda-mailing module's freeze use case.
 */
@Module({
  imports: [AgendaModule, AgendaMailingModule],
  controllers: [
    AanmeldingPageController,
    AgenderingPageController,
    TafelsPageController,
    ZittingPageController,
    DossierPageController,
    CapaciteitPageController,
  ],
  providers: [ViewRenderer, PageService],
})
export class PagesModule {}
