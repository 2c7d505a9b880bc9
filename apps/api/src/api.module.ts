import { APP_INTERCEPTOR } from '@nestjs/core';
import { RequestRegionInterceptor } from './web/request-region.interceptor';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import {
  AgendaModule,
  BeheerModule,
  CalendarFeedUseCase,
  ChooseCalendarReminderUseCase,
  CheckHealthUseCase,
  ListDemoPeopleUseCase,
  ListDossiersUseCase,
  ListFailedMailUseCase,
  LogInUseCase,
  LoginRefusals,
  LoginThrottle,
  LogOutUseCase,
  ReadDocumentUseCase,
  ReadOutboxStatusUseCase,
  RenewCalendarFeedUseCase,
  RevokeCalendarFeedUseCase,
  RequestLoginLinkUseCase,
  RetryFailedMailUseCase,
  MailRegions,
  ReadDevMailUseCase,
  SendTestMailUseCase,
  LogInWithOidcUseCase,
  ToDoModule,
} from '@overlegtafels/application';
import { CoreModule, CoreOptions } from '@overlegtafels/runtime';
import { OidcLogin } from '@overlegtafels/auth';
import { AgendaApiController } from './agenda/agenda-api.controller';
import { AgendaItemsApiController } from './agenda-items/agenda-items-api.controller';
import { DecisionHistoryApiController } from './agenda-items/decision-history-api.controller';
import { ItemDocumentApiController } from './agenda-items/item-document-api.controller';
import { ClosedPeriodsApiController } from './sessions/closed-periods-api.controller';
import { SessionsApiController } from './sessions/sessions-api.controller';
import { PlanVanAanpakApiController } from './plan-van-aanpak/plan-van-aanpak-api.controller';
import { OpenApiController, OpenApiRegistry } from './openapi/openapi.controller';
import { PagesModule } from './web/pages.module';
import { PrintModule } from './print/print.module';
import { ObligationsApiModule } from './obligations/obligations-api.module';
import { MinutesApiModule } from './minutes/minutes-api.module';
import { PreparationApiModule } from './preparation/preparation.module';
import { FailedMailsController } from './beheer/failed-mails.controller';
import { BeheerApiController } from './beheer/beheer-api.controller';
import { BeheerPageController } from './beheer/beheer-page.controller';
import { BeheerPeoplePageController } from './beheer/beheer-people-page.controller';
import { PageService } from './web/page.service';
import { OutboxMessagesController } from './beheer/outbox-messages.controller';
import { TestMailController } from './beheer/test-mail.controller';
import { CalendarFeedController } from './calendar-feed/calendar-feed.controller';
import { AuthController } from './auth/auth.controller';
import { OidcController } from './auth/oidc.controller';
import { DevMailController } from './dev-mail/dev-mail.controller';
import { DocumentsController } from './documents/documents.controller';
import { CasusregieApiController } from './dossiers/casusregie-api.controller';
import { DossierReopeningController } from './dossiers/dossier-reopening.controller';
import { RiskPictureApiController } from './dossiers/risk-picture-api.controller';
import { DossiersController } from './dossiers/dossiers.controller';
import { HealthController } from './health/health.controller';
import { HomeController } from './home/home.controller';
import { MeController } from './home/me.controller';
import { TeDoenApiController } from './home/te-doen-api.controller';
import { TablesController } from './tables/tables.controller';
import { HttpErrorFilter } from './web/html-exception.filter';
import { RefusalAudit } from './web/refusal-audit';
import { ViewRenderer } from './web/view-renderer.service';
import { UploadSpool } from './web/upload.middleware';

export interface ApiModuleOptions extends CoreOptions {
  /** The default mode runs the worker in the same process. */
  withWorker?: Type | DynamicModule;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(options),
        AgendaModule,
        BeheerModule,
        ToDoModule,
        PagesModule,
        PrintModule,
        ObligationsApiModule,
        MinutesApiModule,
        PreparationApiModule,
        ...(options.withWorker ? [options.withWorker] : []),
      ],
      controllers: [
        HealthController,
        AuthController,
        OidcController,
        HomeController,
        MeController,
        TeDoenApiController,
        DossiersController,
        CasusregieApiController,
        DossierReopeningController,
        RiskPictureApiController,
        TestMailController,
        OutboxMessagesController,
        FailedMailsController,
        BeheerApiController,
        BeheerPageController,
        BeheerPeoplePageController,
        CalendarFeedController,
        DevMailController,
        TablesController,
        AgendaApiController,
        SessionsApiController,
        ClosedPeriodsApiController,
        AgendaItemsApiController,
        DecisionHistoryApiController,
        ItemDocumentApiController,
        DocumentsController,
        PlanVanAanpakApiController,
        OpenApiController,
      ],
      providers: [
        { provide: APP_INTERCEPTOR, useClass: RequestRegionInterceptor },
        ViewRenderer,
        PageService,
        UploadSpool,
        OpenApiRegistry,
        RequestLoginLinkUseCase,
        LogInUseCase,
        LoginRefusals,
        LoginThrottle,
        LogOutUseCase,
        ListDemoPeopleUseCase,
        ListDossiersUseCase,
        SendTestMailUseCase,
        OidcLogin,
        LogInWithOidcUseCase,
        RetryFailedMailUseCase,
        MailRegions,
        ReadDevMailUseCase,
        ListFailedMailUseCase,
        ReadOutboxStatusUseCase,
        CalendarFeedUseCase,
        ChooseCalendarReminderUseCase,
        CheckHealthUseCase,
        ReadDocumentUseCase,
        RenewCalendarFeedUseCase,
        RevokeCalendarFeedUseCase,
        RefusalAudit,
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
