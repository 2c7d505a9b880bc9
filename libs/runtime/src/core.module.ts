import { DynamicModule, Global, Module } from '@nestjs/common';
import {
  AuditLog,
  AuditTrail,
  CalendarFeedTokens,
  CalendarReminders,
  CalendarReplies,
  ReplyMailbox,
  DatabaseProbe,
  Documents,
  DossierList,
  DossierPages,
  DecisionHistory,
  DossierRepository as DossierRepositoryPort,
  DossierReopenings,
  LoginAttempts,
  ExpiredLogins,
  ReconcileLedger,
  LoginSessions,
  MailJobQueue,
  MailOutbox,
  MailProbe,
  MailSender,
  QueueProbe,
  OrganisationDirectory,
  BeheerDirectory,
  CasusregieHandoverReads,
  PersonDirectory,
  RegionRepository,
  ObligationReadModel,
  ObligationRepository,
  ReminderSweepClaim,
  SessionMinutesRepository,
  UnitOfWork,
  DossierRetention,
  AgendaItemRepository,
  AgendaMailing,
  AgendaReadModel,
  AgendaSessionRepository,
  CalendarStateRepository,
  RiskPictureRepository,
  PlanVanAanpakRepository,
  ItemPreparationRepository,
  SubmissionLedger,
  SubmittedOnce,
  ItemDocuments,
  ToDoReadModel,
} from '@overlegtafels/application';
import { AuthModule, SessionService, SessionStore } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, Clock, CLOCK, ConfigModule, SystemClock } from '@overlegtafels/config';
import {
  ImapReplyMailbox,
  MAIL_IDENTITY,
  RegionMailIdentities,
  allIdentities,
  MAIL_SINK,
  mailIdentity,
  MailIdentity,
  MailModule,
  MailSink,
  MailTransport,
  OpenReplyMailbox,
  SinkReplyMailbox,
} from '@overlegtafels/mail';
import { getRegion, mailFromOf } from '@overlegtafels/regions';
import {
  AgendaMailingRepository,
  AuditRepository,
  PrismaAuditTrail,
  CalendarFeedRepository,
  PrismaCalendarReminders,
  PrismaCalendarReplies,
  PrismaMailOutbox,
  PersistenceModule,
  PrismaAgendaItemRepository,
  PrismaAgendaReadModel,
  PrismaAgendaSessionRepository,
  PrismaCalendarStateRepository,
  PrismaDocumentRepository,
  PrismaItemDocumentRepository,
  PrismaToDoReadModel,
  PrismaItemPreparationRepository,
  OrganisationRepository,
  PrismaDossierReadModel,
  PrismaDossierRepository,
  PrismaDossierReopenings,
  PrismaDecisionHistory,
  PrismaLoginAttempts,
  PrismaExpiredLogins,
  PrismaPersonDirectory,
  PrismaBeheerDirectory,
  PrismaCasusregieHandoverReads,
  PrismaRegionRepository,
  PrismaObligationReadModel,
  PrismaReconcileLedger,
  PrismaObligationRepository,
  PrismaPlanVanAanpakRepository,
  PrismaReminderSweepClaim,
  PrismaRiskPictureRepository,
  PrismaService,
  PrismaSessionMinutesRepository,
  PrismaSubmissionLedger,
  PrismaDossierRetention,
  PrismaUnitOfWork,
  UserSessionRepository,
} from '@overlegtafels/persistence';
import { MailProducer, QueueConnection, QueuesModule } from '@overlegtafels/queues';
import { bindPort } from './port-binding';

export interface CoreOptions {
  config: AppConfig;
  mailSink?: MailSink;
  /** Tests pass a fixed or controllable clock. */
  clock?: Clock;
}

/** The follow-up obligations' ports: their repositories, the reminder sweep, the pages' read model. */
const obligationPorts = [
  bindPort(ObligationRepository, PrismaObligationRepository),
  bindPort(ReminderSweepClaim, PrismaReminderSweepClaim),
  bindPort(ObligationReadModel, PrismaObligationReadModel),
  bindPort(ReconcileLedger, PrismaReconcileLedger),
  bindPort(SessionMinutesRepository, PrismaSessionMinutesRepository),
];

