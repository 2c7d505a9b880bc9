import { DynamicModule, Global, Module } from '@nestjs/common';
import { AgendaItemRepository, AgendaSessionRepository, UnitOfWork } from '@overlegtafels/application';
import { AuthModule } from '@overlegtafels/auth';
import { AppConfig, Clock, CLOCK, ConfigModule, SystemClock } from '@overlegtafels/config';
import { mailIdentity, MailModule, MailSink } from '@overlegtafels/mail';
import { getRegion } from '@overlegtafels/regions';
import {
  PersistenceModule,
  PrismaAgendaItemRepository,
  PrismaAgendaSessionRepository,
  PrismaUnitOfWork,
} from '@overlegtafels/persistence';
import { QueuesModule } from '@overlegtafels/queues';
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
        bindPort(AgendaSessionRepository, PrismaAgendaSessionRepository),
        bindPort(AgendaItemRepository, PrismaAgendaItemRepository),
      ],
      exports: [CLOCK, UnitOfWork, AgendaSessionRepository, AgendaItemRepository],
    };
  }
}
