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
  ReminderOutbox,
  ReminderMailQueue,
  ObligationPeople,
  ObligationReadModel,
  ObligationRepository,
  ReminderSweepClaim,
  UnitOfWork,
  AgendaItemRepository,
  AgendaMailing,
  AgendaSessionRepository,
} from '@overlegtafels/application';
import { AuthModule, SessionService } from '@overlegtafels/auth';
import { AppConfig, Clock, CLOCK, ConfigModule, SystemClock } from '@overlegtafels/config';
import { mailIdentity, MailModule, MailSink, MailTransport } from '@overlegtafels/mail';
import { getRegion } from '@overlegtafels/regions';
import {
  AgendaMailingRepository,
  AuditRepository,
  CalendarFeedRepository,
  DossierRepository,
  OutboxRepository,
  PersistenceModule,
  PrismaAgendaItemRepository,
  PrismaAgendaSessionRepository,
  PersonRepository,
  PrismaDocumentRepository,
  PrismaObligationPeople,
  PrismaObligationReadModel,
  PrismaObligationRepository,
  PrismaReminderSweepClaim,
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

/** The follow-up obligations' ports: their repositories, the people, the pages' read model, mail. */
const obligationPorts = [
  bindPort(ObligationRepository, PrismaObligationRepository),
  bindPort(ReminderSweepClaim, PrismaReminderSweepClaim),
  bindPort(ObligationPeople, PrismaObligationPeople),
  bindPort(ObligationReadModel, PrismaObligationReadModel),
  bindPort(ReminderOutbox, OutboxRepository),
  bindPort(ReminderMailQueue, MailProducer),
];

/** The edge's ports: audit log, outbox and mail, documents, logins, the calendar feed, health probes. */
const edgePorts = [
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
];

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
        bindPort(AgendaSessionRepository, PrismaAgendaSessionRepository),
        bindPort(AgendaItemRepository, PrismaAgendaItemRepository),
        bindPort(AgendaMailing, AgendaMailingRepository),
        ...obligationPorts,
        ...edgePorts,
      ],
      exports: [
        CLOCK,
        UnitOfWork,
        AgendaSessionRepository,
        AgendaItemRepository,
        AgendaMailing,
        ...[...obligationPorts, ...edgePorts].map((p) => p.provide),
      ],
    };
  }
}
