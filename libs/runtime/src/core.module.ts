import { DynamicModule, Global, Module } from '@nestjs/common';
import {
  AuditLog,
  DossierRepository,
  OrganisationDirectory,
  PersonDirectory,
  RegionRepository,
  ReminderOutbox,
  ReminderMailQueue,
  ObligationPeople,
  ObligationReadModel,
  ObligationRepository,
  ReminderSweepClaim,
  UnitOfWork,
} from '@overlegtafels/application';
import { AuthModule } from '@overlegtafels/auth';
import { AppConfig, Clock, CLOCK, ConfigModule, SystemClock } from '@overlegtafels/config';
import { mailIdentity, MailModule, MailSink } from '@overlegtafels/mail';
import { getRegion } from '@overlegtafels/regions';
import {
  AuditRepository,
  OrganisationRepository,
  PersistenceModule,
  PrismaDossierRepository,
  PrismaPersonDirectory,
  PrismaRegionRepository,
  OutboxRepository,
  PrismaObligationPeople,
  PrismaObligationReadModel,
  PrismaObligationRepository,
  PrismaReminderSweepClaim,
  PrismaUnitOfWork,
} from '@overlegtafels/persistence';
import { MailProducer, QueuesModule } from '@overlegtafels/queues';
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
        bindPort(DossierRepository, PrismaDossierRepository),
        bindPort(RegionRepository, PrismaRegionRepository),
        bindPort(PersonDirectory, PrismaPersonDirectory),
        bindPort(OrganisationDirectory, OrganisationRepository),
        ...obligationPorts,
      ],
      exports: [
        CLOCK,
        UnitOfWork,
        AuditLog,
        DossierRepository,
        RegionRepository,
        PersonDirectory,
        OrganisationDirectory,
        ...obligationPorts.map((p) => p.provide),
      ],
    };
  }
}