/** The dossiers' ports: the aggregate's intent methods, the region's id, people and organisations. */
const dossierPorts = [
  bindPort(DossierRepositoryPort, PrismaDossierRepository),
  bindPort(DossierReopenings, PrismaDossierReopenings),
  bindPort(DecisionHistory, PrismaDecisionHistory),
  bindPort(RegionRepository, PrismaRegionRepository),
  bindPort(PersonDirectory, PrismaPersonDirectory),
  bindPort(OrganisationDirectory, OrganisationRepository),
  bindPort(BeheerDirectory, PrismaBeheerDirectory),
  bindPort(CasusregieHandoverReads, PrismaCasusregieHandoverReads),
  bindPort(RiskPictureRepository, PrismaRiskPictureRepository),
  bindPort(PlanVanAanpakRepository, PrismaPlanVanAanpakRepository),
];

/** The edge's ports: audit log, outbox and mail, documents, logins, the calendar feed, health probes. */
const edgePorts = [
  bindPort(AuditLog, AuditRepository),
  bindPort(AuditTrail, PrismaAuditTrail),
  bindPort(MailOutbox, PrismaMailOutbox),
  bindPort(Documents, PrismaDocumentRepository),
  bindPort(ItemDocuments, PrismaItemDocumentRepository),
  bindPort(ToDoReadModel, PrismaToDoReadModel),
  bindPort(CalendarFeedTokens, CalendarFeedRepository),
  bindPort(CalendarReminders, PrismaCalendarReminders),
  bindPort(CalendarReplies, PrismaCalendarReplies),
  // The organiser mailbox: IMAP when REPLY_IMAP_URL is set, else the local sink's (the default
  // mode), else none (mail goes out over SMTP and no mailbox is read).
  {
    provide: ReplyMailbox,
    inject: [APP_CONFIG, MAIL_SINK, MAIL_IDENTITY],
    useFactory: (config: AppConfig, sink: MailSink | null, identity: MailIdentity): ReplyMailbox => {
      if (config.replyImap) return new ImapReplyMailbox(config.replyImap);
      if (sink)
        return new SinkReplyMailbox(
          sink.directory,
          allIdentities(identity).map((i) => i.sender.address),
        );
      const none: OpenReplyMailbox = {
        list: async () => [],
        read: async () => Buffer.alloc(0),
        moveTo: async () => {},
      };
      return { open: (work) => work(none) };
    },
  },
  bindPort(DossierList, PrismaDossierReadModel),
  bindPort(DossierPages, PrismaDossierReadModel),
  bindPort(DatabaseProbe, PrismaService),
  bindPort(QueueProbe, QueueConnection),
  bindPort(MailProbe, MailTransport),
  bindPort(SessionStore, UserSessionRepository),
  bindPort(LoginSessions, SessionService),
  bindPort(LoginAttempts, PrismaLoginAttempts),
  bindPort(ExpiredLogins, PrismaExpiredLogins),
  bindPort(MailJobQueue, MailProducer),
  bindPort(MailSender, MailTransport),
  bindPort(ItemPreparationRepository, PrismaItemPreparationRepository),
  bindPort(SubmissionLedger, PrismaSubmissionLedger),
  bindPort(DossierRetention, PrismaDossierRetention),
];

/** Each region's mail identity (MAIL_FROM over the configuration's in an installation of one region). */
function regionMailIdentities(config: AppConfig): RegionMailIdentities {
  const byRegion = new Map(
    config.regions.map((key) => {
      const region = getRegion(key)!;
      return [key, mailIdentity(config.mailFrom ?? mailFromOf(region), region.name)] as const;
    }),
  );
  return new RegionMailIdentities(byRegion, config);
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
        MailModule.forRoot(options.mailSink, regionMailIdentities(options.config)),
        AuthModule,
      ],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? new SystemClock() },
        bindPort(UnitOfWork, PrismaUnitOfWork),
        ...dossierPorts,
        bindPort(AgendaSessionRepository, PrismaAgendaSessionRepository),
        bindPort(AgendaItemRepository, PrismaAgendaItemRepository),
        bindPort(AgendaMailing, AgendaMailingRepository),
        bindPort(AgendaReadModel, PrismaAgendaReadModel),
        bindPort(CalendarStateRepository, PrismaCalendarStateRepository),
        ...obligationPorts,
        ...edgePorts,
        // Submissions made once (issue #15): the use cases' one way to honour a one-time key.
        SubmittedOnce,
      ],
      exports: [
        CLOCK,
        SubmittedOnce,
        UnitOfWork,
        ...dossierPorts.map((p) => p.provide),
        AgendaSessionRepository,
        AgendaItemRepository,
        AgendaMailing,
        AgendaReadModel,
        CalendarStateRepository,
        ...[...obligationPorts, ...edgePorts].map((p) => p.provide),
      ],
    };
  }
}
