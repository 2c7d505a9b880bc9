import { Module } from '@nestjs/common';
import {
  AgendaMailingModule,
  AgendaModule,
  ListSessionAnswersUseCase,
  SessionMinutesModule,
  ToDoModule,
} from '@overlegtafels/application';
import { ViewRenderer } from './view-renderer.service';
import { AanmeldingPageController } from '../agenda/aanmelding-page.controller';
import { AgenderingPageController } from '../agenda/agendering-page.controller';
import { CapaciteitPageController } from '../agenda/capaciteit-page.controller';
import { ReadAuditTrailUseCase } from '@overlegtafels/application';
import { AuditPageController } from '../audit/audit-page.controller';
import { DossierListPageController } from '../dossiers/dossier-list-page.controller';
import { DossierPageController } from '../dossiers/dossier-page.controller';
import { RiskPicturePageController } from '../dossiers/risk-picture-page.controller';
import { PageService } from './page.service';
import { TafelsPageController } from '../tables/tafels-page.controller';
import { ZittingPageController } from '../sessions/zitting-page.controller';
import { DecisionHistoryPageController } from '../sessions/decision-history-page.controller';
import { ItemDocumentPageController } from '../agenda-items/item-document-page.controller';
import { TeDoenPageController } from '../home/te-doen-page.controller';
import { PlanVanAanpakPageController } from '../plan-van-aanpak/plan-van-aanpak-page.controller';

/**
 * The server-rendered pages of the agenda (forms, agendas, dossier page). They call the same use
 * cases as the JSON API; the freeze button uses the agenda-mailing module's freeze use case.
 */
@Module({
  imports: [AgendaModule, AgendaMailingModule, SessionMinutesModule, ToDoModule],
  controllers: [
    AanmeldingPageController,
    AgenderingPageController,
    TafelsPageController,
    ZittingPageController,
    DecisionHistoryPageController,
    ItemDocumentPageController,
    TeDoenPageController,
    AuditPageController,
    DossierListPageController,
    DossierPageController,
    RiskPicturePageController,
    CapaciteitPageController,
    PlanVanAanpakPageController,
  ],
  providers: [ViewRenderer, PageService, ReadAuditTrailUseCase, ListSessionAnswersUseCase],
})
export class PagesModule {}
