import { DynamicModule, Global, Module } from '@nestjs/common';
import {
  AuditLog,
  CalendarFeedTokens,
  DatabaseProbe,
  Documents,
  DossierList,
  LoginPeople,
  LoginSessions,
  MailJobQueue,
  MailProbe,
  MailSender,
  Outbox,
  People,
  QueueProbe,
  UnitOfWork,
} from '@overlegtafels/application';
import { AuthModule, SessionService } from '@overlegtafels/auth';
import { AppConfig, Clock, CLOCK, ConfigModule, SystemClock } from '@overlegtafels/config';
import { mailIdentity, MailModule, MailSink, MailTransport } from '@overlegtafels/mail';
import { getRegion } from '@overlegtafels/regions';
import {
  AuditRepository,
  CalendarFeedRepository,
  DossierRepository,
  OutboxRepository,
  PersistenceModule,
  PersonRepository,
  PrismaDocumentRepository,
  PrismaService,
  PrismaUnitOfWork,
} from '@overlegtafels/persistence';
import { MailProducer, QueueConnection, QueuesModule } from '@overlegtafels/queues';
import { bindPort } from './port-binding';

export interface CoreOptions {
  config: AppConfig;
  mailSink?: MailSink;
  /** Tests pass a fixed or controllable clock. */
  clock?: Clock;
}

/**
 * The infrastructure both the api and the worker stand on, and the application's ports bound to
 * it (the unit of work on PostgreSQL, the clock).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(options.config),
        PersistenceModule,
        QueuesModule,
        MailModule.forRoot(
          options.mailSink,
          mailIdentity(
            options.config.mailFrom,
            getRegion(options.config.region)?.name ?? options.config.region,
          ),
        ),
        AuthModule,
      ],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? new SystemClock() },
        bindPort(UnitOfWork, PrismaUnitOfWork),
        bindPort(AuditLog, AuditRepository),
        bindPort(Outbox, OutboxRepository),
        bindPort(Documents, PrismaDocumentRepository),
        bindPort(CalendarFeedTokens, CalendarFeedRepository),
        bindPort(DossierList, DossierRepository),
        bindPort(DatabaseProbe, PrismaService),
        bindPort(QueueProbe, QueueConnection),
        bindPort(MailProbe, MailTransport),
        bindPort(People, PersonRepository),
        bindPort(LoginPeople, PersonRepository),
        bindPort(LoginSessions, SessionService),
        bindPort(MailJobQueue, MailProducer),
        bindPort(MailSender, MailTransport),
      ],
      exports: [
        CLOCK,
        UnitOfWork,
        AuditLog,
        Outbox,
        Documents,
        People,
        MailJobQueue,
        MailSender,
        CalendarFeedTokens,
        LoginPeople,
        LoginSessions,
        DossierList,
        DatabaseProbe,
        QueueProbe,
        MailProbe,
      ],
    };
  }
}
